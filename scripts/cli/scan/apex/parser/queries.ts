/**
 * SOQL (`[SELECT ...]`) and SOSL (`[FIND ...]`) inside Apex, as apex-parser's grammar has them, clause
 * by clause. The tree keeps what the rules need: the object, the selected field paths and subqueries,
 * the access mode (WITH USER_MODE ...) and the bound Apex expressions (`:name`) in source order; the
 * rest is checked and passed over. SOQL keywords are also names (`Count`, `Order`, `Data`), so where a
 * keyword could be either, the token after it decides, as ANTLR's look-ahead would.
 */
import type { AccessMode, Expr, SoqlQuery } from '../ast';
import { ExpressionParser } from './expressions';
import { ID_TOKENS, TOKEN, tokenSet } from './tokens';

// Module-local bindings of the token tables: under a per-file CommonJS transform (tsx, Jest) an
// imported binding is a getter call on every use, and these are read for every token.
const T = TOKEN;
const IS_ID = tokenSet(ID_TOKENS);

type Subqueries = SoqlQuery['subqueries'];

/** Functions whose argument is a field path (`COUNT(Id)`); the date functions also take CONVERTTIMEZONE(f). */
const FIELD_FUNCTIONS = tokenSet('AVG COUNT COUNT_DISTINCT MIN MAX SUM TOLABEL GROUPING CONVERT_CURRENCY');
const DATE_FUNCTIONS = tokenSet(
    'CALENDAR_MONTH CALENDAR_QUARTER CALENDAR_YEAR DAY_IN_MONTH DAY_IN_WEEK DAY_IN_YEAR DAY_ONLY FISCAL_MONTH ' +
        'FISCAL_QUARTER FISCAL_YEAR HOUR_IN_DAY WEEK_IN_MONTH WEEK_IN_YEAR'
);
const DATE_FORMULAS = tokenSet(
    'YESTERDAY TODAY TOMORROW LAST_WEEK THIS_WEEK NEXT_WEEK LAST_MONTH THIS_MONTH NEXT_MONTH LAST_90_DAYS ' +
        'NEXT_90_DAYS THIS_QUARTER LAST_QUARTER NEXT_QUARTER THIS_YEAR LAST_YEAR NEXT_YEAR THIS_FISCAL_QUARTER ' +
        'LAST_FISCAL_QUARTER NEXT_FISCAL_QUARTER THIS_FISCAL_YEAR LAST_FISCAL_YEAR NEXT_FISCAL_YEAR'
);
const DATE_FORMULAS_N = tokenSet(
    'LAST_N_DAYS_N NEXT_N_DAYS_N N_DAYS_AGO_N NEXT_N_WEEKS_N LAST_N_WEEKS_N N_WEEKS_AGO_N NEXT_N_MONTHS_N ' +
        'LAST_N_MONTHS_N N_MONTHS_AGO_N NEXT_N_QUARTERS_N LAST_N_QUARTERS_N N_QUARTERS_AGO_N NEXT_N_YEARS_N ' +
        'LAST_N_YEARS_N N_YEARS_AGO_N NEXT_N_FISCAL_QUARTERS_N LAST_N_FISCAL_QUARTERS_N N_FISCAL_QUARTERS_AGO_N ' +
        'NEXT_N_FISCAL_YEARS_N LAST_N_FISCAL_YEARS_N N_FISCAL_YEARS_AGO_N'
);
const SIMPLE_VALUES = tokenSet(
    'NULL BooleanLiteral StringLiteral MultilineStringLiteral DateLiteral TimeLiteral DateTimeLiteral'
);
const STRINGS = tokenSet('StringLiteral MultilineStringLiteral');
/** Tokens that begin a comparison operator (=, !=, <, >, <>, LIKE, IN, NOT IN, INCLUDES, EXCLUDES). */
const COMPARISONS = tokenSet('ASSIGN NOTEQUAL LT GT LESSANDGREATER LIKE IN NOT INCLUDES EXCLUDES');
const SEARCH_GROUPS = tokenSet('ALL EMAIL NAME PHONE SIDEBAR');
const FILTERING_SELECTORS = tokenSet('AT ABOVE BELOW ABOVE_OR_BELOW');

/** Where a query ends: the `]` of a query, the `)` of a subquery. */
type QueryEnd = number;

export abstract class QueryParser extends ExpressionParser {
    protected soql(): Expr {
        const start = this.expect(T.LBRACK);
        const query = this.query(T.RBRACK, null);
        const end = this.expect(T.RBRACK, 'to close the query');
        return { kind: 'soql', query: query as SoqlQuery, span: this.span(start, end) };
    }

    /**
     * SELECT ... FROM ... and its clauses, up to (not including) `close`. With `into` null this is a
     * query, and the result is the whole SoqlQuery; otherwise a subquery whose binds go to `into`.
     */
    private query(close: QueryEnd, into: Expr[] | null): SoqlQuery | { relationship: string; fields: string[] } {
        this.expect(T.SELECT);
        const top = into === null;
        const binds = into ?? [];
        const fields: string[] = [];
        const subqueries: Subqueries = [];
        do {
            this.selectEntry(fields, top ? subqueries : [], binds);
        } while (this.accept(T.COMMA));
        this.expect(T.FROM, 'after the selected fields');
        const from = this.fromNameList();
        let mode: AccessMode | null = null;
        if (top && this.at(T.USING) && this.ty[this.i + 1] === T.SCOPE) {
            this.i += 2;
            this.idToken('a scope');
        }
        if (this.at(T.WHERE)) {
            this.i += 1;
            this.logicalExpression(binds, true);
        }
        if (top && this.at(T.WITH)) {
            mode = this.withClause(binds);
        }
        if (top && this.at(T.GROUP) && this.ty[this.i + 1] === T.BY) {
            this.groupBy(binds);
        }
        if (this.at(T.ORDER)) {
            this.i += 1;
            this.expect(T.BY, "after 'ORDER'");
            this.fieldOrderList(binds);
        }
        this.limitOrOffset(T.LIMIT, binds);
        if (top) {
            this.limitOrOffset(T.OFFSET, binds);
            if (this.at(T.ALL)) {
                this.i += 1;
                this.expect(T.ROWS, "after 'ALL'");
            }
        }
        this.forClauses();
        if (this.accept(T.UPDATE)) {
            this.updateList();
        }
        if (!this.at(close)) {
            throw this.failure(close === T.RBRACK ? "expected ']' to close the query" : "expected ')'");
        }
        if (!top) {
            return { relationship: from, fields: this.trimmed(fields) };
        }
        return { from, fields: this.trimmed(fields), subqueries, mode, binds: this.trimmed(binds) };
    }

    /** One entry of the select list: a field, a function, a subquery or TYPEOF, and an optional alias. */
    private selectEntry(fields: string[], subqueries: Subqueries, binds: Expr[]): void {
        const t = this.ty[this.i];
        const next = this.ty[this.i + 1];
        if (t === T.LPAREN) {
            this.i += 1;
            subqueries.push(this.query(T.RPAREN, binds) as Subqueries[number]);
            this.i += 1;
        } else if (t === T.TYPEOF && IS_ID[next] === 1 && this.typeOfFollows()) {
            this.typeOf(fields);
            return;
        } else if (next === T.LPAREN && this.isFunction(t)) {
            this.soqlFunction(fields, binds);
        } else {
            fields.push(this.fieldName());
        }
        // An alias: any name, but FROM only where the real FROM or another entry follows it.
        const after = this.ty[this.i + 1];
        if (IS_ID[this.ty[this.i]] === 1 && (!this.at(T.FROM) || after === T.FROM || after === T.COMMA)) {
            this.i += 1;
        }
    }

    /** `TYPEOF field WHEN`: a TYPEOF clause rather than a field called TypeOf. */
    private typeOfFollows(): boolean {
        let j = this.i + 2;
        while (this.ty[j] === T.DOT && IS_ID[this.ty[j + 1]] === 1) {
            j += 2;
        }
        return this.ty[j] === T.WHEN;
    }

    /** TYPEOF What WHEN Account THEN Name, Phone ... ELSE Title END: the fields of every branch. */
    private typeOf(fields: string[]): void {
        this.i += 1;
        this.fieldName();
        do {
            this.expect(T.WHEN);
            this.fieldName();
            this.expect(T.THEN, 'in TYPEOF');
            this.fieldNameList(fields);
        } while (this.at(T.WHEN));
        if (this.accept(T.ELSE)) {
            this.fieldNameList(fields);
        }
        this.expect(T.END, 'to close TYPEOF');
    }

    private fieldNameList(fields: string[]): void {
        do {
            fields.push(this.fieldName());
        } while (this.accept(T.COMMA));
    }

    private isFunction(t: number): boolean {
        return (
            FIELD_FUNCTIONS[t] === 1 || DATE_FUNCTIONS[t] === 1 || t === T.FORMAT || t === T.FIELDS || t === T.DISTANCE
        );
    }

    /** A SOQL function call; the field it reads (if any) goes to `fields`. */
    private soqlFunction(fields: string[], binds: Expr[]): void {
        const t = this.ty[this.i];
        this.i += 2;
        if (t === T.COUNT && this.accept(T.RPAREN)) {
            return;
        }
        if (t === T.FIELDS) {
            const param = this.ty[this.i];
            if (param !== T.ALL && param !== T.CUSTOM && param !== T.STANDARD) {
                throw this.failure('expected ALL, CUSTOM or STANDARD');
            }
            fields.push(`FIELDS(${this.tk.text(this.i).toUpperCase()})`);
            this.i += 1;
        } else if (t === T.FORMAT && this.ty[this.i + 1] === T.LPAREN && this.isFunction(this.ty[this.i])) {
            this.soqlFunction([], binds);
        } else if (t === T.DISTANCE) {
            this.locationValue(binds);
            this.expect(T.COMMA);
            this.locationValue(binds);
            this.expect(T.COMMA);
            if (STRINGS[this.ty[this.i]] !== 1) {
                throw this.failure("expected the unit ('mi' or 'km')");
            }
            this.i += 1;
        } else if (DATE_FUNCTIONS[t] === 1 && this.at(T.CONVERT_TIMEZONE) && this.ty[this.i + 1] === T.LPAREN) {
            this.i += 2;
            fields.push(this.fieldName());
            this.expect(T.RPAREN);
        } else {
            fields.push(this.fieldName());
        }
        this.expect(T.RPAREN, 'to close the function');
    }

    private locationValue(binds: Expr[]): void {
        if (this.at(T.COLON)) {
            this.bound(binds);
        } else if (this.at(T.GEOLOCATION) && this.ty[this.i + 1] === T.LPAREN) {
            this.i += 2;
            this.coordinate(binds);
            this.expect(T.COMMA);
            this.coordinate(binds);
            this.expect(T.RPAREN);
        } else {
            this.fieldName();
        }
    }

    private coordinate(binds: Expr[]): void {
        if (this.at(T.COLON)) {
            this.bound(binds);
        } else {
            this.signedNumber();
        }
    }

    private signedNumber(): void {
        if (!this.accept(T.ADD)) {
            this.accept(T.SUB);
        }
        if (!this.accept(T.IntegerLiteral) && !this.accept(T.NumberLiteral)) {
            throw this.failure('expected a number');
        }
    }

    /** A field path (`Account.Owner.Name`) as written without spaces. */
    protected fieldName(): string {
        const start = this.i;
        this.idToken('a field name');
        while (this.accept(T.DOT)) {
            this.idToken('a field name');
        }
        return this.compact(start, this.i - 1);
    }

    /** FROM A a, a.B b: the first object, as written. */
    private fromNameList(): string {
        const from = this.fieldName();
        this.fromAlias();
        while (this.accept(T.COMMA)) {
            this.fieldName();
            this.fromAlias();
        }
        return from;
    }

    /** An alias after an object: any name that does not begin the next clause. */
    private fromAlias(): void {
        if (IS_ID[this.ty[this.i]] === 1 && !this.clauseStarts()) {
            this.i += 1;
        }
    }

    /** Whether the keyword at the current token begins a clause (as opposed to being an alias). */
    private clauseStarts(): boolean {
        const next = this.ty[this.i + 1];
        switch (this.ty[this.i]) {
            case T.USING:
                return next === T.SCOPE || next === T.LISTVIEW;
            case T.WHERE:
            case T.WITH:
                return next === T.LPAREN || IS_ID[next] === 1;
            case T.GROUP:
            case T.ORDER:
                return next === T.BY;
            case T.LIMIT:
            case T.OFFSET:
                return next === T.IntegerLiteral || next === T.COLON;
            case T.ALL:
                return next === T.ROWS;
            case T.FOR:
                return next === T.VIEW || next === T.UPDATE || next === T.REFERENCE;
            case T.UPDATE:
                return next === T.TRACKING || next === T.VIEWSTAT;
            default:
                return false;
        }
    }

    /** WITH USER_MODE / SYSTEM_MODE / SECURITY_ENFORCED (the access mode), DATA CATEGORY, or a filter. */
    private withClause(binds: Expr[]): AccessMode | null {
        this.i += 1;
        const t = this.ty[this.i];
        const next = this.ty[this.i + 1];
        if (t === T.DATA && next === T.CATEGORY) {
            this.i += 2;
            this.filteringExpression();
            return null;
        }
        if ((t === T.USER_MODE || t === T.SYSTEM_MODE || t === T.SECURITY_ENFORCED) && COMPARISONS[next] !== 1) {
            this.i += 1;
            return t === T.USER_MODE ? 'user' : t === T.SYSTEM_MODE ? 'system' : 'security_enforced';
        }
        this.logicalExpression(binds, false);
        return null;
    }

    /** Geo__c AT usa__c AND Product__c ABOVE (a__c, b__c) */
    private filteringExpression(): void {
        do {
            this.idToken('a data category group');
            if (FILTERING_SELECTORS[this.ty[this.i]] !== 1) {
                throw this.failure('expected AT, ABOVE, BELOW or ABOVE_OR_BELOW');
            }
            this.i += 1;
            if (this.accept(T.LPAREN)) {
                do {
                    this.idToken('a data category');
                } while (this.accept(T.COMMA));
                this.expect(T.RPAREN);
            } else {
                this.idToken('a data category');
            }
        } while (this.accept(T.SOQLAND));
    }

    private groupBy(binds: Expr[]): void {
        this.i += 2;
        const t = this.ty[this.i];
        const wrapped = (t === T.ROLLUP || t === T.CUBE) && this.ty[this.i + 1] === T.LPAREN;
        if (wrapped) {
            this.i += 2;
        }
        do {
            this.fieldOrFunction(binds);
        } while (this.accept(T.COMMA));
        if (wrapped) {
            this.expect(T.RPAREN);
        }
        if (this.accept(T.HAVING)) {
            this.logicalExpression(binds, false);
        }
    }

    private fieldOrFunction(binds: Expr[]): void {
        if (this.ty[this.i + 1] === T.LPAREN && this.isFunction(this.ty[this.i])) {
            this.soqlFunction([], binds);
        } else {
            this.fieldName();
        }
    }

    private fieldOrderList(binds: Expr[]): void {
        do {
            this.fieldOrFunction(binds);
            if (!this.accept(T.ASC)) {
                this.accept(T.DESC);
            }
            if (this.accept(T.NULLS)) {
                if (!this.accept(T.FIRST) && !this.accept(T.LAST)) {
                    throw this.failure("expected FIRST or LAST after 'NULLS'");
                }
            }
        } while (this.accept(T.COMMA));
    }

    /** LIMIT n / LIMIT :expr (or OFFSET). */
    private limitOrOffset(keyword: number, binds: Expr[]): void {
        if (!this.accept(keyword)) {
            return;
        }
        if (this.at(T.COLON)) {
            this.bound(binds);
        } else {
            this.expect(T.IntegerLiteral, keyword === T.LIMIT ? "after 'LIMIT'" : "after 'OFFSET'");
        }
    }

    private forClauses(): void {
        while (this.accept(T.FOR)) {
            const what = this.ty[this.i];
            if (what !== T.VIEW && what !== T.UPDATE && what !== T.REFERENCE) {
                throw this.failure("expected VIEW, UPDATE or REFERENCE after 'FOR'");
            }
            this.i += 1;
        }
    }

    private updateList(): void {
        do {
            if (!this.accept(T.TRACKING) && !this.accept(T.VIEWSTAT)) {
                throw this.failure("expected TRACKING or VIEWSTAT after 'UPDATE'");
            }
        } while (this.accept(T.COMMA));
    }

    /** `:expr`, an Apex expression bound into the query. */
    private bound(binds: Expr[]): void {
        this.expect(T.COLON);
        this.bindDepth += 1;
        try {
            binds.push(this.expression(0));
        } finally {
            this.bindDepth -= 1;
        }
    }

    /**
     * A WHERE (or WITH, HAVING) condition: `NOT c`, or conditions joined all by AND or all by OR (the
     * grammar does not mix them without parentheses), each a comparison or a parenthesised condition.
     * FORMULA('...') comparisons are allowed in WHERE only.
     */
    private logicalExpression(binds: Expr[], where: boolean): void {
        if (this.at(T.NOT) && COMPARISONS[this.ty[this.i + 1]] !== 1 && this.ty[this.i + 1] !== T.DOT) {
            this.i += 1;
            this.condition(binds, where);
            return;
        }
        this.condition(binds, where);
        const joiner = this.ty[this.i];
        if (joiner === T.SOQLAND || joiner === T.SOQLOR) {
            while (this.accept(joiner)) {
                this.condition(binds, where);
            }
        }
    }

    private condition(binds: Expr[], where: boolean): void {
        this.enter();
        try {
            if (this.accept(T.LPAREN)) {
                this.logicalExpression(binds, where);
                this.expect(T.RPAREN, 'to close the condition');
                return;
            }
            if (where && this.at(T.FORMULA) && this.ty[this.i + 1] === T.LPAREN) {
                this.i += 2;
                this.expect(T.StringLiteral, 'in FORMULA(...)');
                this.expect(T.RPAREN);
            } else {
                this.fieldOrFunction(binds);
            }
            this.comparisonOperator();
            this.value(binds);
        } finally {
            this.depth -= 1;
        }
    }

    private comparisonOperator(): void {
        const t = this.ty[this.i];
        if (t === T.LT || t === T.GT) {
            this.i += this.ty[this.i + 1] === T.ASSIGN ? 2 : 1;
        } else if (t === T.NOT) {
            this.i += 1;
            this.expect(T.IN, "after 'NOT'");
        } else if (COMPARISONS[t] === 1) {
            this.i += 1;
        } else {
            throw this.failure('expected a comparison (=, !=, <, >, LIKE, IN ...)');
        }
    }

    private value(binds: Expr[]): void {
        const t = this.ty[this.i];
        if (SIMPLE_VALUES[t] === 1 || DATE_FORMULAS[t] === 1) {
            this.i += 1;
        } else if (t === T.COLON) {
            this.bound(binds);
        } else if (t === T.ADD || t === T.SUB || t === T.IntegerLiteral || t === T.NumberLiteral) {
            this.signedNumber();
        } else if (DATE_FORMULAS_N[t] === 1) {
            this.i += 1;
            this.expect(T.COLON, 'after a relative date such as LAST_N_DAYS');
            if (!this.accept(T.ADD)) {
                this.accept(T.SUB);
            }
            this.expect(T.IntegerLiteral);
        } else if (t === T.IntegralCurrencyLiteral) {
            this.i += 1;
            if (this.accept(T.DOT)) {
                this.accept(T.IntegerLiteral);
            }
        } else if (t === T.LPAREN) {
            this.i += 1;
            if (this.at(T.SELECT)) {
                this.query(T.RPAREN, binds);
            } else {
                do {
                    this.value(binds);
                } while (this.accept(T.COMMA));
            }
            this.expect(T.RPAREN);
        } else {
            throw this.failure('expected a value to compare with');
        }
    }

    // ------------------------------------------------------------ SOSL

    /** `[FIND 'term' ...]` (one FindLiteral token up to the term) or `[FIND :expr ...]`. */
    protected sosl(): Expr {
        const start = this.i;
        const binds: Expr[] = [];
        if (!this.accept(T.FindLiteral)) {
            this.expect(T.LBRACK);
            this.expect(T.FIND);
            this.bound(binds);
        }
        const objects: string[] = [];
        let mode: AccessMode | null = null;
        if (this.accept(T.IN)) {
            if (SEARCH_GROUPS[this.ty[this.i]] !== 1) {
                throw this.failure('expected ALL, EMAIL, NAME, PHONE or SIDEBAR');
            }
            this.i += 1;
            this.expect(T.FIELDS);
        }
        if (this.accept(T.RETURNING)) {
            do {
                objects.push(this.fieldSpec(binds));
            } while (this.accept(T.COMMA));
        }
        while (this.at(T.WITH)) {
            mode = this.soslWith(binds) ?? mode;
        }
        this.limitOrOffset(T.LIMIT, binds);
        if (this.accept(T.UPDATE)) {
            this.updateList();
        }
        const end = this.expect(T.RBRACK, 'to close the search');
        return {
            kind: 'sosl',
            objects: this.trimmed(objects),
            mode,
            binds: this.trimmed(binds),
            span: this.span(start, end)
        };
    }

    /** A dotted SOSL name (soslId). */
    private soslId(): string {
        return this.fieldName();
    }

    /** Account(Id, Name WHERE ... ORDER BY ... LIMIT n OFFSET m): the object's name. */
    private fieldSpec(binds: Expr[]): string {
        const name = this.soslId();
        if (!this.accept(T.LPAREN)) {
            return name;
        }
        do {
            const t = this.ty[this.i];
            if ((t === T.TOLABEL || t === T.CONVERT_CURRENCY || t === T.FORMAT) && this.ty[this.i + 1] === T.LPAREN) {
                this.i += 2;
                if (t === T.FORMAT && this.ty[this.i + 1] === T.LPAREN && this.isFunction(this.ty[this.i])) {
                    this.soqlFunction([], binds);
                } else {
                    this.soslId();
                }
                this.expect(T.RPAREN);
                if (IS_ID[this.ty[this.i]] === 1 && !this.clauseStarts()) {
                    this.i += 1;
                }
                break;
            }
            this.soslId();
        } while (this.accept(T.COMMA));
        if (this.accept(T.WHERE)) {
            this.logicalExpression(binds, false);
        }
        if (this.at(T.USING)) {
            this.i += 1;
            this.expect(T.LISTVIEW);
            this.expect(T.ASSIGN);
            this.soslId();
        }
        if (this.at(T.ORDER)) {
            this.i += 1;
            this.expect(T.BY);
            this.fieldOrderList(binds);
        }
        this.limitOrOffset(T.LIMIT, binds);
        this.limitOrOffset(T.OFFSET, binds);
        this.expect(T.RPAREN, 'to close the field list');
        return name;
    }

    /** One WITH clause of a search; returns the access mode it sets, if any. */
    private soslWith(binds: Expr[]): AccessMode | null {
        this.i += 1;
        const t = this.ty[this.i];
        this.i += 1;
        switch (t) {
            case T.USER_MODE:
                return 'user';
            case T.SYSTEM_MODE:
                return 'system';
            case T.HIGHLIGHT:
                return null;
            case T.DATA:
                this.expect(T.CATEGORY);
                this.filteringExpression();
                return null;
            case T.SNIPPET:
                if (this.accept(T.LPAREN)) {
                    this.expect(T.TARGET_LENGTH);
                    this.expect(T.ASSIGN);
                    this.expect(T.IntegerLiteral);
                    this.expect(T.RPAREN);
                }
                return null;
            case T.NETWORK:
                if (this.accept(T.IN)) {
                    this.expect(T.LPAREN);
                    do {
                        this.string();
                    } while (this.accept(T.COMMA));
                    this.expect(T.RPAREN);
                } else {
                    this.expect(T.ASSIGN);
                    this.string();
                }
                return null;
            case T.DIVISION:
            case T.SPELL_CORRECTION:
                this.expect(T.ASSIGN);
                if (this.at(T.COLON)) {
                    this.bound(binds);
                } else if (t === T.DIVISION) {
                    this.string();
                } else {
                    this.expect(T.BooleanLiteral);
                }
                return null;
            case T.PRICEBOOKID:
            case T.METADATA:
                this.expect(T.ASSIGN);
                this.string();
                return null;
            default:
                throw this.failure("expected a search option after 'WITH'", this.i - 1);
        }
    }

    private string(): void {
        if (STRINGS[this.ty[this.i]] !== 1) {
            throw this.failure('expected a string');
        }
        this.i += 1;
    }
}

/**
 * A small SOQL interpreter for the test org: SELECT with relationship paths, WHERE with AND/OR/NOT,
 * = != < > <= >=, IN / NOT IN, LIKE, null and booleans; ORDER BY; LIMIT. It covers the queries the
 * Warden tooling sends and fails loudly on anything else, so a query the real API would reject does
 * not pass here by accident. Text comparison is case-insensitive, as in SOQL
 * (developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm).
 */

export type Row = Record<string, unknown> & { Id?: string };

export type Query = {
    fields: string[];
    from: string;
    where?: Condition;
    orderBy: Array<{ field: string; descending: boolean }>;
    limit?: number;
};

type Value = string | number | boolean | null;

export type Condition =
    | { kind: 'and' | 'or'; items: Condition[] }
    | { kind: 'not'; item: Condition }
    | { kind: 'compare'; field: string; op: string; value: Value }
    | { kind: 'in'; field: string; negate: boolean; values: Value[] }
    | { kind: 'like'; field: string; pattern: string };

type Token = { type: 'word' | 'string' | 'number' | 'punct'; text: string };

function tokenize(soql: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < soql.length) {
        const c = soql[i];
        if (/\s/.test(c)) {
            i++;
        } else if (c === "'") {
            let value = '';
            i++;
            while (i < soql.length && soql[i] !== "'") {
                if (soql[i] === '\\' && i + 1 < soql.length) {
                    const next = soql[i + 1];
                    value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
                    i += 2;
                } else {
                    value += soql[i++];
                }
            }
            if (soql[i] !== "'") {
                throw new Error('MALFORMED_QUERY: unterminated string literal');
            }
            i++;
            tokens.push({ type: 'string', text: value });
        } else if (/[0-9-]/.test(c) && /[0-9]/.test(soql[i + 1] ?? c)) {
            const match = /^-?[0-9][0-9.:TZ+-]*/.exec(soql.slice(i));
            tokens.push({ type: 'number', text: match![0] });
            i += match![0].length;
        } else if (/[A-Za-z_]/.test(c)) {
            const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(soql.slice(i));
            tokens.push({ type: 'word', text: match![0] });
            i += match![0].length;
        } else if (c === '!' || c === '<' || c === '>') {
            const two = soql.slice(i, i + 2);
            const op = two === '!=' || two === '<=' || two === '>=' ? two : c;
            tokens.push({ type: 'punct', text: op });
            i += op.length;
        } else if ('=(),'.includes(c)) {
            tokens.push({ type: 'punct', text: c });
            i++;
        } else {
            throw new Error(`MALFORMED_QUERY: unexpected character ${c}`);
        }
    }
    return tokens;
}

/** A recursive-descent reader over the tokens of one query; each clause has a method of its own. */
class SoqlParser {
    private position = 0;

    constructor(private readonly tokens: Token[]) {}

    query(): Query {
        this.expectWord('SELECT');
        const fields = this.commaList(() => this.identifier());
        this.expectWord('FROM');
        const from = this.identifier();
        const where = this.acceptWord('WHERE') ? this.or() : undefined;
        const orderBy = this.acceptWord('ORDER') ? this.orderBy() : [];
        const limit = this.acceptWord('LIMIT') ? this.limit() : undefined;
        if (this.position !== this.tokens.length) {
            throw new Error(`MALFORMED_QUERY: unexpected "${this.peek()?.text}"`);
        }
        return { fields, from, where, orderBy, limit };
    }

    private peek(): Token | undefined {
        return this.tokens[this.position];
    }

    private isWord(word: string): boolean {
        const token = this.peek();
        return token?.type === 'word' && token.text.toUpperCase() === word;
    }

    /** Steps over `word` when it comes next, and says whether it did. */
    private acceptWord(word: string): boolean {
        if (!this.isWord(word)) {
            return false;
        }
        this.position++;
        return true;
    }

    private expectWord(word: string): void {
        if (!this.acceptWord(word)) {
            throw new Error(`MALFORMED_QUERY: expected ${word} near "${this.peek()?.text ?? 'end'}"`);
        }
    }

    private expectPunct(text: string): void {
        if (this.peek()?.text !== text) {
            throw new Error(`MALFORMED_QUERY: expected "${text}" near "${this.peek()?.text ?? 'end'}"`);
        }
        this.position++;
    }

    /** One or more items separated by commas. */
    private commaList<T>(item: () => T): T[] {
        const items = [item()];
        while (this.peek()?.text === ',') {
            this.position++;
            items.push(item());
        }
        return items;
    }

    private identifier(): string {
        const token = this.peek();
        if (token?.type !== 'word') {
            throw new Error(`MALFORMED_QUERY: expected a field near "${token?.text ?? 'end'}"`);
        }
        this.position++;
        return token.text;
    }

    private value(): Value {
        const token = this.peek();
        this.position++;
        if (!token) {
            throw new Error('MALFORMED_QUERY: expected a value');
        }
        if (token.type === 'string') {
            return token.text;
        }
        if (token.type === 'number') {
            return /^-?[0-9.]+$/.test(token.text) ? Number(token.text) : token.text;
        }
        const word = token.text.toLowerCase();
        if (word === 'null') return null;
        if (word === 'true') return true;
        if (word === 'false') return false;
        throw new Error(`MALFORMED_QUERY: unsupported value ${token.text}`);
    }

    private or(): Condition {
        const items = [this.and()];
        while (this.acceptWord('OR')) {
            items.push(this.and());
        }
        return items.length === 1 ? items[0] : { kind: 'or', items };
    }

    private and(): Condition {
        const items = [this.primary()];
        while (this.acceptWord('AND')) {
            items.push(this.primary());
        }
        return items.length === 1 ? items[0] : { kind: 'and', items };
    }

    private primary(): Condition {
        if (this.peek()?.text === '(') {
            this.position++;
            const inner = this.or();
            this.expectPunct(')');
            return inner;
        }
        if (this.acceptWord('NOT')) {
            return { kind: 'not', item: this.primary() };
        }
        const field = this.identifier();
        if (this.isWord('IN') || this.isWord('NOT')) {
            const negate = this.acceptWord('NOT');
            this.expectWord('IN');
            this.expectPunct('(');
            const values = this.commaList(() => this.value());
            this.expectPunct(')');
            return { kind: 'in', field, negate, values };
        }
        if (this.acceptWord('LIKE')) {
            const pattern = this.value();
            if (typeof pattern !== 'string') {
                throw new Error('MALFORMED_QUERY: LIKE needs a string');
            }
            return { kind: 'like', field, pattern };
        }
        const op = this.peek();
        if (op?.type !== 'punct' || !['=', '!=', '<', '>', '<=', '>='].includes(op.text)) {
            throw new Error(`MALFORMED_QUERY: expected an operator after ${field}`);
        }
        this.position++;
        return { kind: 'compare', field, op: op.text, value: this.value() };
    }

    /** After ORDER: BY and a list of fields, each ASC (the default) or DESC. */
    private orderBy(): Query['orderBy'] {
        this.expectWord('BY');
        return this.commaList(() => {
            const field = this.identifier();
            const descending = this.acceptWord('DESC');
            if (!descending) {
                this.acceptWord('ASC');
            }
            return { field, descending };
        });
    }

    /** After LIMIT: a number. */
    private limit(): number {
        const n = this.value();
        if (typeof n !== 'number') {
            throw new Error('MALFORMED_QUERY: LIMIT needs a number');
        }
        return n;
    }
}

export function parseSoql(soql: string): Query {
    return new SoqlParser(tokenize(soql)).query();
}

/** Resolves a field path on a row: nested objects first, then <Relationship>Id through `lookup`. */
export type Resolver = (id: string) => Row | undefined;

/** The parent record behind a relationship name: a nested object, or the row's <name>Id looked up. */
function related(row: Row | undefined, name: string, lookup: Resolver): Row | null | undefined {
    if (!row) return undefined;
    const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key !== undefined && row[key] !== undefined) return row[key] as Row | null;
    const idKey = Object.keys(row).find((k) => k.toLowerCase() === `${name}id`.toLowerCase());
    const id = idKey ? row[idKey] : undefined;
    return typeof id === 'string' ? (lookup(id) ?? null) : null;
}

export function getPath(row: Row | undefined, path: string, lookup: Resolver): unknown {
    const parts = path.split('.');
    let current: unknown = row;
    for (let index = 0; index < parts.length; index++) {
        if (current === null || current === undefined || typeof current !== 'object') {
            return undefined;
        }
        const record = current as Row;
        const part = parts[index];
        if (index < parts.length - 1) {
            current = related(record, part, lookup);
        } else {
            const key = Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
            current = key === undefined ? undefined : record[key];
        }
    }
    return current;
}

function normalise(value: unknown): Value {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    return String(value);
}

function equal(a: Value, b: Value): boolean {
    if (a === null || b === null) return a === b;
    if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
    return a === b || String(a) === String(b);
}

function compare(a: Value, b: Value): number {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a ?? '').localeCompare(String(b ?? ''));
}

export function evaluate(condition: Condition | undefined, row: Row, lookup: Resolver): boolean {
    if (!condition) return true;
    switch (condition.kind) {
        case 'and':
            return condition.items.every((item) => evaluate(item, row, lookup));
        case 'or':
            return condition.items.some((item) => evaluate(item, row, lookup));
        case 'not':
            return !evaluate(condition.item, row, lookup);
        case 'in': {
            const actual = normalise(getPath(row, condition.field, lookup));
            const found = condition.values.some((value) => equal(actual, value));
            return condition.negate ? !found : found;
        }
        case 'like': {
            const actual = normalise(getPath(row, condition.field, lookup));
            const regex = new RegExp(
                '^' +
                    condition.pattern
                        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
                        .replace(/%/g, '.*')
                        .replace(/_/g, '.') +
                    '$',
                'i'
            );
            return actual !== null && regex.test(String(actual));
        }
        case 'compare': {
            const actual = normalise(getPath(row, condition.field, lookup));
            switch (condition.op) {
                case '=':
                    return equal(actual, condition.value);
                case '!=':
                    return !equal(actual, condition.value);
                default: {
                    if (actual === null || condition.value === null) return false;
                    const order = compare(actual, condition.value);
                    return condition.op === '<'
                        ? order < 0
                        : condition.op === '>'
                          ? order > 0
                          : condition.op === '<='
                            ? order <= 0
                            : order >= 0;
                }
            }
        }
    }
}

/** Runs a parsed query over rows and projects the selected fields in the REST shape. */
export function runQuery(
    query: Query,
    rows: Row[],
    lookup: Resolver,
    typeOf: (row: Row) => string,
    urlOf: (type: string, id: string) => string
): Row[] {
    let matched = rows.filter((row) => evaluate(query.where, row, lookup));
    if (query.orderBy.length > 0) {
        matched = [...matched].sort((a, b) => {
            for (const { field, descending } of query.orderBy) {
                const order = compare(normalise(getPath(a, field, lookup)), normalise(getPath(b, field, lookup)));
                if (order !== 0) return descending ? -order : order;
            }
            return 0;
        });
    }
    if (query.limit !== undefined) {
        matched = matched.slice(0, query.limit);
    }
    return matched.map((row) => project(row, query.fields, query.from, lookup, typeOf, urlOf));
}

function project(
    row: Row,
    fields: string[],
    type: string,
    lookup: Resolver,
    typeOf: (row: Row) => string,
    urlOf: (type: string, id: string) => string
): Row {
    const out: Row = { attributes: { type, url: row.Id ? urlOf(type, row.Id) : undefined } };
    for (const field of fields) {
        const parts = field.split('.');
        if (parts.length === 1) {
            out[field] = normalise(getPath(row, field, lookup));
            continue;
        }
        // Relationship: build the nested object the REST API returns, or null when the parent is empty.
        let target = out;
        let source: Row | undefined = row;
        let complete = true;
        for (let index = 0; index < parts.length - 1; index++) {
            const parent = related(source, parts[index], lookup);
            const name = parts[index];
            if (parent === null || parent === undefined) {
                if (target[name] === undefined) {
                    target[name] = null;
                }
                complete = false;
                break;
            }
            if (!target[name]) {
                const parentType = typeof parent === 'object' && parent.Id ? typeOf(parent) : name;
                target[name] = { attributes: { type: parentType } };
            }
            target = target[name] as Row;
            source = parent;
        }
        if (complete) {
            const leaf = parts[parts.length - 1];
            target[leaf] = normalise(getPath(source, leaf, lookup));
        }
    }
    return out;
}

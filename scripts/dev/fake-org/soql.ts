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

export function parseSoql(soql: string): Query {
    const tokens = tokenize(soql);
    let position = 0;
    const peek = (): Token | undefined => tokens[position];
    const isWord = (word: string): boolean => peek()?.type === 'word' && peek()!.text.toUpperCase() === word;
    const expectWord = (word: string): void => {
        if (!isWord(word)) {
            throw new Error(`MALFORMED_QUERY: expected ${word} near "${peek()?.text ?? 'end'}"`);
        }
        position++;
    };
    const expectPunct = (text: string): void => {
        if (peek()?.text !== text) {
            throw new Error(`MALFORMED_QUERY: expected "${text}" near "${peek()?.text ?? 'end'}"`);
        }
        position++;
    };
    const identifier = (): string => {
        const token = peek();
        if (token?.type !== 'word') {
            throw new Error(`MALFORMED_QUERY: expected a field near "${token?.text ?? 'end'}"`);
        }
        position++;
        return token.text;
    };
    const value = (): Value => {
        const token = peek();
        position++;
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
    };

    expectWord('SELECT');
    const fields = [identifier()];
    while (peek()?.text === ',') {
        position++;
        fields.push(identifier());
    }
    expectWord('FROM');
    const from = identifier();

    const primary = (): Condition => {
        if (peek()?.text === '(') {
            position++;
            const inner = or();
            expectPunct(')');
            return inner;
        }
        if (isWord('NOT')) {
            position++;
            return { kind: 'not', item: primary() };
        }
        const field = identifier();
        if (isWord('IN') || isWord('NOT')) {
            const negate = isWord('NOT');
            if (negate) {
                position++;
            }
            expectWord('IN');
            expectPunct('(');
            const values = [value()];
            while (peek()?.text === ',') {
                position++;
                values.push(value());
            }
            expectPunct(')');
            return { kind: 'in', field, negate, values };
        }
        if (isWord('LIKE')) {
            position++;
            const pattern = value();
            if (typeof pattern !== 'string') {
                throw new Error('MALFORMED_QUERY: LIKE needs a string');
            }
            return { kind: 'like', field, pattern };
        }
        const op = peek();
        if (op?.type !== 'punct' || !['=', '!=', '<', '>', '<=', '>='].includes(op.text)) {
            throw new Error(`MALFORMED_QUERY: expected an operator after ${field}`);
        }
        position++;
        return { kind: 'compare', field, op: op.text, value: value() };
    };
    const and = (): Condition => {
        const items = [primary()];
        while (isWord('AND')) {
            position++;
            items.push(primary());
        }
        return items.length === 1 ? items[0] : { kind: 'and', items };
    };
    const or = (): Condition => {
        const items = [and()];
        while (isWord('OR')) {
            position++;
            items.push(and());
        }
        return items.length === 1 ? items[0] : { kind: 'or', items };
    };

    let where: Condition | undefined;
    if (isWord('WHERE')) {
        position++;
        where = or();
    }
    const orderBy: Query['orderBy'] = [];
    if (isWord('ORDER')) {
        position++;
        expectWord('BY');
        do {
            if (peek()?.text === ',') {
                position++;
            }
            const field = identifier();
            let descending = false;
            if (isWord('ASC') || isWord('DESC')) {
                descending = isWord('DESC');
                position++;
            }
            orderBy.push({ field, descending });
        } while (peek()?.text === ',');
    }
    let limit: number | undefined;
    if (isWord('LIMIT')) {
        position++;
        const n = value();
        if (typeof n !== 'number') {
            throw new Error('MALFORMED_QUERY: LIMIT needs a number');
        }
        limit = n;
    }
    if (position !== tokens.length) {
        throw new Error(`MALFORMED_QUERY: unexpected "${peek()?.text}"`);
    }
    return { fields, from, where, orderBy, limit };
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
        const key = Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
        if (index < parts.length - 1 && (key === undefined || record[key] === undefined)) {
            const idKey = Object.keys(record).find((k) => k.toLowerCase() === `${part}id`.toLowerCase());
            const id = idKey ? record[idKey] : undefined;
            current = typeof id === 'string' ? (lookup(id) ?? null) : null;
        } else {
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

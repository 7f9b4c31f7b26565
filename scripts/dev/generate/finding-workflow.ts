/**
 * Builds the finding-workflow vectors shared by c/findingWorkflow (Jest) and the Apex FindingWorkflow
 * (FindingWorkflow_Tests), from the two tables of docs/finding-workflow.md, the one readable source of the
 * rules. The expectations are computed here from the tables alone, never by either implementation, so a
 * twin that drifts from the table fails its vectors.
 *
 *   npx tsx scripts/dev/generate/finding-workflow.ts [--check]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGenerator } from './write-generated';

export const WORKFLOW_DOC = 'docs/finding-workflow.md';
export const WORKFLOW_VECTORS_PATH = 'force-app/tests/findings/staticresources/FindingWorkflowVectors.json';

type Cell = 'yes' | 'justified' | 'no' | '=';
type ResolvedOn = 'set' | 'clear' | 'keep';

export type WorkflowTable = {
    statuses: string[];
    moves: Map<string, Map<string, Cell>>;
    open: Set<string>;
    resolvedOn: Map<string, ResolvedOn>;
    minJustification: number;
    maxJustification: number;
};

/** A justification as the vector file writes it: text, null, or a long run of one character. */
export type VectorText = string | null | { repeat: string; times: number };

export type TransitionVector = {
    from: string;
    to: string;
    justification: VectorText;
    expected: { allowed: boolean; reason: string | null; resolvedOn: ResolvedOn | null };
};

const CELLS: readonly Cell[] = ['yes', 'justified', 'no', '='];
const RESOLVED_ON: readonly ResolvedOn[] = ['set', 'clear', 'keep'];
/** Values that are not statuses: a plausible word and a status in the wrong case. */
const UNKNOWN_STATUSES = ['Open', 'new'];

class TableError extends Error {}

/** The rows of the markdown table that follows `<!-- marker -->`, as trimmed cells. */
function tableAfter(markdown: string, marker: string): string[][] {
    const start = markdown.indexOf(`<!-- ${marker} -->`);
    if (start < 0) {
        throw new TableError(`${WORKFLOW_DOC} has no <!-- ${marker} --> table`);
    }
    const rows: string[][] = [];
    for (const line of markdown.slice(start).split('\n').slice(1)) {
        if (line.trim() === '' && rows.length === 0) {
            continue;
        }
        if (!line.trim().startsWith('|')) {
            break;
        }
        const cells = line
            .trim()
            .replace(/^\||\|$/g, '')
            .split('|')
            .map((cell) => cell.trim());
        if (!cells.every((cell) => /^-+$/.test(cell))) {
            rows.push(cells);
        }
    }
    if (rows.length < 2) {
        throw new TableError(`the ${marker} table of ${WORKFLOW_DOC} has no rows`);
    }
    return rows;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], where: string): T {
    if (!(allowed as readonly string[]).includes(value)) {
        throw new TableError(`${where}: "${value}" is not one of ${allowed.join(', ')}`);
    }
    return value as T;
}

/** Reads and checks the two tables and the justification bounds of the workflow page. */
export function parseWorkflow(markdown: string): WorkflowTable {
    const [header, ...rows] = tableAfter(markdown, 'transitions');
    const statuses = header.slice(1);
    const moves = new Map<string, Map<string, Cell>>();
    for (const row of rows) {
        const from = row[0];
        if (!statuses.includes(from) || row.length !== statuses.length + 1) {
            throw new TableError(`transitions row "${from}" does not match the columns ${statuses.join(', ')}`);
        }
        const cells = new Map<string, Cell>();
        statuses.forEach((to, index) => {
            const cell = oneOf(row[index + 1], CELLS, `transitions ${from} → ${to}`);
            if ((cell === '=') !== (from === to)) {
                throw new TableError(`transitions ${from} → ${to}: "=" belongs on the diagonal, and only there`);
            }
            cells.set(to, cell);
        });
        moves.set(from, cells);
    }
    if (moves.size !== statuses.length) {
        throw new TableError('the transitions table needs one row per column');
    }
    const open = new Set<string>();
    const resolvedOn = new Map<string, ResolvedOn>();
    for (const row of tableAfter(markdown, 'statuses').slice(1)) {
        const [status, isOpen, onEntering] = row;
        if (!statuses.includes(status)) {
            throw new TableError(`statuses: "${status}" is not a column of the transitions table`);
        }
        if (oneOf(isOpen, ['yes', 'no'], `statuses ${status} open`) === 'yes') {
            open.add(status);
        }
        resolvedOn.set(status, oneOf(onEntering, RESOLVED_ON, `statuses ${status} ResolvedOn__c`));
    }
    if (resolvedOn.size !== statuses.length) {
        throw new TableError('the statuses table needs one row per status');
    }
    const bounds = /`justified`[^\n]*?([\d,]+) to ([\d,]+) characters/.exec(markdown);
    if (!bounds) {
        throw new TableError(`${WORKFLOW_DOC} does not say how long a justification must be ("N to M characters")`);
    }
    const number = (text: string) => Number(text.replace(/,/g, ''));
    return {
        statuses,
        moves,
        open,
        resolvedOn,
        minJustification: number(bounds[1]),
        maxJustification: number(bounds[2])
    };
}

function textOf(value: VectorText): string | null {
    return value === null || typeof value === 'string' ? value : value.repeat.repeat(value.times);
}

/** The expected answer of one move, from the table alone. */
function expectation(table: WorkflowTable, from: string, to: string, justification: VectorText) {
    const refused = (reason: string) => ({ allowed: false, reason, resolvedOn: null });
    const cell = table.moves.get(from)?.get(to);
    if (!cell) {
        return refused('unknownStatus');
    }
    if (cell === 'no') {
        return refused('notAllowed');
    }
    if (cell === 'justified') {
        const length = (textOf(justification) ?? '').trim().length;
        if (length < table.minJustification) {
            return refused('justificationRequired');
        }
        if (length > table.maxJustification) {
            return refused('justificationTooLong');
        }
    }
    return { allowed: true, reason: null, resolvedOn: cell === '=' ? 'keep' : (table.resolvedOn.get(to) ?? 'keep') };
}

/** Every pair of statuses (and unknown values), with the justifications that matter for the cell. */
export function transitionVectors(table: WorkflowTable): TransitionVector[] {
    const min = table.minJustification;
    const max = table.maxJustification;
    const justifications: VectorText[] = [
        null,
        '',
        '   ',
        'x'.repeat(min - 1),
        `  ${'x'.repeat(min - 1)}   `,
        'x'.repeat(min),
        'Compensating control documented in the DPIA.',
        { repeat: 'x', times: max },
        { repeat: 'x', times: max + 1 }
    ];
    const values = [...table.statuses, ...UNKNOWN_STATUSES];
    const vectors: TransitionVector[] = [];
    for (const from of values) {
        for (const to of values) {
            const cell = table.moves.get(from)?.get(to);
            const variants =
                cell === 'justified' ? justifications : [null, 'Compensating control documented in the DPIA.'];
            for (const justification of variants) {
                vectors.push({ from, to, justification, expected: expectation(table, from, to, justification) });
            }
        }
    }
    return vectors;
}

export function workflowVectorText(markdown: string): string {
    const table = parseWorkflow(markdown);
    const nextStatuses = Object.fromEntries(
        table.statuses.map((from) => [
            from,
            table.statuses.filter((to) => ['yes', 'justified'].includes(table.moves.get(from)?.get(to) ?? ''))
        ])
    );
    const file = {
        version: 1,
        description:
            'Moves of the ComplianceFinding__c workflow, shared by c/findingWorkflow (Jest) and the Apex FindingWorkflow (FindingWorkflow_Tests). Built by scripts/dev/generate/finding-workflow.ts from the tables of docs/finding-workflow.md. A justification is null, text, or {repeat, times}: the character repeated that many times.',
        statuses: table.statuses,
        openStatuses: table.statuses.filter((status) => table.open.has(status)),
        justification: { min: table.minJustification, max: table.maxJustification },
        nextStatuses,
        transitions: transitionVectors(table),
        justificationAfter: [
            {
                given: null,
                existing: 'Accepted by the CISO on 2026-01-12.',
                expected: 'Accepted by the CISO on 2026-01-12.'
            },
            {
                given: '   ',
                existing: 'Accepted by the CISO on 2026-01-12.',
                expected: 'Accepted by the CISO on 2026-01-12.'
            },
            {
                given: '  Test class only, never deployed.  ',
                existing: 'old',
                expected: 'Test class only, never deployed.'
            },
            { given: '', existing: null, expected: null }
        ]
    };
    return JSON.stringify(file, null, 2) + '\n';
}

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'finding-workflow',
        `Writes the finding-workflow vectors from the tables of ${WORKFLOW_DOC}.`,
        (root) => [
            { path: WORKFLOW_VECTORS_PATH, text: workflowVectorText(readFileSync(join(root, WORKFLOW_DOC), 'utf8')) }
        ]
    );
}

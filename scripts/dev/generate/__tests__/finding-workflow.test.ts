/**
 * The generator of the finding-workflow vectors: it reads the tables of docs/finding-workflow.md, refuses a
 * table it cannot trust, and derives each expectation from the table alone, so a rule changed in the doc
 * changes the vectors both twins must pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    parseWorkflow,
    transitionVectors,
    WORKFLOW_DOC,
    WORKFLOW_VECTORS_PATH,
    workflowVectorText
} from '../finding-workflow';

const root = join(__dirname, '..', '..', '..', '..');
const doc = readFileSync(join(root, WORKFLOW_DOC), 'utf8');

function expected(markdown: string, from: string, to: string, justification: string | null) {
    return transitionVectors(parseWorkflow(markdown)).find(
        (vector) => vector.from === from && vector.to === to && vector.justification === justification
    )?.expected;
}

describe('finding-workflow generator', () => {
    it('wrote the committed vector file from the committed tables', () => {
        expect(readFileSync(join(root, WORKFLOW_VECTORS_PATH), 'utf8')).toBe(workflowVectorText(doc));
    });

    it('reads the six statuses, the open ones and the justification bounds', () => {
        const table = parseWorkflow(doc);
        expect(table.statuses).toEqual([
            'New',
            'Triaged',
            'InRemediation',
            'Resolved',
            'RiskAccepted',
            'FalsePositive'
        ]);
        expect([...table.open]).toEqual(['New', 'Triaged', 'InRemediation']);
        expect([table.minJustification, table.maxJustification]).toEqual([10, 32768]);
    });

    it('derives each expectation from the cell', () => {
        expect(expected(doc, 'Resolved', 'Triaged', null)).toEqual({
            allowed: true,
            reason: null,
            resolvedOn: 'clear'
        });
        expect(expected(doc, 'Resolved', 'New', null)).toEqual({
            allowed: false,
            reason: 'notAllowed',
            resolvedOn: null
        });
        expect(expected(doc, 'New', 'RiskAccepted', '   ')).toMatchObject({ reason: 'justificationRequired' });
        expect(expected(doc, 'new', 'Triaged', null)).toMatchObject({ reason: 'unknownStatus' });
        expect(expected(doc, 'Triaged', 'Triaged', null)).toEqual({ allowed: true, reason: null, resolvedOn: 'keep' });
    });

    it('follows a rule changed in the table', () => {
        const changed = doc.replace(
            '| Resolved      | no  | yes     | no            | =        | no           | no            |',
            '| Resolved      | no  | yes     | yes           | =        | no           | no            |'
        );
        expect(changed).not.toBe(doc);
        expect(expected(changed, 'Resolved', 'InRemediation', null)).toMatchObject({ allowed: true });
        expect(workflowVectorText(changed)).not.toBe(workflowVectorText(doc));
    });

    it('refuses an unknown cell, a misplaced "=", a status missing from a table and missing bounds', () => {
        expect(() =>
            parseWorkflow(doc.replace('| New           | =   | yes ', '| New           | =   | maybe '))
        ).toThrow(/transitions New → Triaged: "maybe" is not one of/);
        expect(() =>
            parseWorkflow(doc.replace('| Triaged       | no  | =       |', '| Triaged       | =   | =       |'))
        ).toThrow(/"=" belongs on the diagonal/);
        expect(() =>
            parseWorkflow(doc.replace('| FalsePositive | no   | keep                        |\n', ''))
        ).toThrow(/one row per status/);
        expect(() => parseWorkflow(doc.replace('10 to 32,768 characters', 'some characters'))).toThrow(
            /how long a justification must be/
        );
        expect(() => parseWorkflow('# Nothing here\n')).toThrow(/no <!-- transitions --> table/);
    });
});

/**
 * `warden policy evaluate`: the decision on shared-vector scenarios equals the vectors' expectations, one scenario
 * or an array, from a file or stdin; malformed scenarios are exit 2 with the JSON path of the problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicyVectors, snapshotsOf, view } from '../../../dev/generate/gate-policy-check';
import { runPolicy } from '../command';
import { check, parseScenarios, SCENARIO_SPEC, scenarioSchemaText } from '../scenario';

const root = join(__dirname, '..', '..', '..', '..');
const file = loadPolicyVectors(root);
const runs = snapshotsOf(file);
const byId = (id: string) => runs.find((run) => run.vector.id === id) as (typeof runs)[number];

function evaluate(input: unknown, args = ['evaluate', '-']) {
    return runPolicy(args, (source) => (source === '-' ? JSON.stringify(input) : readFileSync(source, 'utf8')));
}

describe('warden policy evaluate', () => {
    it('prints the decision the shared vectors expect, for one scenario and for an array', () => {
        const picks = ['base/Enforce/plain', 'consent-expired/Monitor/plain', 'key-field/Monitor/inapplicable-flows'];
        const one = evaluate(byId(picks[0]).snapshot);
        expect(one.code).toBe(0);
        expect(view(JSON.parse(one.stdout))).toEqual(byId(picks[0]).vector.expected);
        const many = evaluate(picks.map((id) => byId(id).snapshot));
        expect(many.code).toBe(0);
        expect(JSON.parse(many.stdout).map(view)).toEqual(picks.map((id) => byId(id).vector.expected));
    });

    it('never prints the pseudonym token map, which holds the originals', () => {
        const outcome = evaluate(byId('pseudonymize-free/Enforce/plain').snapshot);
        expect(outcome.code).toBe(0);
        expect(JSON.parse(outcome.stdout)).not.toHaveProperty('tokens');
        expect(outcome.stdout).not.toContain('Anna Berg');
    });

    it('fills documented defaults: an empty record set is a valid scenario', () => {
        const outcome = evaluate({
            now: '2026-06-01T12:00:00Z',
            request: { endpointKey: 'x', purpose: 'LlmInference', freeText: 'Hello' },
            endpoint: null
        });
        expect(outcome.code).toBe(0);
        expect(JSON.parse(outcome.stdout)).toMatchObject({ outcome: 'Blocked', reasons: ['ENDPOINT_UNKNOWN'] });
    });

    it('refuses a malformed scenario with exit 2 and the JSON path of the problem', () => {
        const base = byId('base/Enforce/plain').snapshot;
        const cases: Array<[unknown, RegExp]> = [
            [{ ...base, extra: 1 }, /\$\.extra: unknown field/],
            [
                { ...base, request: { ...base.request, fields: ['Contact.FirstName', 7] } },
                /\$\.request\.fields\[1\]: expected a string, got a number/
            ],
            [{ ...base, now: '2026-06-01' }, /\$\.now: expected an ISO 8601 instant/],
            [{ ...base, tags: [{ ...base.tags[0], colour: 'red' }] }, /\$\.tags\[0\]\.colour: unknown field/],
            [
                { ...base, consents: [{ ...base.consents[0], source: 'Email' }] },
                /\$\.consents\[0\]\.source: expected one of/
            ],
            [[base, { ...base, endpoint: undefined }], /\$\[1\]\.endpoint: required/],
            ['not an object', /\$: expected an object, got a string/]
        ];
        for (const [input, message] of cases) {
            const outcome = evaluate(input);
            expect([outcome.code, outcome.stderr]).toEqual([2, expect.stringMatching(message)]);
            expect(outcome.stdout).toBe('');
        }
        expect(runPolicy(['evaluate', '-'], () => '{').stderr).toMatch(/\$: not JSON/);
    });

    it('refuses a bad command line with exit 2 and prints help with --help', () => {
        expect(evaluate({}, ['check', 'x.json']).code).toBe(2);
        expect(evaluate({}, ['evaluate']).code).toBe(2);
        expect(evaluate({}, ['evaluate', 'a', 'b']).code).toBe(2);
        expect(
            runPolicy(['evaluate', join(root, 'no-such-scenario.json')], (s) => readFileSync(s, 'utf8')).stderr
        ).toMatch(/cannot read .*ENOENT/);
        const help = evaluate({}, ['--help']);
        expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('evaluate <scenario.json|->')]);
    });

    it('reads a scenario file', () => {
        const outcome = runPolicy(['evaluate', join(root, 'docs/examples/policy-scenario.json')], (s) =>
            readFileSync(s, 'utf8')
        );
        expect(outcome.code).toBe(0);
        expect(JSON.parse(outcome.stdout)).toMatchObject({ outcome: 'Redacted', allowed: true });
    });
});

describe('the scenario format', () => {
    it('accepts every scenario of the shared vectors as it is', () => {
        for (const run of runs.slice(0, 100)) {
            expect(check(JSON.parse(JSON.stringify(run.snapshot)), SCENARIO_SPEC, '$')).toEqual(run.snapshot);
        }
        expect(parseScenarios(JSON.stringify([runs[0].snapshot])).many).toBe(true);
    });

    it('is published as the JSON Schema the generator writes (npm run build:vectors)', () => {
        expect(readFileSync(join(root, 'docs/policy-scenario.schema.json'), 'utf8')).toBe(scenarioSchemaText());
        const schema = JSON.parse(scenarioSchemaText());
        expect(schema.$defs.scenario.additionalProperties).toBe(false);
        expect(schema.$defs.scenario.required).toEqual(['now', 'request', 'endpoint']);
    });
});

/**
 * Planted defects: each documented rule is removed from a copy of c/gatePolicy in turn, and the shared vectors
 * must catch it (vectors of that rule fail). A rule whose removal no vector notices would be a promise the
 * vectors do not keep.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import type { GateDecision, GateSnapshot, PolicyContext } from 'c/gatePolicy';
import { failingVectors, loadPolicyVectors, shippedContext, type PolicyEvaluator } from '../gate-policy-check';

const root = join(__dirname, '..', '..', '..', '..');
const SOURCE_PATH = 'force-app/main/gate/lwc/gatePolicy/gatePolicy.ts';
const source = readFileSync(join(root, SOURCE_PATH), 'utf8');
const file = loadPolicyVectors(root);
const context = shippedContext(root);

/** c/gatePolicy with one piece of source replaced, compiled and loaded beside the real modules it imports. */
function mutant(find: string, replace: string): PolicyEvaluator {
    expect(source.split(find).length - 1).toBe(1);
    const code = transformSync(source.replace(find, replace), { loader: 'ts', format: 'cjs' }).code;
    const module = { exports: {} as Record<string, unknown> };
    // The mutant's imports (c/phiRedactor) resolve through Jest's module map, as the real module's do.
    new Function('require', 'module', 'exports', code)(require, module, module.exports);
    const evaluate = module.exports.evaluatePolicy as (s: GateSnapshot, c: PolicyContext) => GateDecision;
    return evaluate;
}

/** Each rule of docs/gate.md, the source that enforces it, and the vector rules that must notice it gone. */
const DEFECTS: Array<{ rule: string; find: string; replace: string; caughtBy: string[] }> = [
    {
        rule: 'free text needs a flow that names it',
        find: "result.blocks.push('FREE_TEXT_NO_FLOW');",
        replace: '',
        caughtBy: ['free-text']
    },
    {
        rule: 'free text is always redacted',
        find: 'sections.push(redactInto(content, snapshot, snapshot.request.freeText as string, planned.freeTextMode, ctx));',
        replace: 'sections.push(snapshot.request.freeText as string);',
        caughtBy: ['free-text', 'no-subject', 'pseudonymize']
    },
    {
        rule: "a tag's allowed regions narrow the endpoint choice",
        find: 'if (regions.length > 0 && !regions.includes(destination)) {',
        replace: 'if (false) {',
        caughtBy: ['tag-region']
    },
    {
        rule: "a tag's jurisdictions must allow the endpoint",
        find: 'const tagged = keptTags.flatMap((tag) => items(tag.jurisdictions));',
        replace: 'const tagged: string[] = [];',
        caughtBy: ['tag-jurisdiction']
    },
    {
        rule: 'the stricter minimization of tag and flow wins',
        find: 'const minimization = stricter(fromFlows, tag ? tag.minimization : null);',
        replace: 'const minimization = fromFlows;',
        caughtBy: ['minimization', 'allowed']
    },
    {
        rule: "a tag's required consent purpose must be granted",
        find: 'block(`TAG_CONSENT_NOT_GRANTED:${tagPurpose}`);',
        replace: '',
        caughtBy: ['tag-consent']
    },
    {
        rule: 'consent is the least permissive answer over all sources',
        find: 'return { status: leastPermissive(answers), reasons };',
        replace: 'return { status: answers[0], reasons };',
        caughtBy: ['consent-sources', 'consent-window']
    },
    {
        rule: 'only consent records in force at now count',
        find: "const ended = record.effectiveTo !== null && instant(record.effectiveTo, 'effectiveTo') < now;",
        replace: 'const ended = false;',
        caughtBy: ['consent-window', 'tag-consent']
    },
    {
        rule: 'no tag blocks',
        find: 'result.blocks.push(`TAG_MISSING:${field}`);',
        replace: '',
        caughtBy: ['tag-missing']
    },
    {
        rule: 'no jurisdiction blocks',
        find: "reasons.push('RESIDENCY_UNKNOWN_JURISDICTION');\n        allowed = false;",
        replace: "reasons.push('RESIDENCY_UNKNOWN_JURISDICTION');",
        caughtBy: ['residency-unknown']
    },
    { rule: 'no flow blocks', find: "block('NO_APPROVED_FLOW');", replace: '', caughtBy: ['no-flow'] },
    {
        rule: 'an expired DPA blocks',
        find: "problems.push('RESIDENCY_DPA_EXPIRED');",
        replace: '',
        caughtBy: ['residency']
    },
    {
        rule: 'a suspended endpoint blocks',
        find: "if ((snapshot.endpoint as Endpoint).status !== 'Approved') {",
        replace: "if ((snapshot.endpoint as Endpoint).status === 'Retired') {",
        caughtBy: ['endpoint-not-approved']
    },
    {
        rule: 'Monitor blocks what it cannot send redacted (hard blocks, errors)',
        find: '            allowed: false,\n            reasons: [...decision.reasons, reason],',
        replace: "            allowed: mode === 'Monitor',\n            reasons: [...decision.reasons, reason],",
        caughtBy: ['key', 'invalid-request', 'endpoint-unknown']
    },
    {
        rule: 'Monitor lets a policy block through, flagged',
        find: "decision.reasons.push('MONITOR_ONLY');",
        replace: '',
        caughtBy: ['consent', 'residency', 'free-text']
    }
];

describe.each(DEFECTS)('planted defect: $rule', ({ find, replace, caughtBy }) => {
    it('is caught by the vectors of the rule', () => {
        const failing = failingVectors(file, mutant(find, replace), context);
        const caught = caughtBy.map((rule) => [
            rule,
            failing.filter((v) => file.scenarios.find((s) => s.id === v.scenario)?.rule === rule).length >= 3
        ]);
        expect(caught).toEqual(caughtBy.map((rule) => [rule, true]));
    });
});

describe('the unmutated module', () => {
    it('passes every vector when loaded the way the mutants are', () => {
        expect(failingVectors(file, mutant('export const UNKNOWN', 'export const UNKNOWN'), context)).toEqual([]);
    });
});

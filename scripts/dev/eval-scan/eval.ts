/**
 * `npm run eval:scan`: how right the scanner is on a labelled corpus (a measurement, not a timed test).
 * Each case of the corpus is a small project of its own: Apex and metadata files, written like real
 * code (entry points, selectors, services, data stores, triggers and their handlers, batch, queueable
 * and REST classes, Visualforce controllers, invocables), with the findings it should give listed in
 * the corpus manifest by rule, file and line. Each case is scanned alone; its findings are compared
 * with the labels of the rule families it is labelled for (findings of other families are not
 * counted for it). Prints, per family and overall, true and false positives, misses, precision and
 * recall, and exits 1 when a family falls below the targets.
 *
 *   npx tsx scripts/dev/eval-scan/eval.ts [--corpus <dir>] [--only <family,...>] [--misses] [--json]
 *
 * The manifest format (docs/rules/data-flow-model.md links here): `{ "cases": [{ "id": "<folder>",
 * "families": ["injection"], "description": "...", "expect": [{ "rule": "soql-injection",
 * "file": "classes/OrderController.cls", "line": 4, "severity": "high" }] }] }`, with `id` the case's
 * folder under the corpus, `file` relative to it, and `severity` optional (checked when given).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { readCommandLine, type CommandLine } from '../../cli/lib/args';
import { resolveConfig } from '../../cli/scan/config';
import { scanSources } from '../../cli/scan/engine';
import type { Finding, SourceFile } from '../../cli/scan/types';

/** The rule families the evaluation reports on, and their rules. */
export const FAMILIES: Record<string, readonly string[]> = {
    injection: ['soql-injection'],
    crud: ['crud-fls-bypass'],
    sharing: ['sharing-missing', 'sharing-without'],
    loops: ['soql-in-loop', 'dml-in-loop', 'callout-in-loop', 'limited-call-in-loop'],
    credentials: ['credentials-in-code'],
    phi: ['phi-callout', 'phi-debug-log', 'phi-exception-message', 'system-mode-phi'],
    endpoints: [
        'hardcoded-endpoint',
        'insecure-endpoint',
        'insecure-endpoint-metadata',
        'llm-gate-bypass',
        'endpoint-region-not-allowed'
    ],
    triggers: ['trigger-logic', 'trigger-callout']
};

export const TARGET = { precision: 0.9, recall: 0.9 };

const FAMILY_OF = new Map(Object.entries(FAMILIES).flatMap(([family, rules]) => rules.map((r) => [r, family])));

export type Expected = { rule: string; file: string; line: number; severity?: string };
export type EvalCase = { id: string; families: string[]; description?: string; expect: Expected[] };
export type Manifest = { cases: EvalCase[] };

export type Tally = { tp: number; fp: number; fn: number };
export type Miss = { case: string; kind: 'false positive' | 'missed'; rule: string; where: string; message?: string };
export type EvalResult = { families: Record<string, Tally>; overall: Tally; cases: number; misses: Miss[] };

export const DEFAULT_CORPUS = join(__dirname, 'corpus');

export function loadManifest(corpus: string): Manifest {
    return JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as Manifest;
}

function filesBelow(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? filesBelow(full) : [full];
    });
}

/** The files of one case, with paths relative to its folder. */
export function caseSources(corpus: string, id: string): { sources: SourceFile[]; config: unknown } {
    const dir = join(corpus, id);
    let config: unknown = {};
    const sources: SourceFile[] = [];
    for (const file of filesBelow(dir)) {
        const path = relative(dir, file).split(sep).join('/');
        if (path === 'warden.config.json') {
            config = (JSON.parse(readFileSync(file, 'utf8')) as { scan?: unknown }).scan ?? {};
        } else {
            sources.push({ path, content: readFileSync(file, 'utf8') });
        }
    }
    return { sources, config };
}

function ratio(a: number, b: number): number {
    return b === 0 ? 1 : a / b;
}

export function precision(t: Tally): number {
    return ratio(t.tp, t.tp + t.fp);
}

export function recall(t: Tally): number {
    return ratio(t.tp, t.tp + t.fn);
}

/** Compares one case's findings with its labels, per family; adds to `result`. */
function score(entry: EvalCase, findings: Finding[], result: EvalResult): void {
    const counted = findings.filter((f) => entry.families.includes(FAMILY_OF.get(f.ruleId) ?? ''));
    const unmatched = [...counted];
    for (const expected of entry.expect) {
        const family = FAMILY_OF.get(expected.rule) ?? 'unknown';
        const tally = (result.families[family] ??= { tp: 0, fp: 0, fn: 0 });
        const index = unmatched.findIndex(
            (f) =>
                f.ruleId === expected.rule &&
                f.file === expected.file &&
                f.line === expected.line &&
                (!expected.severity || f.severity === expected.severity)
        );
        if (index === -1) {
            tally.fn += 1;
            result.misses.push({
                case: entry.id,
                kind: 'missed',
                rule: expected.rule,
                where: `${expected.file}:${expected.line}${expected.severity ? ` (${expected.severity})` : ''}`
            });
        } else {
            tally.tp += 1;
            unmatched.splice(index, 1);
        }
    }
    for (const finding of unmatched) {
        const family = FAMILY_OF.get(finding.ruleId)!;
        (result.families[family] ??= { tp: 0, fp: 0, fn: 0 }).fp += 1;
        result.misses.push({
            case: entry.id,
            kind: 'false positive',
            rule: finding.ruleId,
            where: `${finding.file}:${finding.line} (${finding.severity})`,
            message: finding.message
        });
    }
}

/** Scans every case of the corpus (or of the given families, or those `keep` accepts) and scores it. */
export function evaluate(
    corpus: string,
    only?: readonly string[],
    keep: (entry: EvalCase, index: number) => boolean = () => true
): EvalResult {
    const manifest = loadManifest(corpus);
    const result: EvalResult = { families: {}, overall: { tp: 0, fp: 0, fn: 0 }, cases: 0, misses: [] };
    for (const [index, entry] of manifest.cases.entries()) {
        if ((only && !entry.families.some((f) => only.includes(f))) || !keep(entry, index)) {
            continue;
        }
        const { sources, config } = caseSources(corpus, entry.id);
        const scan = scanSources(sources, { config: resolveConfig(config) });
        score(entry, scan.findings, result);
        result.cases += 1;
    }
    for (const tally of Object.values(result.families)) {
        result.overall.tp += tally.tp;
        result.overall.fp += tally.fp;
        result.overall.fn += tally.fn;
    }
    return result;
}

function row(name: string, t: Tally): string {
    const p = precision(t).toFixed(3);
    const r = recall(t).toFixed(3);
    return `${name.padEnd(12)} ${String(t.tp).padStart(5)} ${String(t.fp).padStart(5)} ${String(t.fn).padStart(5)}   ${p}   ${r}`;
}

export function formatResult(result: EvalResult): string {
    const lines = [
        `${'family'.padEnd(12)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)}   prec.   recall`
    ];
    for (const family of Object.keys(FAMILIES)) {
        const tally = result.families[family];
        if (tally) {
            lines.push(row(family, tally));
        }
    }
    lines.push(row('overall', result.overall));
    return lines.join('\n');
}

/** The families below the targets. */
export function failing(result: EvalResult): string[] {
    return Object.entries(result.families)
        .filter(([, t]) => precision(t) < TARGET.precision || recall(t) < TARGET.recall)
        .map(([family]) => family);
}

const LINE = {
    name: 'npm run eval:scan',
    summary: 'Precision and recall of warden scan per rule family on a labelled corpus (options go after --).',
    options: {
        corpus: {
            type: 'string',
            value: '<dir>',
            description: 'a corpus folder with a manifest.json (default: scripts/dev/eval-scan/corpus)'
        },
        only: { type: 'string', value: '<family,...>', description: 'evaluate the cases of these families only' },
        misses: { type: 'boolean', description: 'list every false positive and missed finding' },
        json: { type: 'boolean', description: 'print the figures as JSON' }
    }
} as const satisfies CommandLine;

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const corpus = resolve(parsed.values.corpus ?? DEFAULT_CORPUS);
    if (!existsSync(join(corpus, 'manifest.json'))) {
        process.stderr.write(`eval:scan: ${corpus} has no manifest.json\n`);
        return 2;
    }
    const only = parsed.values.only?.split(',').map((f) => f.trim());
    const started = performance.now();
    const result = evaluate(corpus, only);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (parsed.values.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
        const out = [`${result.cases} cases from ${corpus} in ${seconds} s`, '', formatResult(result)];
        if (parsed.values.misses) {
            for (const miss of result.misses) {
                out.push('', `${miss.kind}: ${miss.rule} at ${miss.case}/${miss.where}`);
                if (miss.message) {
                    out.push(`    ${miss.message}`);
                }
            }
        }
        process.stdout.write(`${out.join('\n')}\n`);
    }
    const below = failing(result);
    if (below.length > 0) {
        process.stderr.write(
            `eval:scan: below the targets (precision and recall >= ${TARGET.precision}): ${below.join(', ')}\n`
        );
        return 1;
    }
    return 0;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}

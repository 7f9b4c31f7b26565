/**
 * The PhiPattern__mdt records are the single source of the redaction patterns. Apex reads them at run time;
 * this script copies them into the generated block of the shared TypeScript module (wardenPolicy.ts) and
 * rebuilds its type-stripped .js, so the console, `warden redact` and the Jest vectors use the same list.
 *
 *   npx tsx scripts/dev/generate/patterns.ts          rewrite the generated block from the records
 *   npx tsx scripts/dev/generate/patterns.ts --check  exit 1 when SHIPPED_PATTERNS and the records disagree
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_PATTERNS, type PhiPattern } from '../../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';
import { generatedJsPath, stripTypes } from '../lib/lwc';
import { readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';
import { list, parseXmlFile, text } from '../../cli/lib/xml';

export const RECORDS_DIR = 'force-app/main/gate/customMetadata';
export const MODULE_PATH = 'force-app/main/gate/lwc/wardenPolicy/wardenPolicy.ts';
const BEGIN = '// BEGIN GENERATED PATTERNS';
const END = '// END GENERATED PATTERNS';

function fieldValues(file: string): Map<string, string | null> {
    const doc = parseXmlFile(file);
    const values = new Map<string, string | null>();
    for (const entry of list(doc.body, 'values')) {
        const field = text(entry, 'field');
        const raw = list(entry, 'value')[0];
        if (!raw || raw['@_xsi:nil'] === 'true') {
            values.set(field, null);
            continue;
        }
        values.set(
            field,
            text(raw, '#text') === '' && typeof raw['#text'] !== 'string' ? '' : String(raw['#text'] ?? '')
        );
    }
    return values;
}

/** Every PhiPattern__mdt record of the project, sorted by priority then developer name. */
export function loadPatternRecords(root: string): PhiPattern[] {
    const dir = join(root, RECORDS_DIR);
    if (!existsSync(dir)) {
        return [];
    }
    const patterns: PhiPattern[] = [];
    for (const file of readdirSync(dir).sort()) {
        const m = /^PhiPattern\.([A-Za-z][A-Za-z0-9_]*)\.md-meta\.xml$/.exec(file);
        if (!m) {
            continue;
        }
        const v = fieldValues(join(dir, file));
        const str = (name: string): string | null => {
            const value = v.get(name);
            return value === undefined || value === null || value === '' ? null : value;
        };
        patterns.push({
            name: m[1],
            category: str('Category__c') ?? '',
            pattern: str('Pattern__c') ?? '',
            replacement: str('Replacement__c'),
            enabled: str('Enabled__c') === 'true',
            caseInsensitive: str('CaseInsensitive__c') === 'true',
            priority: Number(str('Priority__c') ?? 'NaN'),
            validator: str('Validator__c'),
            description: str('Description__c')
        });
    }
    return patterns.sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function renderPatternBlock(patterns: PhiPattern[]): string {
    const lines = [
        `${BEGIN} (npm run build:patterns; source: ${RECORDS_DIR}/PhiPattern.*)`,
        'export const SHIPPED_PATTERNS: ReadonlyArray<PhiPattern> = ['
    ];
    patterns.forEach((p, index) => {
        const fields = [
            `name: ${JSON.stringify(p.name)}`,
            `category: ${JSON.stringify(p.category)}`,
            `priority: ${p.priority}`,
            `enabled: ${p.enabled}`,
            `caseInsensitive: ${p.caseInsensitive}`,
            `validator: ${JSON.stringify(p.validator)}`,
            `replacement: ${JSON.stringify(p.replacement)}`,
            `description: ${JSON.stringify(p.description)}`,
            `pattern: ${JSON.stringify(p.pattern)}`
        ];
        lines.push(
            '    {',
            ...fields.map((f, i) => `        ${f}${i < fields.length - 1 ? ',' : ''}`),
            `    }${index < patterns.length - 1 ? ',' : ''}`
        );
    });
    lines.push('];', END);
    return lines.join('\n');
}

/** The module text with its generated block replaced. */
export function withPatternBlock(moduleText: string, patterns: PhiPattern[]): string {
    const start = moduleText.indexOf(BEGIN);
    const end = moduleText.indexOf(END);
    if (start < 0 || end < start) {
        throw new Error(`${MODULE_PATH} has no generated pattern block (${BEGIN} ... ${END}).`);
    }
    return moduleText.slice(0, start) + renderPatternBlock(patterns) + moduleText.slice(end + END.length);
}

/** Whether the module's SHIPPED_PATTERNS are exactly the records (what --check and the tests verify). */
export function patternsAgree(records: PhiPattern[], shipped: ReadonlyArray<PhiPattern> = SHIPPED_PATTERNS): boolean {
    const normalise = (list: ReadonlyArray<PhiPattern>): string =>
        JSON.stringify(
            list.map((p) =>
                Object.keys(p)
                    .sort()
                    .map((k) => [k, p[k as keyof PhiPattern]])
            )
        );
    return normalise(records) === normalise(shipped);
}

const LINE = {
    name: 'npm run build:patterns',
    summary:
        'Copies the PhiPattern records into the pattern list of the shared TypeScript module (options go after --).',
    options: {
        check: { type: 'boolean', description: 'write nothing; exit 1 when the committed output differs' }
    }
} as const satisfies CommandLine;

export async function main(args: string[]): Promise<number> {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const root = findProjectRoot();
    const modulePath = join(root, MODULE_PATH);
    const patterns = loadPatternRecords(root);
    if (patterns.length === 0) {
        process.stderr.write(`No PhiPattern records in ${RECORDS_DIR}.\n`);
        return 1;
    }
    if (parsed.values.check) {
        if (!patternsAgree(patterns)) {
            process.stderr.write(
                `${MODULE_PATH}: SHIPPED_PATTERNS differ from the PhiPattern records; run npm run build:patterns.\n`
            );
            return 1;
        }
        process.stdout.write(`${patterns.length} patterns: the module agrees with the records.\n`);
        return 0;
    }
    // Loaded here, not at the top: Jest cannot load prettier's ES modules, and the tests never write.
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(modulePath)) ?? {};
    const expected = await prettier.format(withPatternBlock(readFileSync(modulePath, 'utf8'), patterns), {
        ...options,
        filepath: modulePath
    });
    writeFileSync(modulePath, expected);
    writeFileSync(generatedJsPath(modulePath), stripTypes(expected, modulePath));
    process.stdout.write(`Wrote ${patterns.length} patterns into ${MODULE_PATH} and rebuilt its .js.\n`);
    return 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}

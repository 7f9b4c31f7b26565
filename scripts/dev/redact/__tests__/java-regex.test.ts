/**
 * Compiles every shipped PhiPattern (and the redactor's internal regexes) with java.util.regex, the engine
 * Apex uses, and checks that Java and JavaScript find the same matches and the same group 1 on every
 * vector text and on a sample of the benchmark texts. A pattern outside the common subset fails here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_PATTERNS } from '../../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { WORD_PATTERN } from '../../../../force-app/main/gate/lwc/nameWords/nameWords';
import {
    ADDRESS_TAIL,
    fieldCategory,
    fieldValueMatchers,
    scanText,
    withFullNames
} from '../../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { VECTORS_PATH, type VectorFile } from '../../generate/redaction-vectors';
import { findDataset } from '../dataset';

const root = join(__dirname, '..', '..', '..', '..');
type Spec = { name: string; source: string; caseInsensitive: boolean; unicode: boolean };

function specs(file: VectorFile): Spec[] {
    const list: Spec[] = SHIPPED_PATTERNS.map((p) => ({
        name: p.name,
        source: p.pattern,
        caseInsensitive: p.caseInsensitive,
        unicode: false
    }));
    list.push({ name: 'ADDRESS_TAIL', source: ADDRESS_TAIL, caseInsensitive: false, unicode: false });
    list.push({ name: 'WORD_PATTERN', source: WORD_PATTERN, caseInsensitive: false, unicode: true });
    const seen = new Set<string>();
    for (const vector of file.vectors) {
        for (const [field, value] of Object.entries(withFullNames(vector.fields ?? {}))) {
            if (!value) {
                continue;
            }
            const category = field.startsWith('$') ? 'Name' : fieldCategory(field, vector.fieldCategories);
            for (const source of fieldValueMatchers(category, value)) {
                if (!seen.has(source)) {
                    seen.add(source);
                    list.push({ name: `field ${field}`, source, caseInsensitive: false, unicode: true });
                }
            }
        }
    }
    return list;
}

function jsMatches(spec: Spec, texts: string[]): string[] {
    const lines: string[] = [];
    const regex = new RegExp(spec.source, 'gd' + (spec.caseInsensitive ? 'i' : '') + (spec.unicode ? 'u' : ''));
    texts.forEach((text, t) => {
        regex.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = regex.exec(text)) !== null) {
            if (m[0].length === 0) {
                regex.lastIndex++;
                continue;
            }
            const g = m.indices && m.indices.length > 1 ? m.indices[1] : undefined;
            lines.push(`${t} ${m.index} ${m.index + m[0].length} ${g ? g[0] : -1} ${g ? g[1] : -1}`);
        }
    });
    return lines;
}

describe('Java (Apex) and JavaScript regex agreement', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'warden-regex-'));
        execFileSync('javac', ['-d', dir, join(__dirname, '..', 'java', 'RegexCrossCheck.java')], { stdio: 'pipe' });
    });
    afterAll(() => {
        rmSync(dir, { recursive: true, force: true });
    });

    it('gives the same matches for every shipped pattern on every vector and benchmark text', () => {
        const file = JSON.parse(readFileSync(join(root, VECTORS_PATH), 'utf8')) as VectorFile;
        const texts = file.vectors.map((v) => scanText(v.text).text + '\n');
        const dataset = findDataset(root);
        if (dataset !== null) {
            const items = JSON.parse(readFileSync(dataset, 'utf8')) as Array<{ full_text: string }>;
            for (let i = 0; i < items.length; i += 3) {
                texts.push(scanText(items[i].full_text).text + '\n');
            }
        }
        const list = specs(file);
        const input = [
            ...list.map(
                (s) => `P ${s.caseInsensitive ? 'i' : '-'} ${Buffer.from(s.source, 'utf8').toString('base64')}`
            ),
            ...texts.map((t) => `T ${Buffer.from(t, 'utf8').toString('base64')}`)
        ].join('\n');
        const inputFile = join(dir, 'input.txt');
        writeFileSync(inputFile, input + '\n');
        const output = execFileSync('java', ['-cp', dir, 'RegexCrossCheck', inputFile], {
            encoding: 'utf8',
            maxBuffer: 256 * 1024 * 1024
        });
        const javaLines = output.split('\n').filter((l) => l !== '');
        const errors = javaLines.filter((l) => l.startsWith('E '));
        expect(errors).toEqual([]);
        const byPattern = new Map<number, string[]>();
        for (const line of javaLines) {
            const space = line.indexOf(' ');
            const p = Number(line.slice(0, space));
            const list2 = byPattern.get(p) ?? [];
            list2.push(line.slice(space + 1));
            byPattern.set(p, list2);
        }
        const disagreements: string[] = [];
        list.forEach((spec, p) => {
            const js = jsMatches(spec, texts);
            const java = byPattern.get(p) ?? [];
            if (js.join('\n') !== java.join('\n')) {
                const first = js.findIndex((l, i) => l !== java[i]);
                disagreements.push(
                    `${spec.name}: first difference at match ${first}: JavaScript ${js[first]} / Java ${java[first]}`
                );
            }
        });
        expect(disagreements).toEqual([]);
        // The check is not vacuous: the shipped patterns do match these texts.
        expect(javaLines.length).toBeGreaterThan(1000);
    }, 180000);
});

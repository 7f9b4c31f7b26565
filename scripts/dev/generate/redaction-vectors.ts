/**
 * Builds the PHI redaction test vectors shared by Jest (TypeScript) and the Apex tests (static resource
 * PhiRedactionVectors). Each vector is assembled from plain text and PHI items whose category the
 * generator knows, so the expected output comes from how the vector was built, not from running the
 * redactor: the placeholder (or pseudonym token) stands exactly where each PHI item was put.
 *
 *   npx tsx scripts/dev/generate/redaction-vectors.ts          write the file
 *   npx tsx scripts/dev/generate/redaction-vectors.ts --check  exit 1 when the file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { readCommandLine, type CommandLine } from '../../cli/lib/args';
import { findProjectRoot } from '../../cli/lib/project';
import { emailUrlIpVectors, recordNumberVectors, ssnAccountVectors } from './vectors/identifiers';
import { fieldVectors, nameVectors } from './vectors/names-fields';
import { addressVectors, dateAgeVectors, phoneVectors } from './vectors/places-times';
import { matrixVectors, pseudonymVectors, spacingCleanVectors, unicodeOverlapVectors } from './vectors/text-shapes';
import { TEST_PSEUDONYM_KEY, VectorSet, type VectorFile } from './vectors/vector-set';

export { TEST_PSEUDONYM_KEY, type Vector, type VectorFile } from './vectors/vector-set';

export const VECTORS_PATH = 'force-app/tests/gate/staticresources/PhiRedactionVectors.json';

/** The families of vectors, in the order their vectors are numbered (a new one goes last in its family). */
const FAMILIES: ReadonlyArray<(v: VectorSet) => void> = [
    emailUrlIpVectors,
    ssnAccountVectors,
    recordNumberVectors,
    dateAgeVectors,
    phoneVectors,
    addressVectors,
    nameVectors,
    fieldVectors,
    unicodeOverlapVectors,
    spacingCleanVectors,
    pseudonymVectors,
    matrixVectors
];

function build(): VectorFile {
    const v = new VectorSet();
    for (const family of FAMILIES) {
        family(v);
    }
    return {
        version: 1,
        description:
            'PHI redaction test vectors shared by the TypeScript (Jest) and Apex tests. Built by scripts/dev/generate/redaction-vectors.ts; see docs/gate.md.',
        pseudonymKeyHex: TEST_PSEUDONYM_KEY,
        patterns: SHIPPED_PATTERNS.slice(),
        vectors: v.vectors.slice()
    };
}

export function vectorFileText(): string {
    return JSON.stringify(build(), null, 2) + '\n';
}

const LINE = {
    name: 'redaction-vectors',
    summary: 'Writes the PHI redaction test vectors shared by Jest and the Apex tests.',
    options: {
        check: { type: 'boolean', description: 'write nothing; exit 1 when the committed output differs' }
    }
} as const satisfies CommandLine;

export function main(args: string[]): number {
    const parsed = readCommandLine(args, LINE);
    if (typeof parsed === 'number') {
        return parsed;
    }
    const root = findProjectRoot();
    const path = join(root, VECTORS_PATH);
    const text = vectorFileText();
    if (parsed.values.check) {
        let current = '';
        try {
            current = readFileSync(path, 'utf8');
        } catch {
            current = '';
        }
        if (current !== text) {
            process.stderr.write(`${VECTORS_PATH} is stale: run npx tsx scripts/dev/generate/redaction-vectors.ts\n`);
            return 1;
        }
        return 0;
    }
    writeFileSync(path, text);
    const file = JSON.parse(text) as VectorFile;
    process.stdout.write(`Wrote ${file.vectors.length} vectors to ${VECTORS_PATH}.\n`);
    return 0;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}

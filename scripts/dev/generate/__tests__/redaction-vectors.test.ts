/**
 * The shared PHI redaction vectors (force-app/tests/gate/staticresources/PhiRedactionVectors.json), run
 * through the TypeScript redactor. The Apex tests (PhiRedactorVectors_Tests) read the same file.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hmacSha256Hex, sha256Hex } from '../../../../force-app/main/common/lwc/sha256/sha256';
import { checkPattern, checkPatterns } from '../../../../force-app/main/gate/lwc/patternSyntax/patternSyntax';
import { SHIPPED_PATTERNS } from '../../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import { parseNameDictionary } from '../../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import { redact, rehydrate } from '../../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { loadPatternRecords } from '../patterns';
import { VECTORS_PATH, vectorFileText, type VectorFile } from '../redaction-vectors';

const root = join(__dirname, '..', '..', '..', '..');
const file = JSON.parse(readFileSync(join(root, VECTORS_PATH), 'utf8')) as VectorFile;
const dictionary = parseNameDictionary(
    readFileSync(join(root, 'force-app/main/gate/staticresources/PhiNameDictionary.resource'), 'utf8')
);

describe('the vector file', () => {
    it('is what the generator builds (run scripts/dev/generate/redaction-vectors.ts when this fails)', () => {
        expect(readFileSync(join(root, VECTORS_PATH), 'utf8')).toBe(vectorFileText());
    });

    it('is split among the Apex test methods in slices of at most 100 vectors, none of them empty', () => {
        // Each slice is one Apex test method, which has its own CPU limit; a slice that grew with the file
        // would fail in an org, where nothing here can run it.
        const apex = readFileSync(join(root, 'force-app/tests/gate/classes/PhiRedactorVectors_Tests.cls'), 'utf8');
        const slices = Array.from(apex.matchAll(/runSlice\(([0-9]+), ([0-9]+)\);/g), (m) => [
            Number(m[1]),
            Number(m[2])
        ]);
        expect(slices.length).toBeGreaterThan(1);
        let next = 0;
        for (const [from, to] of slices) {
            expect(from).toBe(next);
            expect(to - from).toBeGreaterThan(0);
            expect(to - from).toBeLessThanOrEqual(100);
            next = to;
        }
        // The last slice starts inside the file (so it checks something) and ends at or after its end.
        expect(slices[slices.length - 1][0]).toBeLessThan(file.vectors.length);
        expect(next).toBeGreaterThanOrEqual(file.vectors.length);
    });

    it('holds at least 300 vectors with unique ids', () => {
        expect(file.vectors.length).toBeGreaterThanOrEqual(300);
        expect(new Set(file.vectors.map((v) => v.id)).size).toBe(file.vectors.length);
    });

    it('covers every Safe Harbor class the patterns can reach, record fields, the dictionary, Unicode, overlaps and spacing', () => {
        const categories = new Set(file.vectors.flatMap((v) => v.expected.categories));
        for (const category of [
            'Name',
            'Address',
            'Date',
            'Age',
            'Phone',
            'Fax',
            'Email',
            'Ssn',
            'Mrn',
            'HealthPlanId',
            'AccountNumber',
            'LicenseNumber',
            'VehicleId',
            'DeviceId',
            'Url',
            'IpAddress',
            'Photo',
            'Identifier'
        ]) {
            expect(categories).toContain(category);
        }
        const groups = new Set(file.vectors.map((v) => v.group));
        for (const group of ['field', 'name-dict', 'unicode', 'overlap', 'spacing', 'pseudo', 'clean']) {
            expect(groups).toContain(group);
        }
    });

    it('embeds exactly the shipped PhiPattern records', () => {
        expect(file.patterns).toEqual(SHIPPED_PATTERNS);
        expect(loadPatternRecords(root)).toEqual(SHIPPED_PATTERNS);
    });
});

describe('each vector', () => {
    it.each(file.vectors.map((v) => [v.id, v] as const))('%s', (_id, vector) => {
        const result = redact(
            { text: vector.text, fields: vector.fields, fieldCategories: vector.fieldCategories, mode: vector.mode },
            {
                patterns: file.patterns,
                dictionary: vector.dictionary ? dictionary : null,
                pseudonymKeyHex: file.pseudonymKeyHex
            }
        );
        expect(result.text).toBe(vector.expected.text);
        expect(result.categories).toEqual(vector.expected.categories);
        expect(result.count).toBe(vector.expected.count);
        // Spans are ordered, disjoint and inside the input.
        let previousEnd = 0;
        for (const span of result.spans) {
            expect(span.start).toBeGreaterThanOrEqual(previousEnd);
            expect(span.end).toBeGreaterThan(span.start);
            expect(span.end).toBeLessThanOrEqual(vector.text.length);
            previousEnd = span.end;
        }
        // Re-hydration restores each value as first written; case and spacing variants share a token.
        const loose = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');
        const restored = vector.mode === 'pseudonymize' ? rehydrate(result.text, result.tokens) : vector.text;
        expect(loose(restored)).toBe(loose(vector.text));
    });
});

describe('pattern safety and the common subset', () => {
    it('accepts every shipped pattern', () => {
        expect(checkPatterns(SHIPPED_PATTERNS)).toEqual([]);
    });

    it.each([
        ['(?:a{1,3}){2,5}', 'Nested quantifier'],
        ['(?:[0-9]{2}[ -]){1,4}', 'Nested quantifier'],
        ['(?:(?:ab){1,3}c){2}', 'Nested quantifier'],
        ['a+', 'Unbounded'],
        ['[a-z]*x', 'Unbounded'],
        ['a{2,}', 'Unbounded'],
        ['\\bword\\b', 'common subset'],
        ['\\s{1,3}', 'common subset'],
        ['a.b', '. is not allowed'],
        ['^abc', 'Anchors'],
        ['(?i)abc', 'Only (?:'],
        ['(?<name>abc)', 'Only (?:'],
        ['(?>abc)', 'Only (?:'],
        ['a{1,3}+', 'Possessive'],
        ['(a)(b)', 'At most one capturing group'],
        ['[a[b]]', 'nested class'],
        ['[a-z&&[^x]]', 'intersection'],
        ['\\p{L}{1,3}', 'common subset'],
        ['(\\d)\\1', 'common subset'],
        ['a{1,5000}', 'exceeds the limit'],
        ['(?:x){0,3}', 'matches the empty string'],
        ['(?=a){2}', 'Lookarounds cannot be quantified']
    ])('rejects %s', (pattern, message) => {
        expect(checkPattern(pattern).join('\n')).toContain(message);
    });

    it('rejects non-ASCII in case-insensitive patterns, where Java and JavaScript fold differently', () => {
        expect(checkPattern('caf\u00e9', true).join('\n')).toContain('ASCII-only');
        expect(checkPattern('caf\\u00e9', true).join('\n')).toContain('ASCII-only');
        expect(checkPattern('caf\u00e9', false)).toEqual([]);
    });

    it('allows optional groups that contain repetitions', () => {
        expect(checkPattern('[0-9]{3}(?:-[0-9]{4})?')).toEqual([]);
    });

    it('reports unknown validators and conflicting replacements', () => {
        const base = SHIPPED_PATTERNS[0];
        const problems = checkPatterns([
            { ...base, name: 'One', validator: 'Bogus' },
            { ...base, name: 'Two', replacement: '[OTHER]' }
        ]);
        expect(problems.join('\n')).toContain('unknown validator');
        expect(problems.join('\n')).toContain('another replacement');
    });
});

describe('the pure SHA-256 and HMAC', () => {
    it('agree with Node crypto on assorted inputs, including multi-block and non-ASCII ones', () => {
        for (const text of [
            '',
            'abc',
            'a'.repeat(55),
            'a'.repeat(56),
            'a'.repeat(64),
            'a'.repeat(1000),
            'Zoë 😀 \u0000\uFFFF'
        ]) {
            expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
        }
    });

    it('pass RFC 4231 test case 2 and a long-key case', () => {
        const key = Buffer.from('Jefe').toString('hex');
        expect(hmacSha256Hex(key, 'what do ya want for nothing?')).toBe(
            '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
        );
        const longKey = 'aa'.repeat(131);
        expect(hmacSha256Hex(longKey, 'Test Using Larger Than Block-Size Key - Hash Key First')).toBe(
            createHmac('sha256', Buffer.from(longKey, 'hex'))
                .update('Test Using Larger Than Block-Size Key - Hash Key First')
                .digest('hex')
        );
    });
});

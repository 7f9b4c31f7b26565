/**
 * The preview build's rule for JavaScript modules it hands to esbuild without the LWC compiler (isPlainModule): the
 * compiler is the oracle, so every module the rule calls plain must compile to itself (compared after esbuild has
 * minified both, as the bundle does), and modules with what the compiler rewrites must not be called plain.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { transformSync as esbuildTransform } from 'esbuild';
import { transformSync as lwcTransform } from '@lwc/compiler';
import { findProjectRoot } from '../../../cli/lib/project';
import { COMPILER_OPTIONS, isPlainModule } from '../build';

const ROOT = findProjectRoot(__dirname);
const LIGHTNING = join(ROOT, 'node_modules', 'lightning-base-components', 'src', 'lightning');

function minified(code: string): string {
    return esbuildTransform(code, {
        format: 'esm',
        minifyWhitespace: true,
        minifySyntax: true,
        legalComments: 'none',
        target: 'es2022'
    }).code;
}

function compiled(source: string, file: string): string {
    const dir = dirname(file);
    return lwcTransform(source, file, {
        ...COMPILER_OPTIONS,
        name: basename(dir),
        namespace: basename(dirname(dir)),
        outputConfig: { sourcemap: false }
    }).code;
}

/** The base components' JavaScript modules (tests and examples left out), in a fixed order. */
function lightningModules(): string[] {
    const files: string[] = [];
    for (const bundle of readdirSync(LIGHTNING).sort()) {
        const dir = join(LIGHTNING, bundle);
        if (!statSync(dir).isDirectory()) {
            continue;
        }
        for (const name of readdirSync(dir).sort()) {
            if (name.endsWith('.js') && !name.endsWith('.test.js')) {
                files.push(join(dir, name));
            }
        }
    }
    return files;
}

describe('preview build: modules the LWC compiler would leave as they are', () => {
    it('calls plain only modules the compiler leaves as they are (a sample of the base components)', () => {
        const plain = lightningModules().filter((file) => isPlainModule(readFileSync(file, 'utf8')));
        // Every fifth, so that the check stays a second or two long yet covers every kind of plain module.
        const sample = plain.filter((_file, index) => index % 5 === 0);
        expect(sample.length).toBeGreaterThan(20);
        for (const file of sample) {
            const source = readFileSync(file, 'utf8');
            expect({ file, code: minified(compiled(source, file)) }).toEqual({ file, code: minified(source) });
        }
    });

    it('sends modules with what the compiler rewrites to the compiler', () => {
        const rewritten = [
            "import { LightningElement } from 'lwc';\nexport default class A extends LightningElement {}\n",
            'export class Store { items = []; }\n',
            'export default { answer: 42 };\n',
            'const table = {};\nexport { table as default };\n',
            "export function load() { return import('./other'); }\n"
        ];
        for (const source of rewritten) {
            expect({ source, plain: isPlainModule(source) }).toEqual({ source, plain: false });
        }
        // What the compiler does rewrite (a component, class fields), so the rule is not sending them for nothing.
        for (const source of rewritten.slice(0, 2)) {
            expect(minified(compiled(source, join(LIGHTNING, 'sample', 'sample.js')))).not.toEqual(minified(source));
        }
        expect(isPlainModule('export function double(n) { return 2 * n; }\n')).toBe(true);
    });
});

/**
 * The preview build drops the base components' native-shadow rules (syntheticShadowStylesheet): only rules whose every
 * selector needs a `data-render-mode="shadow"` host, which no element has in synthetic shadow, go; every other rule,
 * import and at-rule with rules left stays, checked on small cases and on every stylesheet of the base components.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { findProjectRoot } from '../../../cli/lib/project';
import { syntheticShadowStylesheet } from '../build';

const LIGHTNING = join(findProjectRoot(__dirname), 'node_modules', 'lightning-base-components', 'src', 'lightning');

/** Every rule's selectors (keyframe steps included), in order, each with its white space made single spaces. */
function selectorLists(css: string): string[][] {
    const lists: string[][] = [];
    postcss.parse(css).walkRules((rule) => {
        lists.push(rule.selectors.map((selector) => selector.replace(/\s+/g, ' ').trim()));
    });
    return lists;
}

function nativeOnly(selectors: string[]): boolean {
    return selectors.every((selector) => selector.startsWith(':host([data-render-mode'));
}

describe('preview build: base components styles without their native-shadow rules', () => {
    it('drops the rules every selector of which needs a shadow-rendered host, and nothing else', () => {
        const source = [
            "@import './x.lbc.native.css';",
            '/* a comment */',
            ':host([data-render-mode="shadow"]) .a { color: red; }',
            ":host([data-render-mode='shadow'].b) { color: red; }",
            ':host([data-render-mode="shadow"]) .c, .c { color: blue; }',
            '*, *::before { box-sizing: border-box; }',
            ':host(:not([disabled])) .d { color: green; }',
            '@media (min-width: 48em) { :host([data-render-mode="shadow"]) .e { width: 1px; } }',
            '@media (min-width: 30em) { .f { width: 2px; } :host([data-render-mode="shadow"]) .f { width: 3px; } }',
            '@keyframes spin { 0% { opacity: 0; } 100% { opacity: 1; } }'
        ].join('\n');
        const kept = syntheticShadowStylesheet(source, 'x.css') ?? '';
        expect(selectorLists(kept)).toEqual([
            [':host([data-render-mode="shadow"]) .c', '.c'],
            ['*', '*::before'],
            [':host(:not([disabled])) .d'],
            ['.f'],
            ['0%'],
            ['100%']
        ]);
        expect(kept).toContain("@import './x.lbc.native.css';");
        expect(kept).toContain('@keyframes spin');
        expect(kept).not.toContain('min-width: 48em');
        expect(kept).not.toContain('a comment');
    });

    it('answers null for a stylesheet of native-shadow rules only, and keeps one of imports only', () => {
        expect(syntheticShadowStylesheet(':host([data-render-mode="shadow"]) p { margin: 0; }\n', 'y.css')).toBeNull();
        expect(syntheticShadowStylesheet('/* nothing */\n', 'z.css')).toBeNull();
        expect(syntheticShadowStylesheet("@import 'lightning/sldsCommon';\n", 'w.css')).toContain('sldsCommon');
    });

    it('keeps every rule of every base component stylesheet but the native-shadow ones', () => {
        let files = 0;
        let dropped = 0;
        for (const bundle of readdirSync(LIGHTNING).sort()) {
            const dir = join(LIGHTNING, bundle);
            if (!statSync(dir).isDirectory()) {
                continue;
            }
            for (const name of readdirSync(dir).filter((file) => file.endsWith('.css'))) {
                const file = join(dir, name);
                const source = readFileSync(file, 'utf8');
                const before = selectorLists(source);
                const after = selectorLists(syntheticShadowStylesheet(source, file) ?? '');
                expect({ file, rules: after }).toEqual({ file, rules: before.filter((list) => !nativeOnly(list)) });
                dropped += before.length - after.length;
                files++;
            }
        }
        // The base components do ship their blueprint this way: thousands of rules, in hundreds of files.
        expect(files).toBeGreaterThan(300);
        expect(dropped).toBeGreaterThan(5000);
    });
});

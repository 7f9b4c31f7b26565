/**
 * Step `size`: the house limits that keep the code readable. No hand-written TypeScript or JavaScript file
 * over 800 lines, and no function over 120 lines (test callbacks included: a long `describe` splits into
 * several). Generated files, the ones `.gitattributes` marks `linguist-generated`, are exempt from the file
 * limit but not from the function limit of the code that generates them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import * as ts from 'typescript';
import { CheckStep, plural, Problem, unitResult } from '../step';

export const MAX_FILE_LINES = 800;
export const MAX_FUNCTION_LINES = 120;

/** Folders of hand-written code; build output, dependencies and tool state are never read. */
const ROOTS = ['scripts', 'force-app', 'config'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.warden', '.sf', '.sfdx', 'coverage', '__fixtures__']);
const CODE = /\.(ts|js|mjs|cjs)$/;

/** The files under the project's code folders, relative with forward slashes. */
function codeFiles(root: string): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            const path = join(dir, entry.name);
            if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
                walk(path);
            } else if (entry.isFile() && CODE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
                found.push(relative(root, path).split(sep).join('/'));
            }
        }
    };
    ROOTS.forEach((folder) => walk(join(root, folder)));
    return found.sort();
}

/** A matcher for the paths `.gitattributes` marks `linguist-generated` (set, not unset). */
export function generatedMatcher(gitattributes: string): (path: string) => boolean {
    const patterns: string[] = [];
    for (const raw of gitattributes.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) {
            continue;
        }
        const [pattern, ...attributes] = line.split(/\s+/);
        if (attributes.includes('linguist-generated') || attributes.includes('linguist-generated=true')) {
            // A pattern without a slash matches at any depth, as in git.
            patterns.push(pattern.includes('/') ? pattern.replace(/^\//, '') : `**/${pattern}`);
        }
    }
    return patterns.length === 0 ? () => false : picomatch(patterns, { dot: true });
}

/** What a function is called in a message: its name, or the call it is the callback of (`describe('x')`). */
function functionName(node: ts.Node, source: ts.SourceFile): string {
    const named = node as ts.Node & { name?: ts.Node };
    if (named.name) {
        return named.name.getText(source);
    }
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
        return parent.name.getText(source);
    }
    if (ts.isCallExpression(parent)) {
        const callee = parent.expression.getText(source);
        const first = parent.arguments[0];
        const label = first && ts.isStringLiteralLike(first) ? `'${first.text.slice(0, 60)}'` : '…';
        return `the callback of ${callee}(${label})`;
    }
    return 'an anonymous function';
}

/** The functions of one file longer than MAX_FUNCTION_LINES. */
export function longFunctions(file: string, text: string): Problem[] {
    const kind = /\.ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const problems: Problem[] = [];
    const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
            const start = source.getLineAndCharacterOfPosition(node.getStart(source));
            const end = source.getLineAndCharacterOfPosition(node.getEnd());
            const lines = end.line - start.line + 1;
            if (lines > MAX_FUNCTION_LINES) {
                problems.push({
                    file,
                    line: start.line + 1,
                    column: start.character + 1,
                    message: `${functionName(node, source)} is ${lines} lines long (the limit is ${MAX_FUNCTION_LINES}): split it`
                });
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return problems;
}

export const sizeStep: CheckStep = {
    name: 'size',
    description: `no hand-written code file over ${MAX_FILE_LINES} lines, no function over ${MAX_FUNCTION_LINES} lines`,
    async run(ctx) {
        let gitattributes = '';
        try {
            gitattributes = readFileSync(join(ctx.root, '.gitattributes'), 'utf8');
        } catch {
            // No .gitattributes: nothing is marked generated.
        }
        const isGenerated = generatedMatcher(gitattributes);
        const problems: Problem[] = [];
        const files = codeFiles(ctx.root);
        let generated = 0;
        for (const file of files) {
            if (isGenerated(file)) {
                generated += 1;
                continue;
            }
            const text = readFileSync(join(ctx.root, file), 'utf8');
            const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
            if (lines > MAX_FILE_LINES) {
                problems.push({
                    file,
                    line: MAX_FILE_LINES + 1,
                    message: `${lines} lines (the limit is ${MAX_FILE_LINES}): split the file by concern`
                });
            }
            problems.push(...longFunctions(file, text));
        }
        return unitResult(
            problems,
            `${plural(files.length - generated, 'file')} measured (${generated} generated left out), ${plural(problems.length, 'problem')}`
        );
    }
};

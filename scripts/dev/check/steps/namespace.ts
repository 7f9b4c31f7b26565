/**
 * Step `namespace`: nothing in the packaged source depends on an API name without its namespace. In the
 * managed package every object and field of ours is `warden__Name__c` to the org; compiled references
 * (static SOQL, field tokens, `@salesforce/schema`, labels, resource URLs) follow, but names inside text do
 * not. The step reads the packaged directories (those with a `package` in sfdx-project.json; all of them
 * when none has one) and fails on:
 * - Apex: a string literal naming one of our objects or fields (dynamic SOQL, get/put by name, describe by
 *   name, JSON keys); a query of StaticResource or PermissionSet by Name without a NamespacePrefix filter,
 *   which would also match a subscriber's record of the same name.
 * - LWC: an empApi channel literal (`/event/Name__e`) naming our event, an `Object__c.Field__c` string naming
 *   our field (use `@salesforce/schema`), a template expression reading one of our fields.
 * A deliberate local name (the canonical form of the audit log, which is namespace-free by specification)
 * is marked with a comment `namespace-safe: <reason>`, which covers its line and the lines after it up to
 * the next blank line.
 */
import { readFileSync } from 'node:fs';
import * as ts from 'typescript';
import { displayPath, loadProject, projectSourceFiles, SfdxProject } from '../../../cli/lib/project';
import { CheckStep, plural, Problem, unitResult } from '../step';

const MARKER = 'namespace-safe:';
const CUSTOM_NAME = /\b([A-Za-z][A-Za-z0-9_]*?)__(c|r|e|mdt|b)\b/g;

type Literal = { text: string; line: number };

/** The custom objects and fields the project defines, as Name__c / Name__e / Name__mdt. */
export function customNames(files: string[]): Set<string> {
    const names = new Set<string>();
    for (const file of files.map((path) => path.split('\\').join('/'))) {
        const object = /\/objects\/([A-Za-z0-9_]+__(?:c|e|mdt|b))\//.exec(file);
        if (object) {
            names.add(object[1]);
        }
        const field = /\/objects\/[^/]+\/fields\/([A-Za-z0-9_]+__c)\.field-meta\.xml$/.exec(file);
        if (field) {
            names.add(field[1]);
        }
    }
    return names;
}

/** Our names that a piece of text mentions (a relationship name __r counts as its field __c). */
function namesIn(text: string, ours: Set<string>): string[] {
    const found: string[] = [];
    for (const match of text.matchAll(CUSTOM_NAME)) {
        const name = match[2] === 'r' ? `${match[1]}__c` : match[0];
        if (ours.has(name) && !found.includes(match[0])) {
            found.push(match[0]);
        }
    }
    return found;
}

/** Lines covered by a namespace-safe comment: the comment's line and the next ones up to a blank line. */
export function coveredLines(source: string): Set<number> {
    const lines = source.split('\n');
    const covered = new Set<number>();
    lines.forEach((line, index) => {
        if (!line.includes(MARKER)) {
            return;
        }
        for (let next = index; next < lines.length && (next === index || lines[next].trim() !== ''); next++) {
            covered.add(next + 1);
        }
    });
    return covered;
}

/** The string literals of Apex source, with their lines; comments are skipped. */
export function apexLiterals(source: string): Literal[] {
    const literals: Literal[] = [];
    let line = 1;
    for (let i = 0; i < source.length; i++) {
        const char = source[i];
        if (char === '\n') {
            line++;
        } else if (char === '/' && source[i + 1] === '/') {
            while (i < source.length && source[i] !== '\n') {
                i++;
            }
            line++;
        } else if (char === '/' && source[i + 1] === '*') {
            const end = source.indexOf('*/', i + 2);
            const stop = end < 0 ? source.length : end + 1;
            line += (source.slice(i, stop).match(/\n/g) ?? []).length;
            i = stop;
        } else if (char === "'") {
            const startLine = line;
            let text = '';
            for (i++; i < source.length && source[i] !== "'"; i++) {
                if (source[i] === '\\') {
                    text += source[++i] ?? '';
                } else {
                    if (source[i] === '\n') {
                        line++;
                    }
                    text += source[i];
                }
            }
            literals.push({ text, line: startLine });
        }
    }
    return literals;
}

/** The string and template literals of TypeScript or JavaScript source, with their lines. */
export function scriptLiterals(source: string, fileName: string): Literal[] {
    const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const literals: Literal[] = [];
    const visit = (node: ts.Node): void => {
        if (
            ts.isStringLiteral(node) ||
            ts.isNoSubstitutionTemplateLiteral(node) ||
            ts.isTemplateHead(node) ||
            ts.isTemplateMiddle(node) ||
            ts.isTemplateTail(node)
        ) {
            literals.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
        }
        ts.forEachChild(node, visit);
    };
    visit(file);
    return literals;
}

/** Static SOQL blocks of Apex source ([SELECT ...]), with the line they start on. */
function staticQueries(source: string): Literal[] {
    const queries: Literal[] = [];
    for (const match of source.matchAll(/\[\s*SELECT\b[\s\S]*?\]/gi)) {
        queries.push({ text: match[0], line: source.slice(0, match.index).split('\n').length });
    }
    return queries;
}

function checkApex(source: string, ours: Set<string>, report: (line: number, message: string) => void): void {
    for (const literal of apexLiterals(source)) {
        const names = namesIn(literal.text, ours);
        if (names.length > 0) {
            report(
                literal.line,
                `the text '${literal.text.slice(0, 80)}' names ${names.join(', ')}: in the managed package the org ` +
                    'knows them with the namespace. Use a token and its describe (Schema.SObjectField, WardenSoql), ' +
                    `or mark a deliberate local name with // ${MARKER} <reason>`
            );
        }
    }
    const texts = [...staticQueries(source), ...apexLiterals(source)];
    for (const query of texts) {
        const byName = /\bFROM\s+(StaticResource|PermissionSet)\b|\bPermissionSet\.Name\b/i.exec(query.text);
        if (byName && /\bName\b/.test(query.text) && !/NamespacePrefix/i.test(query.text)) {
            report(
                query.line,
                `a query of ${byName[1] ?? 'PermissionSet'} by Name without a NamespacePrefix filter also matches a ` +
                    "subscriber's record of the same name; filter on the package's namespace (WardenSoql.namespace())"
            );
        }
    }
}

function checkScript(source: string, file: string, ours: Set<string>, report: (line: number, message: string) => void) {
    for (const literal of scriptLiterals(source, file)) {
        const channel = /^\/(?:event|data)\/(\w+)/.exec(literal.text);
        if (channel && namesIn(channel[1], ours).length > 0) {
            report(
                literal.line,
                `the channel '${literal.text}' has the namespace in a packaged org; take its name from the server`
            );
        }
        const qualified = /^(\w+__(?:c|e|mdt))\.(\w+)$/.exec(literal.text);
        if (qualified && ours.has(qualified[1])) {
            report(
                literal.line,
                `'${literal.text}' is a field name the org namespaces; import it from @salesforce/schema instead`
            );
        }
    }
}

function checkTemplate(source: string, ours: Set<string>, report: (line: number, message: string) => void): void {
    source.split('\n').forEach((text, index) => {
        for (const expression of text.matchAll(/\{([^}]*)\}/g)) {
            const names = namesIn(expression[1], ours);
            if (names.length > 0) {
                report(
                    index + 1,
                    `the template reads ${names.join(', ')}, which the org namespaces; give the component a DTO with ` +
                        'its own property names'
                );
            }
        }
    });
}

/** The directories that go into the package (all of them when sfdx-project.json names no package). */
function packagedProject(project: SfdxProject): SfdxProject {
    const packaged = project.packageDirectories.filter((pkg) => pkg.package);
    return packaged.length === 0 ? project : { ...project, packageDirectories: packaged };
}

export const namespaceStep: CheckStep = {
    name: 'namespace',
    description: 'no Apex or LWC of the package depends on an API name without its namespace',
    async run(ctx) {
        const project = loadProject(ctx.root);
        const ours = customNames(projectSourceFiles(project));
        const files = projectSourceFiles(packagedProject(project)).filter((file) => !/[\\/]__tests__[\\/]/.test(file));
        const problems: Problem[] = [];
        let checked = 0;
        for (const file of files) {
            const isApex = /\.(cls|trigger)$/.test(file);
            const isScript = /[\\/]lwc[\\/].*\.ts$/.test(file);
            const isTemplate = /[\\/]lwc[\\/].*\.html$/.test(file);
            if (!isApex && !isScript && !isTemplate) {
                continue;
            }
            checked++;
            const source = readFileSync(file, 'utf8');
            const covered = coveredLines(source);
            const report = (line: number, message: string): void => {
                if (!covered.has(line)) {
                    problems.push({ file: displayPath(ctx.root, file), line, message });
                }
            };
            if (isApex) {
                checkApex(source, ours, report);
            } else if (isScript) {
                checkScript(source, file, ours, report);
            } else {
                checkTemplate(source, ours, report);
            }
        }
        return unitResult(
            problems,
            `${plural(checked, 'file')}, ${plural(ours.size, 'custom name')}, ${plural(problems.length, 'problem')}`
        );
    }
};

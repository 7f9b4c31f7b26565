/**
 * `prettier`: `prettier --check` semantics through prettier's Node API over the project's tracked
 * files, with the project's .prettierrc (prettier-plugin-apex parses Apex with Salesforce's jorje
 * parser, @prettier/plugin-xml the metadata) and its .prettierignore. A file that does not parse is
 * reported at the parser's location; prettier-plugin-apex drops jorje's location from its error,
 * so for Apex the location is taken from jorje itself (the plugin's native serializer).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { apexSyntaxErrors, apexUnitKind } from '../../lib/apex-syntax';
import { runProcess } from '../../lib/exec';
import { firstDifferentLine } from '../../../cli/lib/position';
import { displayPath, walkFiles } from '../../../cli/lib/project';
import { XmlError, parseXml } from '../../../cli/lib/xml';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

export const PRETTIER_EXTENSIONS = new Set([
    '.ts',
    '.js',
    '.json',
    '.md',
    '.cls',
    '.trigger',
    '.apex',
    '.xml',
    '.html',
    '.css'
]);

const APEX_EXTENSIONS = new Set(['.cls', '.trigger', '.apex']);

/**
 * The files git tracks or would track (untracked but not ignored), or, outside a git work tree,
 * every file below the root except node_modules and dot-folders. Absolute paths, sorted.
 */
export async function projectFiles(root: string): Promise<string[]> {
    if (existsSync(join(root, '.git'))) {
        const result = await runProcess('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
            cwd: root
        });
        if (result.code === 0) {
            return result.stdout
                .split('\0')
                .filter((path) => path.length > 0)
                .map((path) => join(root, path))
                .filter((path) => existsSync(path))
                .sort();
        }
    }
    return walkFiles(root);
}

type JorjeLocation = { line: number; column: number; message: string };

/**
 * Asks jorje (the native apex-ast-serializer that prettier-plugin-apex runs) where an Apex source
 * fails to parse. Undefined when the serializer is not installed for this platform.
 */
export function jorjeParseError(source: string, anonymous: boolean): JorjeLocation | undefined {
    let binary: string;
    try {
        // Resolved the way the plugin itself finds it (its package.json is not exported).
        const pluginRequire = createRequire(require.resolve('prettier-plugin-apex'));
        const platform = `${process.platform}-${process.arch}`;
        const executable = `apex-ast-serializer-${platform}${process.platform === 'win32' ? '.exe' : ''}`;
        binary = pluginRequire.resolve(`@prettier-apex/apex-ast-serializer-${platform}/${executable}`);
    } catch {
        return undefined;
    }
    if (!existsSync(binary)) {
        return undefined;
    }
    const run = spawnSync(binary, anonymous ? ['-a'] : [], { input: source, encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0 || !run.stdout) {
        return undefined;
    }
    type ParseError = { message?: string; error?: { error?: { loc?: { line?: number; column?: number } } } };
    const ast = JSON.parse(run.stdout) as Record<string, { parseErrors?: ParseError[] }>;
    const output = Object.values(ast).find((value) => value && Array.isArray(value.parseErrors));
    const first = output?.parseErrors?.[0];
    const loc = first?.error?.error?.loc;
    if (!first || !loc || typeof loc.line !== 'number') {
        return undefined;
    }
    return { line: loc.line, column: typeof loc.column === 'number' ? loc.column : 1, message: first.message ?? '' };
}

type ParseFailure = { line?: number; column?: number; message: string };

function locateParseFailure(error: unknown, file: string, source: string): ParseFailure {
    const raw = error instanceof Error ? error.message : String(error);
    const loc = (error as { loc?: { start?: { line?: number; column?: number } } }).loc?.start;
    const message = oneLine(raw.split('\n')[0].replace(/\s*\(\d+:\d+\)\s*$/, ''));
    if (loc && Number.isFinite(loc.line) && Number.isFinite(loc.column)) {
        return { line: loc.line, column: loc.column, message };
    }
    const extension = extname(file);
    if (APEX_EXTENSIONS.has(extension)) {
        const jorje = jorjeParseError(source, extension === '.apex');
        if (jorje) {
            return { line: jorje.line, column: jorje.column, message: oneLine(jorje.message || message) };
        }
        // No native jorje for this platform: locate the error with the ANTLR Apex grammar instead.
        const [first] = apexSyntaxErrors(source, apexUnitKind(file) ?? 'class');
        if (first) {
            return {
                line: first.line,
                column: first.column,
                message: `${message} (apex-parser: ${oneLine(first.message, 120)})`
            };
        }
    }
    if (extension === '.xml') {
        try {
            parseXml(source);
        } catch (xmlError) {
            if (xmlError instanceof XmlError) {
                return { line: xmlError.line, column: xmlError.column, message: `${message} (${xmlError.message})` };
            }
        }
    }
    return { message };
}

/** Plugin names in a config resolve from the config file's folder, as the prettier CLI does. */
function resolvePlugins(plugins: unknown, configFile: string | null): unknown {
    if (!Array.isArray(plugins) || !configFile) {
        return plugins;
    }
    const configRequire = createRequire(configFile);
    return plugins.map((plugin) => {
        if (typeof plugin !== 'string') {
            return plugin;
        }
        try {
            return configRequire.resolve(plugin);
        } catch {
            return plugin;
        }
    });
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

export const prettierStep: CheckStep = {
    name: 'prettier',
    description: 'prettier --check of *.{ts,js,json,md,cls,trigger,apex,xml,html,css} (Apex via jorje, XML plugin)',
    async run(ctx) {
        const prettier = await import('prettier');
        const ignorePath = ['.gitignore', '.prettierignore']
            .map((name) => join(ctx.root, name))
            .filter((path) => existsSync(path));
        const candidates = (await projectFiles(ctx.root)).filter((file) => PRETTIER_EXTENSIONS.has(extname(file)));
        const problems: Problem[] = [];
        let checked = 0;
        let unformatted = 0;
        let unparsable = 0;
        await mapLimit(candidates, 4, async (file) => {
            const display = displayPath(ctx.root, file);
            const configFile = await prettier.resolveConfigFile(file);
            const config = (await prettier.resolveConfig(file, { editorconfig: false })) ?? {};
            const plugins = resolvePlugins(config.plugins, configFile) as string[] | undefined;
            const info = await prettier.getFileInfo(file, { ignorePath, plugins, resolveConfig: false });
            if (info.ignored) {
                return;
            }
            checked += 1;
            if (!info.inferredParser && !config.parser) {
                problems.push({
                    file: display,
                    message: 'prettier has no parser for this file (is its plugin configured?)'
                });
                return;
            }
            const source = readFileSync(file, 'utf8');
            const options = { ...config, plugins, filepath: file };
            try {
                if (await prettier.check(source, options as Parameters<typeof prettier.check>[1])) {
                    return;
                }
                unformatted += 1;
                const formatted = await prettier.format(source, options as Parameters<typeof prettier.format>[1]);
                const line = firstDifferentLine(formatted, source) ?? 1;
                problems.push({
                    file: display,
                    line,
                    column: 1,
                    message: `not formatted as prettier would (first difference on this line); run npx prettier --write ${display}`
                });
            } catch (error) {
                unparsable += 1;
                const failure = locateParseFailure(error, file, source);
                problems.push({
                    file: display,
                    line: failure.line,
                    column: failure.column,
                    message: `does not parse (${config.parser ?? info.inferredParser}): ${failure.message}`
                });
            }
        });
        problems.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
        return unitResult(
            problems,
            `${plural(checked, 'file')} checked, ${unformatted} unformatted, ${unparsable} unparsable`
        );
    }
};

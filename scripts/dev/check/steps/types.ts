/**
 * `types`: the TypeScript compiler over the whole project (tooling, LWC sources, config), with the
 * project's own tsconfig.json. Every diagnostic becomes a problem at its file, line and column.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { runProcess } from '../../lib/exec';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): (error|warning) (TS\d+): (.*)$/;
const GLOBAL_DIAGNOSTIC = /^(error|warning) (TS\d+): (.*)$/;

/** Parses `tsc --pretty false` output; continuation lines belong to the diagnostic above them. */
export function parseTscOutput(output: string, root: string): Problem[] {
    const problems: Problem[] = [];
    for (const line of output.split(/\r?\n/)) {
        if (line.trim() === '') {
            continue;
        }
        const located = DIAGNOSTIC.exec(line);
        if (located) {
            const [, file, lineNo, column, , code, message] = located;
            const path = isAbsolute(file) ? relative(root, file) : file;
            problems.push({
                file: path.split('\\').join('/'),
                line: Number(lineNo),
                column: Number(column),
                message: `${message} (${code})`
            });
            continue;
        }
        const global = GLOBAL_DIAGNOSTIC.exec(line);
        if (global) {
            problems.push({ message: `${global[3]} (${global[2]})` });
            continue;
        }
        const last = problems.at(-1);
        if (last && /^\s/.test(line)) {
            last.message = oneLine(`${last.message} ${line.trim()}`, 600);
        } else {
            problems.push({ message: line.trim() });
        }
    }
    return problems;
}

export const typesStep: CheckStep = {
    name: 'types',
    description: 'tsc --noEmit -p tsconfig.json (strict type check of scripts, LWC sources and config)',
    async run(ctx) {
        if (!existsSync(join(ctx.root, 'tsconfig.json'))) {
            return unitResult([{ file: 'tsconfig.json', message: 'missing: nothing to type-check against' }]);
        }
        const tsc = require.resolve('typescript/bin/tsc');
        const result = await runProcess(
            process.execPath,
            [tsc, '--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'],
            {
                cwd: ctx.root
            }
        );
        const problems = parseTscOutput(`${result.stdout}\n${result.stderr}`, ctx.root);
        if (result.code !== 0 && problems.length === 0) {
            problems.push({ message: `tsc exited with code ${result.code} and printed no diagnostics` });
        }
        if (result.code === 0 && problems.length > 0) {
            // tsc exits 0 only without errors; anything printed then is informational.
            problems.forEach((problem) => (problem.severity = 'note'));
        }
        return unitResult(problems, `tsc: ${plural(problems.filter((p) => p.severity !== 'note').length, 'error')}`);
    }
};

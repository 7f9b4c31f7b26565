/**
 * `eslint`: ESLint through its Node API with the project's flat config (eslint.config.js) over the
 * tooling (scripts/, config/) and the LWC TypeScript sources. Errors fail the step; warnings are
 * printed as notes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../../../cli/lib/project';
import { CheckStep, plural, Problem, unitResult } from '../step';

export const ESLINT_TARGETS = ['scripts', 'config', 'force-app/**/lwc/**/*.ts'];

export const eslintStep: CheckStep = {
    name: 'eslint',
    description: 'ESLint (flat config) over scripts/, config/ and force-app/**/lwc/**/*.ts',
    async run(ctx) {
        if (!existsSync(join(ctx.root, 'eslint.config.js'))) {
            return unitResult([{ file: 'eslint.config.js', message: 'missing: ESLint would run without our rules' }]);
        }
        const { ESLint } = await import('eslint');
        const eslint = new ESLint({ cwd: ctx.root, errorOnUnmatchedPattern: false });
        const targets = ESLINT_TARGETS.filter((target) => target.includes('*') || existsSync(join(ctx.root, target)));
        const results = await eslint.lintFiles(targets);
        const problems: Problem[] = [];
        let errors = 0;
        let warnings = 0;
        for (const result of results) {
            const file = displayPath(ctx.root, result.filePath);
            for (const message of result.messages) {
                const isError = message.severity === 2 || message.fatal === true;
                if (isError) {
                    errors += 1;
                } else {
                    warnings += 1;
                }
                problems.push({
                    file,
                    line: message.line,
                    column: message.column,
                    message: message.ruleId ? `${message.message} (${message.ruleId})` : message.message,
                    severity: isError ? 'error' : 'note'
                });
            }
        }
        return unitResult(
            problems,
            `${plural(results.length, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
        );
    }
};

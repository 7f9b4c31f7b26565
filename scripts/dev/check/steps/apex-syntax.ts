/**
 * `apex-syntax`: every .cls, .trigger and .apex file of every package directory parsed with
 * @apexdevtools/apex-parser; each syntax error is a problem at its line and column. This proves
 * the files parse, not that they compile: types and references need an org.
 */
import { readFileSync } from 'node:fs';
import { apexSyntaxErrors, apexUnitKind } from '../../lib/apex-syntax';
import { displayPath, loadProject, projectSourceFiles } from '../../../cli/lib/project';
import { CheckStep, oneLine, plural, Problem, unitResult } from '../step';

export const apexSyntaxStep: CheckStep = {
    name: 'apex-syntax',
    description: 'parse every .cls/.trigger/.apex in the package directories with @apexdevtools/apex-parser',
    async run(ctx) {
        const project = loadProject(ctx.root);
        const problems: Problem[] = [];
        let files = 0;
        let broken = 0;
        for (const file of projectSourceFiles(project)) {
            const kind = apexUnitKind(file);
            if (!kind) {
                continue;
            }
            files += 1;
            const errors = apexSyntaxErrors(readFileSync(file, 'utf8'), kind);
            if (errors.length > 0) {
                broken += 1;
            }
            for (const error of errors) {
                problems.push({
                    file: displayPath(ctx.root, file),
                    line: error.line,
                    column: error.column,
                    message: oneLine(error.message, 200)
                });
            }
        }
        return unitResult(problems, `${plural(files, 'Apex file')} parsed, ${broken} with syntax errors`);
    }
};

/**
 * sharing-without: a class declared `without sharing`. Every query and DML in it, and in the classes
 * it calls that take their caller's sharing, ignores record sharing: rated high when it reaches data
 * (itself or through such a class, a data-store class for instance), low when it reaches none.
 * Accepted only with a `warden:ignore sharing-without <reason>` comment that says why.
 */
import { productionClasses, typeDataAccess } from './helpers';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'sharing-without',
    title: 'Class runs without sharing',
    severity: 'high',
    category: 'ApexClass',
    summary: 'A class is declared without sharing and no suppression comment justifies it.',
    description:
        'A without sharing class sees and changes every record regardless of the running user. Sometimes that is the design (an audit writer, a system-level queue); then the decision is written down next to the declaration as a warden:ignore comment with the reason, and reviewed like any accepted risk.',
    tags: ['security', 'access-control', 'sharing'],
    precision: 'very-high',
    run(ctx: RuleContext): void {
        for (const { file, type } of productionClasses(ctx)) {
            if (type.sharing !== 'without') {
                continue;
            }
            const data = typeDataAccess(file, type);
            const own = data !== null && data.startsWith(`${type.qualifiedName}.`);
            const what =
                data === null
                    ? ' but reaches no data (no query or DML in it or in the classes it calls that take its sharing)'
                    : own
                      ? ' and queries or changes records'
                      : ` and queries or changes records through ${data}, which runs with its caller's sharing`;
            ctx.reportApex({
                file,
                span: type.nameSpan,
                member: '',
                snippet: `without sharing class ${type.qualifiedName}`,
                severity: data ? 'high' : 'low',
                message: `Class ${type.qualifiedName} runs without sharing${what}: every record is visible to it regardless of the user. Use \`with sharing\` / \`inherited sharing\`, or justify it with \`// warden:ignore sharing-without <reason>\`.`
            });
        }
    }
};

/**
 * sharing-missing: a class that declares no sharing model. Such a class takes the sharing of its
 * caller, which for triggers, @future, batch, queueable, REST and Aura entry points is none at all.
 * Top-level classes are always checked; inner classes (which do not inherit the outer class's
 * keyword) when they touch data. Data reached through a class that takes its caller's sharing (a
 * data-store class) counts as the class's own. Test classes, interfaces and classes that run no code
 * (only plain fields, constants and automatic properties) are not checked.
 */
import { isEntryType, productionClasses, runsNoCode, typeDataAccess } from './helpers';
import type { RuleContext, RuleDefinition } from './rule';

export const rule: RuleDefinition = {
    id: 'sharing-missing',
    title: 'Class declares no sharing',
    severity: 'high',
    category: 'ApexClass',
    summary: 'A class has no with sharing, without sharing or inherited sharing declaration.',
    description:
        'Without a sharing keyword a class runs with the sharing of whoever calls it, and entry points (triggers, @future, batch, REST, Aura) run without sharing. Declare with sharing, or inherited sharing for utilities; a class that must run without sharing says so and why.',
    tags: ['security', 'access-control', 'sharing'],
    precision: 'very-high',
    run(ctx: RuleContext): void {
        for (const { file, type } of productionClasses(ctx)) {
            // A data-transfer or constants class runs nothing whose sharing could matter.
            if (type.sharing !== null || runsNoCode(type)) {
                continue;
            }
            const reached = typeDataAccess(file, type);
            const data = reached !== null;
            const entry = isEntryType(type);
            if (type.outer && !data) {
                continue;
            }
            const isException =
                /exception$/i.test(type.name) && (type.extendsType ?? '').toLowerCase().endsWith('exception');
            if (isException && !data) {
                continue;
            }
            const through = reached && !reached.startsWith(`${type.qualifiedName}.`) ? ` (through ${reached})` : '';
            const why = data
                ? `it runs SOQL or DML${through} with the sharing of its caller, which is none from triggers, @future, batch, REST and Aura entry points`
                : entry
                  ? 'it is an entry point and runs without sharing when called from outside'
                  : 'it will run with whatever sharing its caller has';
            ctx.reportApex({
                file,
                span: type.nameSpan,
                member: '',
                snippet: `class ${type.qualifiedName}`,
                severity: data || entry ? 'high' : 'low',
                message: `Class ${type.qualifiedName} declares no sharing: ${why}. Declare \`with sharing\` (or \`inherited sharing\` for a utility).`
            });
        }
    }
};

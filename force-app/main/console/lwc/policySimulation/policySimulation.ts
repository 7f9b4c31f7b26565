/**
 * What the gate would do with a sample prompt, computed in the browser from the same inputs the gate
 * uses: the record's consent for the purpose, the jurisdiction rule against the endpoint, the approved
 * data flows (unmapped fields are dropped), each field's minimization, and the shared redactor
 * (c/phiRedactor) over the free text with the record's own values as known PHI.
 * It is a preview for people, not the enforcement: the gate in Apex decides.
 */
import type { SimulationContext } from 'c/consoleContracts';
import { CONSENT_COVERED_RESULTS } from 'c/consoleContracts';
import { configIssues, type ConfigIssue } from 'c/residencyMatrix';
import type { NameDictionary } from 'c/nameDictionary';
import type { PhiPattern } from 'c/patternSyntax';
import { redact, type RedactionResult } from 'c/phiRedactor';

export type ReasonCode =
    | 'consentGranted'
    | 'consentNotRequired'
    | 'consentMissing'
    | 'consentRefused'
    | 'endpointNotApproved'
    | 'residencyOk'
    | ConfigIssue
    | 'redacted'
    | 'nothingToRedact'
    | 'fieldDropped';
export type Reason = { code: ReasonCode; blocking: boolean; detail: string };
export type FieldOutcome = 'sent' | 'redacted' | 'pseudonymized' | 'dropped' | 'notMapped';
export type FieldResult = { field: string; outcome: FieldOutcome; value: string };
export type Simulation = {
    decision: 'Allowed' | 'Redacted' | 'Blocked';
    reasons: Reason[];
    prompt: RedactionResult;
    fields: FieldResult[];
};

/** Placeholder of a redacted field value: the first enabled pattern replacement of its category, else [CATEGORY]. */
function placeholder(category: string | null, patterns: PhiPattern[]): string {
    const match = patterns.find((pattern) => pattern.category === category && pattern.replacement);
    return match?.replacement ?? `[${(category ?? 'PHI').toUpperCase()}]`;
}

export function simulate(
    context: SimulationContext,
    text: string,
    dictionary: NameDictionary | null,
    today: string
): Simulation {
    const reasons: Reason[] = [];
    const patterns = context.patterns as PhiPattern[];

    if (context.consentStatus === 'Granted') {
        reasons.push({ code: 'consentGranted', blocking: false, detail: context.purpose });
    } else if (CONSENT_COVERED_RESULTS.includes(context.consentStatus)) {
        reasons.push({ code: 'consentNotRequired', blocking: false, detail: context.purpose });
    } else if (context.consentStatus === 'Missing') {
        reasons.push({ code: 'consentMissing', blocking: true, detail: context.purpose });
    } else {
        reasons.push({ code: 'consentRefused', blocking: true, detail: context.consentStatus });
    }

    if (context.endpoint.status !== 'Approved') {
        reasons.push({ code: 'endpointNotApproved', blocking: true, detail: context.endpoint.status });
    }
    const issues = configIssues(context.rule ?? undefined, context.endpoint, today);
    if (issues.length === 0) {
        reasons.push({
            code: 'residencyOk',
            blocking: false,
            detail: `${context.jurisdiction ?? '—'} → ${context.endpoint.jurisdiction ?? '—'}`
        });
    }
    for (const issue of issues) {
        reasons.push({
            code: issue,
            blocking: true,
            detail: `${context.jurisdiction ?? '—'} → ${context.endpoint.jurisdiction ?? '—'} (${context.endpoint.hosting ?? '—'})`
        });
    }

    const recordValues: Record<string, string> = {};
    const fieldCategories: Record<string, string> = {};
    const fields: FieldResult[] = context.fields.map((field) => {
        const name = field.field.includes('.') ? field.field.slice(field.field.indexOf('.') + 1) : field.field;
        if (field.value) {
            recordValues[name] = field.value;
            if (field.phiCategory) {
                fieldCategories[name] = field.phiCategory;
            }
        }
        if (!field.mapped) {
            return { field: field.field, outcome: 'notMapped', value: '' };
        }
        switch (field.minimization) {
            case 'Drop':
                return { field: field.field, outcome: 'dropped', value: '' };
            case 'Redact':
                return { field: field.field, outcome: 'redacted', value: placeholder(field.phiCategory, patterns) };
            case 'Pseudonymize':
                return {
                    field: field.field,
                    outcome: 'pseudonymized',
                    value: `[${(field.phiCategory ?? 'PHI').toUpperCase()}-token]`
                };
            default:
                return { field: field.field, outcome: 'sent', value: field.value ?? '' };
        }
    });
    const dropped = fields.filter((field) => field.outcome === 'notMapped' || field.outcome === 'dropped').length;
    if (dropped > 0) {
        reasons.push({ code: 'fieldDropped', blocking: false, detail: String(dropped) });
    }

    const prompt = redact({ text, fields: recordValues, fieldCategories, mode: 'redact' }, { patterns, dictionary });
    reasons.push(
        prompt.count > 0
            ? { code: 'redacted', blocking: false, detail: prompt.categories.join(', ') }
            : { code: 'nothingToRedact', blocking: false, detail: '' }
    );

    const blocked = reasons.some((reason) => reason.blocking);
    const redacted =
        prompt.count > 0 || fields.some((field) => field.outcome === 'redacted' || field.outcome === 'pseudonymized');
    return { decision: blocked ? 'Blocked' : redacted ? 'Redacted' : 'Allowed', reasons, prompt, fields };
}

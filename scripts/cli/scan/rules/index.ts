/**
 * The rule registry: every rule the scanner runs, plus the engine's own diagnostics (parse errors,
 * skipped files, bad suppressions), which have metadata for the reports but no `run`.
 */
import type { RuleDefinition } from './rule';
import { rule as calloutInLoop } from './callout-in-loop';
import { rule as credentialsInCode } from './credentials-in-code';
import { rule as crudFlsBypass } from './crud-fls-bypass';
import { rule as dmlInLoop } from './dml-in-loop';
import { rule as endpointRegionNotAllowed } from './endpoint-region-not-allowed';
import { rule as hardcodedEndpoint } from './hardcoded-endpoint';
import { rule as insecureEndpoint } from './insecure-endpoint';
import { rule as insecureEndpointMetadata } from './insecure-endpoint-metadata';
import { rule as integrationUserOverprivileged } from './integration-user-overprivileged';
import { rule as limitedCallInLoop } from './limited-call-in-loop';
import { rule as llmGateBypass } from './llm-gate-bypass';
import { rule as phiCallout } from './phi-callout';
import { rule as phiDebugLog } from './phi-debug-log';
import { rule as phiExceptionMessage } from './phi-exception-message';
import { rule as phiFieldUnencrypted } from './phi-field-unencrypted';
import { rule as sharingMissing } from './sharing-missing';
import { rule as sharingWithout } from './sharing-without';
import { rule as soqlInLoop } from './soql-in-loop';
import { rule as soqlInjection } from './soql-injection';
import { rule as systemModePhi } from './system-mode-phi';
import { rule as triggerCallout } from './trigger-callout';
import { rule as triggerLogic } from './trigger-logic';

export const ALL_RULES: readonly RuleDefinition[] = [
    crudFlsBypass,
    sharingMissing,
    sharingWithout,
    systemModePhi,
    soqlInjection,
    phiCallout,
    phiDebugLog,
    phiExceptionMessage,
    llmGateBypass,
    hardcodedEndpoint,
    credentialsInCode,
    insecureEndpoint,
    insecureEndpointMetadata,
    endpointRegionNotAllowed,
    triggerLogic,
    triggerCallout,
    soqlInLoop,
    dmlInLoop,
    calloutInLoop,
    limitedCallInLoop,
    phiFieldUnencrypted,
    integrationUserOverprivileged
];

const noop = (): void => undefined;

export const ENGINE_RULES: readonly RuleDefinition[] = [
    {
        id: 'parse-error',
        title: 'File could not be parsed',
        severity: 'high',
        category: 'component',
        summary: 'An Apex or metadata file has a syntax error, so it was not scanned.',
        description:
            'A file that does not parse cannot be analysed, so none of its risks are known. Salesforce would reject it too; fix the syntax error.',
        tags: ['correctness'],
        precision: 'very-high',
        run: noop
    },
    {
        id: 'skipped-file',
        title: 'File skipped',
        severity: 'info',
        category: 'component',
        summary: 'A file was not scanned because it is empty, binary, larger than 1 MB or not UTF-8.',
        description:
            'The scanner reads text files up to 1 MB in UTF-8, like the platform. Anything else is reported so that nothing is left out silently.',
        tags: ['correctness'],
        precision: 'very-high',
        run: noop
    },
    {
        id: 'invalid-suppression',
        title: 'Invalid suppression comment',
        severity: 'medium',
        category: 'component',
        summary: 'A warden:ignore comment names no rule, an unknown rule, or gives no reason.',
        description:
            'A suppression is an accepted risk: it must name the rule it silences and say why. One that does not suppresses nothing and is reported.',
        tags: ['correctness'],
        precision: 'very-high',
        run: noop
    },
    {
        id: 'unused-suppression',
        title: 'Unused suppression comment',
        severity: 'low',
        category: 'component',
        summary: 'A warden:ignore comment suppresses no finding.',
        description:
            'A suppression that matches nothing is stale: the code changed or the comment is in the wrong place. Remove it, so the list of accepted risks stays true.',
        tags: ['correctness'],
        precision: 'very-high',
        run: noop
    }
];

export const ENGINE_RULE_IDS: readonly string[] = ENGINE_RULES.map((r) => r.id);

export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(
    [...ALL_RULES, ...ENGINE_RULES].map((r) => [r.id, r])
);

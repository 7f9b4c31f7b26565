/**
 * The values the gate writes to InferenceLog__c.ResidencyResult__c and ConsentResult__c, in a module of their own so that readers of the
 * log (the console through c/consoleContracts, the preview, the evidence pack) can compare against them without
 * loading the policy and the redactor. c/gatePolicy writes them and re-exports them; Apex's
 * GatePolicy.RESIDENCY_ALLOWED/_BLOCKED are the same values.
 */

/** The call meets every residency rule. */
export const RESIDENCY_ALLOWED = 'Allowed';
/** A residency rule forbids the call: what the console counts as a residency violation. */
export const RESIDENCY_BLOCKED = 'Blocked';
/**
 * Written to both ConsentResult__c and ResidencyResult__c when the gate blocked before it reached those checks (an
 * invalid request, an unknown endpoint): such a call is neither a residency violation nor a missing consent, and the
 * console leaves it out of both figures.
 */
export const NOT_CHECKED = 'NotChecked';
export type ResidencyResult = typeof RESIDENCY_ALLOWED | typeof RESIDENCY_BLOCKED | typeof NOT_CHECKED;

/**
 * The values the gate writes to InferenceLog__c.ConsentResult__c, most restrictive first (Apex's
 * GatePolicy.CONSENT_RANK is the same list). Only Granted lets a call go ahead; the gate has no "not required"
 * answer, so the console counts a call as covered by a consent only when it was Granted.
 */
export const CONSENT_RANK: ReadonlyArray<string> = ['Denied', 'Withdrawn', 'Expired', 'Missing', 'Granted'];
/** The one consent answer that covers a call. */
export const CONSENT_GRANTED = 'Granted';

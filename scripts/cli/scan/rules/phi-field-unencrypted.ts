/**
 * phi-field-unencrypted: custom fields classified PHI with no Shield Platform Encryption scheme,
 * in a project that uses encryption (Platform Encryption settings in the project, an encrypted
 * field, or `encryption.required` in the config). Only field types Shield can encrypt are checked.
 */
import type { RuleContext, RuleDefinition } from './rule';

const ENCRYPTABLE = new Set(['Text', 'TextArea', 'LongTextArea', 'Email', 'Phone', 'Url', 'Date', 'DateTime']);

export const rule: RuleDefinition = {
    id: 'phi-field-unencrypted',
    title: 'PHI field not encrypted',
    severity: 'high',
    category: 'Metadata',
    summary: 'A field classified PHI has no encryption scheme although the project uses Shield Platform Encryption.',
    description:
        'Where an org encrypts data at rest, every PHI field must be encrypted: one plain field defeats the control (HIPAA §164.312(a)(2)(iv)). Set encryptionScheme (ProbabilisticEncryption, or DeterministicEncryption when the field is filtered on).',
    tags: ['security', 'privacy', 'phi', 'encryption', 'metadata', 'external/cwe/cwe-311'],
    precision: 'high',
    run(ctx: RuleContext): void {
        const { metadata, config, classification } = ctx.project;
        const evidence = metadata.encryptionEvidence;
        const required = config.encryption.required ?? evidence !== null;
        if (!required) {
            return;
        }
        const why = config.encryption.required
            ? 'encryption.required is set in warden.config.json'
            : `the project uses encryption (${evidence})`;
        for (const field of metadata.fields) {
            if (!ENCRYPTABLE.has(field.type)) {
                continue;
            }
            const entry = classification.field(field.object, field.field);
            if (!entry || entry.field === null) {
                continue;
            }
            if (field.encryptionScheme && field.encryptionScheme !== 'None') {
                continue;
            }
            ctx.reportFile({
                file: field.file,
                line: field.line,
                column: field.column,
                componentType: 'CustomField',
                componentName: `${field.object}.${field.field}`,
                snippet: field.snippet,
                message: `PHI field ${field.object}.${field.field} (classified by ${entry.source}) is not encrypted, while ${why}. Set encryptionScheme.`
            });
        }
    }
};

/**
 * Writes the evidence documents' templates (c/evidenceTemplates, the one definition of what the DPIA, the HIPAA
 * safeguards report and the NIST AI RMF profile say) into the static resource WardenEvidenceTemplates, which the Apex
 * EvidenceDocuments reads to render the PDF in the org: Visualforce runs no JavaScript, so the Apex twin needs the
 * same content as data. The `generated` check runs --check so the resource can never drift from the module.
 *
 *   npx tsx scripts/dev/generate/evidence-templates.ts [--check]
 */
import {
    EVIDENCE_TEMPLATES,
    EVIDENCE_TEMPLATE_VERSION,
    DOCUMENT_WORDS
} from '../../../force-app/main/console/lwc/evidenceTemplates/evidenceTemplates';
import { runGenerator } from './write-generated';

export const EVIDENCE_TEMPLATES_PATH = 'force-app/main/console/staticresources/WardenEvidenceTemplates.json';

/** The resource's text: the module's documents and stamp words under a format header. */
export function evidenceTemplatesText(): string {
    const file = {
        format: 'warden-evidence-templates',
        version: EVIDENCE_TEMPLATE_VERSION,
        description:
            'What the evidence documents say, read by the Apex EvidenceDocuments (PDF). Generated from force-app/main/console/lwc/evidenceTemplates/evidenceTemplates.ts by scripts/dev/generate/evidence-templates.ts; do not edit.',
        words: DOCUMENT_WORDS,
        documents: EVIDENCE_TEMPLATES
    };
    return `${JSON.stringify(file, null, 2)}\n`;
}

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'evidence-templates',
        'Writes the evidence documents templates into the static resource the Apex PDF renderer reads.',
        () => [{ path: EVIDENCE_TEMPLATES_PATH, text: evidenceTemplatesText() }]
    );
}

/**
 * Tests of the evidence documents: each one is stamped with the chain head and checkpoint, quotes the org's
 * figures, and lists as gaps exactly what the facts show (and nothing when they show nothing); and the shared vectors
 * (EvidenceDocumentVectors, which EvidenceDocuments_Tests runs through the Apex twin behind the PDF) come out the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    documentHtml,
    dpiaDocument,
    evidenceDocuments,
    fillText,
    hipaaDocument,
    nistDocument,
    percent,
    renderDocument
} from 'c/evidenceDocuments';
import { EVIDENCE_TEMPLATES } from 'c/evidenceTemplates';
import type { EvidencePack } from 'c/consoleContracts';
import { RESIDENCY_ALLOWED, RESIDENCY_BLOCKED } from 'c/gatePolicy';

const clean: EvidencePack = {
    generatedAt: '2026-11-22T10:00:00.000Z',
    generatedBy: 'Ada Auditor',
    windowDays: 90,
    gateMode: 'Enforce',
    flows: [],
    endpoints: [],
    rules: [],
    tagMinimization: [{ classification: 'PHI', minimization: 'Redact', count: 4 }],
    phiPatterns: 23,
    consentCoverage: [],
    callsByConsentResult: [{ key: 'Granted', count: 90 }],
    callsByResidencyResult: [{ key: RESIDENCY_ALLOWED, count: 90 }],
    callsByDecision: [
        { key: 'Allowed', count: 60 },
        { key: 'Redacted', count: 30 }
    ],
    callsByMode: [{ key: 'Enforce', count: 90 }],
    residencyViolations: [],
    findings: [],
    findingsTruncated: false,
    acceptances: [],
    history: [],
    chainHead: { sequence: 90, entryHash: 'ab'.repeat(32), loggedAt: '2026-11-22T09:59:00.000Z' },
    checkpoints: [
        {
            sequence: 80,
            fromSequence: 71,
            entryCount: 10,
            headHash: 'cd'.repeat(32),
            merkleRoot: 'ef'.repeat(32),
            createdAt: '2026-11-22T09:00:00.000Z'
        }
    ]
};

const troubled: EvidencePack = {
    ...clean,
    callsByConsentResult: [
        { key: 'Granted', count: 70 },
        { key: 'Missing', count: 20 }
    ],
    callsByResidencyResult: [
        { key: RESIDENCY_ALLOWED, count: 85 },
        { key: RESIDENCY_BLOCKED, count: 5 }
    ],
    callsByMode: [
        { key: 'Enforce', count: 80 },
        { key: 'Monitor', count: 10 }
    ],
    acceptances: [
        {
            findingId: 'a1',
            name: 'CF-000007',
            rule: 'sharing-without',
            severity: 'High',
            status: 'RiskAccepted',
            justification: 'Retired with the portal next quarter.',
            requestedByName: 'Inés Delgado',
            approvedByName: 'Mara Lindqvist',
            approvedOn: '2026-11-01T10:00:00.000Z',
            riskAcceptedUntil: '2027-02-01'
        }
    ]
};

const gaps = (pack: EvidencePack) =>
    evidenceDocuments(pack).flatMap((document) => document.sections.flatMap((s) => s.gaps));

describe('c/evidenceDocuments', () => {
    it('builds the DPIA along Art. 35(7) (a) to (d), stamped with the chain head and checkpoint', () => {
        const dpia = dpiaDocument(clean);
        expect(dpia.sections.map((section) => section.id)).toEqual(['35(7)(a)', '35(7)(b)', '35(7)(c)', '35(7)(d)']);
        expect(dpia.stamp).toEqual({
            generatedAt: clean.generatedAt,
            chainHeadSequence: 90,
            chainHeadHash: 'ab'.repeat(32),
            checkpoint: 80
        });
        expect(dpia.sections[3].text[0]).toContain('redacted 30 of 90 calls');
    });

    it('covers the HIPAA safeguard sections and the four NIST AI RMF functions', () => {
        const hipaa = hipaaDocument(clean).sections.map((section) => section.id);
        for (const part of ['164.308', '164.310', '164.312', '164.316']) {
            expect(hipaa.some((id) => id.startsWith(part))).toBe(true);
        }
        const nist = nistDocument(clean).sections.map((section) => section.id.split(' ')[0]);
        expect([...new Set(nist)]).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    });

    it('lists no gap when the facts show none, and each problem the facts show', () => {
        expect(gaps(clean)).toEqual([]);
        const found = gaps(troubled).join('\n');
        expect(found).toContain('20 calls had no valid consent');
        expect(found).toContain('5 calls broke a residency rule');
        expect(found).toContain('10 calls ran in Monitor mode');
    });

    it('carries the risk register with who asked and who approved', () => {
        const risks = dpiaDocument(troubled).sections[2];
        expect(risks.table?.rows).toEqual([
            {
                name: 'CF-000007',
                severity: 'High',
                status: 'RiskAccepted',
                justification: 'Retired with the portal next quarter.',
                requestedByName: 'Inés Delgado',
                approvedByName: 'Mara Lindqvist',
                riskAcceptedUntil: '2027-02-01'
            }
        ]);
        expect(risks.table?.columns.map((column) => column.header)).toContain('Approved by');
    });

    it('renders human headers and escapes what it quotes', () => {
        const html = documentHtml(dpiaDocument({ ...troubled, generatedBy: '<b>x</b>' }), String);
        expect(html).toContain('<th scope="col">Accepted until</th>');
        expect(html).not.toMatch(/<th scope="col">[a-z]+[A-Z]/);
        expect(html).toContain('chain head #90');
        const injected = documentHtml(
            dpiaDocument({
                ...troubled,
                acceptances: [{ ...troubled.acceptances[0], justification: '<script>alert(1)</script>' }]
            }),
            String
        );
        expect(injected).not.toContain('<script>');
    });
});

type VectorFile = { cases: { description: string; facts: EvidencePack; expected: unknown }[] };
const vectors = JSON.parse(
    readFileSync(join(__dirname, '../../../../../tests/console/staticresources/EvidenceDocumentVectors.json'), 'utf8')
) as VectorFile;
const resource = JSON.parse(
    readFileSync(join(__dirname, '../../../staticresources/WardenEvidenceTemplates.json'), 'utf8')
) as { documents: typeof EVIDENCE_TEMPLATES };

describe('c/evidenceDocuments shared vectors', () => {
    it('has cases to run', () => {
        expect(vectors.cases.length).toBeGreaterThanOrEqual(4);
    });

    it.each(vectors.cases.map((vector) => [vector.description, vector] as const))('%s', (_description, vector) => {
        expect(JSON.parse(JSON.stringify(evidenceDocuments(vector.facts)))).toEqual(vector.expected);
    });

    it('renders the same from the static resource the Apex twin reads', () => {
        for (const vector of vectors.cases) {
            const fromResource = resource.documents.map((template) => renderDocument(template, vector.facts));
            expect(JSON.parse(JSON.stringify(fromResource))).toEqual(vector.expected);
        }
    });
});

describe('c/evidenceDocuments template language', () => {
    it('rounds a share half up in whole numbers', () => {
        expect([percent(1, 16), percent(70, 90), percent(0, 0), percent(3, 3)]).toEqual([
            '6.3%',
            '77.8%',
            'n/a',
            '100.0%'
        ]);
    });

    it('refuses a template that quotes a figure nobody computes', () => {
        expect(fillText('{calls} calls', { calls: 3 })).toBe('3 calls');
        expect(() => fillText('{nonsense} calls', { calls: 3 })).toThrow('no figure {nonsense}');
        const broken = {
            ...EVIDENCE_TEMPLATES[0],
            sections: [{ ...EVIDENCE_TEMPLATES[0].sections[0], gaps: [{ when: 'gateMode', text: 'x' }] }]
        };
        expect(() => renderDocument(broken, clean)).toThrow('is not a count');
    });
});

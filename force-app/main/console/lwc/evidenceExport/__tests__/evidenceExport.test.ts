import {
    cellText,
    tableCsv,
    sectionCsv,
    evidenceJson,
    printableReport,
    escapeHtml,
    exportFileName,
    dataUrl,
    COLUMN_HEADERS,
    SECTION_COLUMNS
} from 'c/evidenceExport';
import type { EvidencePack } from 'c/consoleContracts';

const pack: EvidencePack = {
    generatedAt: '2026-11-22T10:00:00.000Z',
    generatedBy: 'Ada Auditor',
    windowDays: 90,
    gateMode: 'Enforce',
    flows: [],
    endpoints: [],
    rules: [],
    tagMinimization: [],
    phiPatterns: 0,
    callsByResidencyResult: [],
    callsByMode: [],
    residencyViolations: [],
    acceptances: [],
    history: [],
    consentCoverage: [{ purpose: 'LlmInference', jurisdiction: 'EU', status: 'Granted', count: 12 }],
    callsByConsentResult: [],
    callsByDecision: [{ key: 'Blocked', count: 3 }],
    findings: [
        {
            id: 'a1',
            name: 'CF-000001',
            rule: 'soql-injection',
            severity: 'High',
            category: 'ApexClass',
            componentType: 'ApexClass',
            componentName: 'Foo',
            line: 12,
            message: '=HYPERLINK("http://x") <script>',
            status: 'New',
            dueDate: '2026-12-01',
            assignedToId: null,
            assignedToName: null,
            firstSeen: null,
            lastSeen: null,
            resolvedOn: null,
            requestedStatus: null,
            requestedById: null,
            requestedByName: null,
            riskAcceptedUntil: null,
            dueDateExtended: false
        }
    ],
    findingsTruncated: false,
    chainHead: { sequence: 50000, entryHash: 'ab'.repeat(32), loggedAt: '2026-11-22T09:59:00.000Z' },
    checkpoints: []
};

describe('c/evidenceExport', () => {
    it('quotes CSV cells with commas, quotes and line breaks', () => {
        const column = [{ key: 'v', header: 'v' }];
        const rows = ['plain', 'a,b', 'say "hi"', 'two\nlines', null, ['a', 'b']].map((v) => ({ v }));
        expect(tableCsv(column, rows)).toBe('v\r\nplain\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n\r\na;b\r\n');
    });

    it('defuses spreadsheet formulas but keeps negative numbers', () => {
        expect(cellText('=1+1')).toBe("'=1+1");
        expect(cellText('@SUM(A1)')).toBe("'@SUM(A1)");
        expect(cellText('-12.5')).toBe('-12.5');
        expect(cellText('+cmd')).toBe("'+cmd");
    });

    it('writes RFC 4180 lines with CRLF', () => {
        const csv = tableCsv(
            [
                { key: 'a', header: 'A' },
                { key: 'b', header: 'B', value: (row: { a: number }) => row.a * 2 }
            ],
            [{ a: 1 }, { a: 2 }]
        );
        expect(csv).toBe('A,B\r\n1,2\r\n2,4\r\n');
    });

    it('exports a section of the pack as CSV', () => {
        const csv = sectionCsv(pack, 'findings');
        expect(csv.split('\r\n')[0]).toBe(
            'name,rule,severity,category,componentType,componentName,line,status,dueDate,assignedToName,firstSeen,resolvedOn,message'
        );
        expect(csv).toContain(`"'=HYPERLINK(""http://x"") <script>"`);
        expect(sectionCsv(pack, 'consent')).toBe('purpose,jurisdiction,status,count\r\nLlmInference,EU,Granted,12\r\n');
    });

    it('exports the pack as JSON with a format header', () => {
        const parsed = JSON.parse(evidenceJson(pack));
        expect(parsed.format).toBe('warden-dpia-evidence');
        expect(parsed.version).toBe(3);
        expect(parsed.chainHead.sequence).toBe(50000);
        expect(parsed.documents.map((document: { id: string }) => document.id)).toEqual([
            'dpia',
            'hipaa',
            'nist-ai-rmf'
        ]);
    });

    it('renders a printable report with every value escaped', () => {
        const labels = {
            title: 'DPIA <evidence>',
            generated: 'Generated',
            chainHead: 'Chain head',
            chainEmpty: 'No entries',
            dataFlows: 'Data flows',
            endpoints: 'Endpoints',
            consent: 'Consent',
            findings: 'Findings',
            decisions: 'Decisions',
            truncated: 'Truncated'
        };
        const html = printableReport(pack, labels);
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain('<title>DPIA &lt;evidence&gt;</title>');
        expect(html).toContain('&lt;script&gt;');
        expect(html).not.toContain('<script>');
        expect(html).toContain('ab'.repeat(32));
        expect(printableReport({ ...pack, chainHead: null }, labels)).toContain('<p>No entries</p>');
        expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
    });

    it('gives every column of the printable report a human header', () => {
        for (const key of [...Object.values(SECTION_COLUMNS).flat(), 'key', 'count']) {
            expect([key, COLUMN_HEADERS[key]]).toEqual([
                key,
                expect.stringMatching(/^[A-Z](?![A-Za-z]*[a-z][A-Z])[A-Za-z]*( [A-Za-z]+)*$/)
            ]);
        }
        const html = printableReport(pack, {
            title: 'T',
            generated: 'G',
            chainHead: 'C',
            chainEmpty: 'E',
            dataFlows: 'F',
            endpoints: 'P',
            consent: 'N',
            findings: 'I',
            decisions: 'D',
            truncated: 'R'
        });
        const headers = [...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((match) => match[1]);
        expect(headers).toContain('Zero retention');
        expect(headers).toContain('Assigned to');
        expect(headers.filter((header) => /^[a-z]|[a-z][A-Z]/.test(header))).toEqual([]);
    });

    it('names files safely and builds data URLs', () => {
        expect(exportFileName('dpia evidence!', 'json', new Date(Date.UTC(2026, 10, 22, 9, 8, 7)))).toBe(
            'warden-dpiaevidence-20261122-090807.json'
        );
        expect(dataUrl('a,b', 'text/csv')).toBe('data:text/csv;charset=utf-8,a%2Cb');
    });
});

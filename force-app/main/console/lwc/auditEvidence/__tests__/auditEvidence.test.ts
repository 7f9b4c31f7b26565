import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import AuditEvidence, { MAX_EXPORT_PAGES, verifyExportText } from 'c/auditEvidence';
import verifyChain from '@salesforce/apex/WardenAuditController.verifyChain';
import exportLog from '@salesforce/apex/WardenAuditController.exportLog';
import getEvidencePack from '@salesforce/apex/WardenAuditController.getEvidencePack';
import getEvidencePdfUrl from '@salesforce/apex/WardenAuditController.getEvidencePdfUrl';
import type { EvidencePack } from 'c/consoleContracts';

const pack: EvidencePack = require('./data/evidencePack.json');
const exported: Record<string, unknown>[] = require('./data/logExport.json');

jest.mock('@salesforce/apex/WardenAuditController.verifyChain', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenAuditController.exportLog', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
    '@salesforce/apex/WardenAuditController.getEvidencePack',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/WardenAuditController.getEvidencePdfUrl',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
const verifyMock = verifyChain as unknown as jest.Mock;
const exportMock = exportLog as unknown as jest.Mock;
const packWire = getEvidencePack as unknown as { emit(value: unknown): void };
const pdfUrlWire = getEvidencePdfUrl as unknown as { emit(value: unknown): void };

// Several macrotask turns let wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 6): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-audit-evidence', { is: AuditEvidence });
    document.body.appendChild(element);
    packWire.emit(pack);
    await flush();
    return element;
}

/** What the download links would save: jsdom cannot download, so each click records its file name and content. */
type Downloads = { clicks: string[]; saved: string[] };

function setUp(): Downloads {
    const downloads: Downloads = { clicks: [], saved: [] };
    beforeAll(() => registerSa11yMatcher());
    beforeEach(() => {
        downloads.clicks.length = 0;
        downloads.saved.length = 0;
        jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
            downloads.clicks.push(this.download);
            downloads.saved.push(decodeURIComponent(this.href.slice(this.href.indexOf(',') + 1)));
        });
    });
    afterEach(() => {
        jest.restoreAllMocks();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });
    return downloads;
}

describe('c-audit-evidence: the chain', () => {
    setUp();

    it('shows the chain head', async () => {
        const element = await mount();
        expect(element.shadowRoot?.querySelector('[data-id="chain-head-hash"]')?.textContent).toBe(
            pack.chainHead?.entryHash
        );
    });

    it('verifies the org chain batch by batch until the head', async () => {
        verifyMock
            .mockResolvedValueOnce({
                fromSequence: 1,
                toSequence: 2000,
                checked: 2000,
                ok: true,
                brokenAtSequence: null,
                reason: null,
                lastHash: 'a'.repeat(64),
                nextSequence: 2001
            })
            .mockResolvedValueOnce({
                fromSequence: 2001,
                toSequence: 3000,
                checked: 1000,
                ok: true,
                brokenAtSequence: null,
                reason: null,
                lastHash: 'b'.repeat(64),
                nextSequence: null
            });
        const element = await mount();
        (element.shadowRoot?.querySelector('[data-id="verify-org"]') as HTMLElement).click();
        await flush();
        expect(verifyMock.mock.calls.map((call) => call[0].fromSequence)).toEqual([1, 2001]);
        const result = element.shadowRoot?.querySelector('[data-id="verify-result"] p');
        expect(result?.textContent).toBe('c.AuditVerifyOk');
        expect(result?.className).toContain('slds-text-color_success');
    });

    it('reports where the org chain breaks', async () => {
        verifyMock.mockResolvedValueOnce({
            fromSequence: 1,
            toSequence: 17,
            checked: 16,
            ok: false,
            brokenAtSequence: 17,
            reason: 'Entry 17 was changed',
            lastHash: null,
            nextSequence: null
        });
        const element = await mount();
        (element.shadowRoot?.querySelector('[data-id="verify-org"]') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="verify-result"] p')?.className).toContain(
            'slds-text-color_error'
        );
    });

    it('verifies an exported file with the shared verifier and catches tampering', () => {
        const good = verifyExportText(JSON.stringify(exported), 'log.json');
        expect(good.ok).toBe(true);
        const tampered = JSON.parse(JSON.stringify(exported));
        tampered[2].Decision__c = tampered[2].Decision__c === 'Allowed' ? 'Blocked' : 'Allowed';
        const bad = verifyExportText(JSON.stringify(tampered), 'log.json');
        expect(bad.ok).toBe(false);
        expect(bad.message).toBe('c.AuditFileBroken');
        expect(verifyExportText('not a log', 'x.csv').ok).toBe(false);
        // A field given twice (with and without the prefix) is refused as unreadable, never judged by one copy.
        const twice = exported.map((e: Record<string, unknown>) => ({ ...e, warden__Decision__c: 'Allowed' }));
        const doubled = verifyExportText(JSON.stringify(twice), 'log.json');
        expect(doubled).toMatchObject({ ok: false, message: 'c.AuditFileUnreadable' });
        expect(doubled.detail).toContain('names a field more than once: Decision__c');
    });

    it('is accessible', async () => {
        const element = await mount();
        await expect(element).toBeAccessible();
    }, 60_000);
});

describe('c-audit-evidence: exports', () => {
    const { clicks, saved } = setUp();

    it('exports a log slice through keyset pages', async () => {
        exportMock.mockResolvedValueOnce({ records: exported, nextSequence: null });
        const element = await mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        (element.shadowRoot?.querySelector('[data-id="export-log"]') as HTMLElement).click();
        await flush();
        expect(exportMock).toHaveBeenCalledWith({
            fromSequence: Math.max(1, (pack.chainHead?.sequence ?? 1) - 1999),
            batchSize: 2000
        });
        expect(toast.mock.calls.some((call) => call[0].detail.variant === 'success')).toBe(true);
        expect(clicks).toEqual([expect.stringMatching(/^warden-inference-log-.*\.json$/)]);
    });

    it('downloads the evidence pack, a CSV section and the printable report', async () => {
        const element = await mount();
        (element.shadowRoot?.querySelector('[data-id="evidence-json"]') as HTMLElement).click();
        (element.shadowRoot?.querySelector('[data-id="evidence-csv"]') as HTMLElement).click();
        (element.shadowRoot?.querySelector('[data-id="evidence-html"]') as HTMLElement).click();
        expect(clicks).toHaveLength(3);
        expect(clicks[0]).toMatch(/^warden-dpia-evidence-\d{8}-\d{6}\.json$/);
        expect(clicks[1]).toMatch(/^warden-dpia-findings-.*\.csv$/);
        expect(clicks[2]).toMatch(/^warden-dpia-report-.*\.html$/);
    });

    it('prints minimisation in words and dates and date-times in the one console format, the zone named', async () => {
        const element = await mount();
        (element.shadowRoot?.querySelector('[data-id="evidence-html"]') as HTMLElement).click();
        const html = saved[0];
        // Jest's user is en-US in America/Los_Angeles.
        expect(html).toContain('Nov 22, 2026, 1:00:00 AM PST');
        expect(html).toContain('Nov 21, 2026, 11:48:56 AM PST');
        expect(html).toContain(`<td>Oct 5, 2026</td>`);
        expect(html).not.toContain(pack.generatedAt);
        expect(html).not.toContain('<td>2026-10-05</td>');
        // A flow's minimisation reads in words, under a header or beside it, never as "minimization Drop".
        expect(html).toContain('<td>c.ConsoleMinimizationPseudonymize</td>');
        expect(html).toContain('<td>c.ConsoleMinimizationRedact</td>');
        expect(html).not.toMatch(/<td>(Allow|Redact|Pseudonymize|Drop)<\/td>/);
        // The chain head on the screen reads the same as in the report.
        expect(element.shadowRoot?.textContent).toContain('Nov 21, 2026, 11:48:56 AM PST');
    });
});

describe('c-audit-evidence: export errors', () => {
    afterEach(() => {
        jest.restoreAllMocks();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('refuses an export range at its field and shows a server error under the form, never as a toast', async () => {
        const element = await mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        type Field = HTMLElement & { value: string; setCustomValidity(text: string): void };
        const count = element.shadowRoot?.querySelector('lightning-input[data-field="exportCount"]') as Field;
        const marked = jest.spyOn(count, 'setCustomValidity');
        count.value = '0';
        count.dispatchEvent(new CustomEvent('change'));
        (element.shadowRoot?.querySelector('[data-id="export-log"]') as HTMLElement).click();
        await flush();
        expect(exportMock).not.toHaveBeenCalled();
        expect(marked).toHaveBeenLastCalledWith('c.AuditExportInvalid');
        count.value = '10';
        count.dispatchEvent(new CustomEvent('change'));
        exportMock.mockRejectedValueOnce({ status: 500, body: { message: 'Read timed out' } });
        (element.shadowRoot?.querySelector('[data-id="export-log"]') as HTMLElement).click();
        await flush();
        expect(marked).toHaveBeenLastCalledWith('');
        expect(element.shadowRoot?.querySelector('[data-id="export-error"]')?.textContent).toContain('Read timed out');
        expect(toast).not.toHaveBeenCalled();
    });
});

describe('c-audit-evidence: export pages over the archive', () => {
    const { clicks, saved } = setUp();

    async function exportFrom(element: HTMLElement, from: string, count: string): Promise<void> {
        type Field = HTMLElement & { value: string };
        const fromField = element.shadowRoot?.querySelector('lightning-input[data-field="exportFrom"]') as Field;
        const countField = element.shadowRoot?.querySelector('lightning-input[data-field="exportCount"]') as Field;
        fromField.value = from;
        fromField.dispatchEvent(new CustomEvent('change'));
        countField.value = count;
        countField.dispatchEvent(new CustomEvent('change'));
        (element.shadowRoot?.querySelector('[data-id="export-log"]') as HTMLElement).click();
        await flush(12);
    }

    it('goes on past an empty archive page while the server gives a next sequence', async () => {
        const [first, second] = exported;
        exportMock
            .mockResolvedValueOnce({ records: [], nextSequence: 5001 })
            .mockResolvedValueOnce({ records: [], nextSequence: 10001 })
            .mockResolvedValueOnce({ records: [first, second], nextSequence: null });
        const element = await mount();
        await exportFrom(element, '1', '10');
        expect(exportMock.mock.calls.map((call) => call[0].fromSequence)).toEqual([1, 5001, 10001]);
        expect(clicks).toHaveLength(1);
        expect(JSON.parse(saved[0])).toEqual([first, second]);
        expect(element.shadowRoot?.querySelector('[data-id="export-error"]')).toBeNull();
    });

    it('stops with a message when the next sequence does not move forward', async () => {
        exportMock
            .mockResolvedValueOnce({ records: [], nextSequence: 5001 })
            .mockResolvedValueOnce({ records: [], nextSequence: 5001 });
        const element = await mount();
        await exportFrom(element, '1', '10');
        expect(exportMock).toHaveBeenCalledTimes(2);
        expect(clicks).toHaveLength(0);
        expect(element.shadowRoot?.querySelector('[data-id="export-error"]')?.textContent).toContain(
            'c.AuditExportStalled'
        );
    });

    it('stops after MAX_EXPORT_PAGES calls that collect nothing', async () => {
        let from = 1;
        exportMock.mockImplementation(() => {
            from += 5000;
            return Promise.resolve({ records: [], nextSequence: from });
        });
        const element = await mount();
        await exportFrom(element, '1', '10');
        await flush(MAX_EXPORT_PAGES);
        expect(exportMock).toHaveBeenCalledTimes(MAX_EXPORT_PAGES);
        expect(clicks).toHaveLength(0);
        expect(element.shadowRoot?.querySelector('[data-id="export-error"]')?.textContent).toContain(
            'c.AuditExportTooManyPages'
        );
    });
});

describe('c-audit-evidence: the PDF the org renders', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('offers no PDF where there is no Visualforce page', async () => {
        const element = await mount();
        pdfUrlWire.emit(null);
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="evidence-pdf"]')).toBeNull();
    });

    it('links to the page for all three documents or the one chosen, in a new tab', async () => {
        const element = await mount();
        pdfUrlWire.emit('/apex/warden__WardenEvidencePdf');
        await flush();
        const link = () => element.shadowRoot?.querySelector('[data-id="evidence-pdf"]') as HTMLAnchorElement;
        expect(link().getAttribute('href')).toBe('/apex/warden__WardenEvidencePdf');
        expect(link().target).toBe('_blank');
        const chooser = element.shadowRoot?.querySelector('[data-id="evidence-pdf-document"]') as HTMLElement & {
            options: { label: string; value: string }[];
        };
        expect(chooser.options.map((option) => option.value)).toEqual(['', 'dpia', 'hipaa', 'nist-ai-rmf']);
        expect(chooser.options[2].label).toBe('HIPAA Security Rule safeguards');
        chooser.dispatchEvent(new CustomEvent('change', { detail: { value: 'hipaa' } }));
        await flush();
        expect(link().getAttribute('href')).toBe('/apex/warden__WardenEvidencePdf?document=hipaa');
    });
});

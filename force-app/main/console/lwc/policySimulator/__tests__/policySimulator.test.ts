import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import PolicySimulator from 'c/policySimulator';
import getSimulationRecords from '@salesforce/apex/WardenSimulatorController.getSimulationRecords';
import getSimulationContext from '@salesforce/apex/WardenSimulatorController.getSimulationContext';
import getLogFilterOptions from '@salesforce/apex/WardenLogController.getLogFilterOptions';
import type { SimulationContext } from 'c/consoleContracts';

const records = require('./data/records.json');
const endpoints = require('./data/endpoints.json');
const context: SimulationContext = require('./data/context.json');

jest.mock('@salesforce/apex/WardenSimulatorController.getSimulationContext', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/WardenSimulatorController.getSimulationRecords',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/WardenLogController.getLogFilterOptions',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
const contextMock = getSimulationContext as unknown as jest.Mock;
const recordsWire = getSimulationRecords as unknown as { emit(value: unknown): void };
const optionsWire = getLogFilterOptions as unknown as { emit(value: unknown): void };

// Several macrotask turns let wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (turns = 6): Promise<void> => (turns === 0 ? Promise.resolve() : tick().then(() => flush(turns - 1)));

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-policy-simulator', { is: PolicySimulator });
    document.body.appendChild(element);
    recordsWire.emit(records);
    optionsWire.emit(endpoints);
    await flush();
    return element;
}

describe('c-policy-simulator', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('preselects the first record and endpoint', async () => {
        const element = await mount();
        expect((element.shadowRoot?.querySelector('[data-id="record"]') as HTMLElement & { value: string }).value).toBe(
            records[0].id
        );
        expect(
            (element.shadowRoot?.querySelector('[data-id="endpoint"]') as HTMLElement & { value: string }).value
        ).toBe(endpoints.endpoints[0].id);
    });

    it('shows what Enforce and Monitor would send, redacted, and why', async () => {
        contextMock.mockResolvedValue(context);
        const element = await mount();
        const text = element.shadowRoot?.querySelector('[data-id="text"]') as HTMLElement & { value: string };
        const firstName = context.snapshot.patient.phiValues.FirstName;
        text.value = `Note for ${firstName}: MRN 48213377, call +49 170 1234567.`;
        text.dispatchEvent(new CustomEvent('change'));
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        expect(contextMock).toHaveBeenCalledWith({
            recordId: records[0].id,
            endpointId: endpoints.endpoints[0].id,
            purpose: 'LlmInference'
        });
        const modes = element.shadowRoot?.querySelectorAll('[data-id="mode"]') ?? [];
        expect(Array.from(modes).map((mode) => mode.querySelector('h3')?.textContent)).toEqual([
            'c.ExplorerDetailMode: Enforce',
            'c.ExplorerDetailMode: Monitor'
        ]);
        const prompt = modes[0].querySelector('[data-id="redacted-prompt"]')?.textContent ?? '';
        expect(prompt).toContain('MRN');
        expect(prompt).not.toContain(firstName);
        expect(prompt).not.toContain('1234567');
        const reasons = Array.from(modes[0].querySelectorAll('[data-id="reasons"] li')).map((li) => li.textContent);
        expect(reasons).toContain('CONSENT_GRANTED:PatientConsent');
        expect(reasons.some((reason) => reason?.startsWith('PHI_REDACTED:'))).toBe(true);
        expect(modes[0].querySelector('[data-id="decision"]')?.textContent).toBe('c.ConsoleDecisionRedacted');
        expect(modes[0].querySelectorAll('[data-id="fields"] tr').length).toBe(2);
        // How each field goes out, in words: the stricter of flow (Allow) and tag (Redact for the first name).
        const outcomes = Array.from(modes[0].querySelectorAll('[data-id="fields"] tr')).map((row) => [
            row.querySelector('th')?.textContent,
            row.querySelector('td')?.textContent
        ]);
        expect(outcomes).toEqual([
            ['Contact.FirstName', 'c.ConsoleMinimizationRedact'],
            ['Case.Subject', 'c.ConsoleMinimizationAllow']
        ]);
    });

    it('says nothing would be sent when Enforce would block, and what Monitor would let through', async () => {
        contextMock.mockResolvedValue({
            ...context,
            snapshot: { ...context.snapshot, consents: [{ ...context.snapshot.consents[0], status: 'Withdrawn' }] }
        });
        const element = await mount();
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        const modes = element.shadowRoot?.querySelectorAll('[data-id="mode"]') ?? [];
        expect(modes[0].querySelector('[data-id="decision"]')?.textContent).toBe('c.ConsoleDecisionBlocked');
        expect(modes[0].querySelector('[data-id="nothing-sent"]')).not.toBeNull();
        expect(modes[1].querySelector('[data-id="nothing-sent"]')).toBeNull();
        const monitorReasons = Array.from(modes[1].querySelectorAll('[data-id="reasons"] li')).map(
            (li) => li.textContent
        );
        expect(monitorReasons).toContain('MONITOR_ONLY');
    });

    it('refuses text over 32,000 characters at the field instead of cutting it, and runs once it is shorter', async () => {
        contextMock.mockResolvedValue(context);
        const element = await mount();
        type Field = HTMLElement & { value: string; setCustomValidity(text: string): void };
        const field = element.shadowRoot?.querySelector('[data-id="text"]') as Field;
        expect(field.getAttribute('max-length') ?? (field as unknown as { maxLength?: unknown }).maxLength).toBeFalsy();
        const marked = jest.spyOn(field, 'setCustomValidity');
        field.value = 'x'.repeat(32001);
        field.dispatchEvent(new CustomEvent('change'));
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        expect(contextMock).not.toHaveBeenCalled();
        expect(marked).toHaveBeenLastCalledWith('c.SimulatorTextTooLong');
        field.value = 'x'.repeat(32000);
        field.dispatchEvent(new CustomEvent('change'));
        expect(marked).toHaveBeenLastCalledWith('');
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        expect(contextMock).toHaveBeenCalledTimes(1);
    });

    it('explains a failed run under the button, not in a toast', async () => {
        contextMock.mockRejectedValue({ status: 500, body: { message: 'Record not found' } });
        const element = await mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="run-error"]')?.textContent).toContain('Record not found');
        expect(toast).not.toHaveBeenCalled();
    });

    it('is accessible', async () => {
        contextMock.mockResolvedValue(context);
        const element = await mount();
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        await expect(element).toBeAccessible();
    }, 60_000);
});

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

    it('shows what the gate would send, redacted, and why', async () => {
        contextMock.mockResolvedValue(context);
        const element = await mount();
        const text = element.shadowRoot?.querySelector('[data-id="text"]') as HTMLElement & { value: string };
        const firstName = context.fields.find((field) => field.field === 'Contact.FirstName')?.value ?? '';
        text.value = `Note for ${firstName}: MRN 48213377, call +49 170 1234567.`;
        text.dispatchEvent(new CustomEvent('change'));
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        expect(contextMock).toHaveBeenCalledWith({
            recordId: records[0].id,
            endpointId: endpoints.endpoints[0].id,
            purpose: 'LlmInference'
        });
        const prompt = element.shadowRoot?.querySelector('[data-id="redacted-prompt"]')?.textContent ?? '';
        expect(prompt).not.toContain(firstName);
        expect(prompt).not.toContain('1234567');
        expect(element.shadowRoot?.querySelectorAll('[data-id="reasons"] li').length).toBeGreaterThan(1);
        expect(element.shadowRoot?.querySelector('[data-id="decision"]')?.textContent).toMatch(/^c\.ConsoleDecision/);
    });

    it('says nothing would be sent when the gate would block', async () => {
        contextMock.mockResolvedValue({ ...context, consentStatus: 'Withdrawn' });
        const element = await mount();
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot?.querySelector('[data-id="decision"]')?.textContent).toBe('c.ConsoleDecisionBlocked');
        expect(element.shadowRoot?.querySelector('[data-id="nothing-sent"]')).not.toBeNull();
    });

    it('is accessible', async () => {
        contextMock.mockResolvedValue(context);
        const element = await mount();
        (element.shadowRoot?.querySelector('[data-id="run"]') as HTMLElement).click();
        await flush();
        await expect(element).toBeAccessible();
    }, 60_000);
});

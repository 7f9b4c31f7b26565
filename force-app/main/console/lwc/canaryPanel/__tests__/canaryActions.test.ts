import { createElement } from 'lwc';
import CanaryPanel from 'c/canaryPanel';
import getCanary from '@salesforce/apex/WardenCanaryController.getCanary';
import startOverride from '@salesforce/apex/WardenCanaryController.startOverride';
import endOverride from '@salesforce/apex/WardenCanaryController.endOverride';
import type { CanaryOverview } from 'c/consoleContracts';

const canary: CanaryOverview = require('./data/canary.json');

jest.mock(
    '@salesforce/apex/WardenCanaryController.getCanary',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/WardenCanaryController.startOverride', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenCanaryController.endOverride', () => ({ default: jest.fn() }), { virtual: true });

const wire = getCanary as unknown as { emit(value: unknown): void };
const start = startOverride as unknown as jest.Mock;
const end = endOverride as unknown as jest.Mock;
const TOAST = 'lightning__showtoast';

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(overview: CanaryOverview): Promise<HTMLElement> {
    const element = createElement('c-canary-panel', { is: CanaryPanel });
    document.body.appendChild(element);
    wire.emit(overview);
    await flush();
    return element;
}

function field(element: HTMLElement, id: string): HTMLElement & { disabled: boolean } {
    return element.shadowRoot?.querySelector(`[data-id="${id}"]`) as HTMLElement & { disabled: boolean };
}

function type(element: HTMLElement, id: string, value: string): void {
    field(element, id).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-canary-panel: what an admin can do', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('offers no action to a viewer who may not manage overrides', async () => {
        const element = await mount(canary);
        expect(field(element, 'start-form')).toBeNull();
        expect(field(element, 'end')).toBeNull();
    });

    it('puts a user in Monitor with a reason and shows the new list', async () => {
        const element = await mount({ ...canary, canManage: true, overrides: [] });
        expect(field(element, 'start').disabled).toBe(true);
        type(element, 'subject', ' 005000000000009AAA ');
        type(element, 'reason', 'Triage pilot');
        await flush();
        expect(field(element, 'start').disabled).toBe(false);
        start.mockResolvedValue({ ...canary, canManage: true });
        field(element, 'start').click();
        await flush();
        expect(start).toHaveBeenCalledWith({ subjectId: '005000000000009AAA', reason: 'Triage pilot' });
        expect(element.shadowRoot?.querySelectorAll('tr[data-override]')).toHaveLength(2);
    });

    it('ends an override by its id', async () => {
        const element = await mount({ ...canary, canManage: true });
        end.mockResolvedValue({ ...canary, canManage: true, overrides: canary.overrides.slice(1) });
        const buttons = element.shadowRoot?.querySelectorAll('[data-id="end"]') ?? [];
        expect(buttons).toHaveLength(2);
        (buttons[0] as HTMLElement).click();
        await flush();
        expect(end).toHaveBeenCalledWith({ overrideId: 'a0M000000000001AAA' });
        expect(element.shadowRoot?.querySelectorAll('tr[data-override]')).toHaveLength(1);
    });

    it('shows what the org refused as an error toast and keeps the list', async () => {
        const element = await mount({ ...canary, canManage: true });
        const messages: string[] = [];
        element.addEventListener(TOAST, (event) =>
            messages.push((event as CustomEvent<{ message: string }>).detail.message)
        );
        end.mockRejectedValue({ body: { message: 'An override can only be ended, once.' } });
        (element.shadowRoot?.querySelector('[data-id="end"]') as HTMLElement).click();
        await flush();
        expect(messages).toEqual(['An override can only be ended, once.']);
        expect(element.shadowRoot?.querySelectorAll('tr[data-override]')).toHaveLength(2);
    });
});

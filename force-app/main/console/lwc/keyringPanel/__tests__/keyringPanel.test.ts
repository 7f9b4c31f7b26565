import { createElement } from 'lwc';
import KeyringPanel from 'c/keyringPanel';
import getKeyStatus from '@salesforce/apex/WardenKeyController.getKeyStatus';
import rotateKeys from '@salesforce/apex/WardenKeyController.rotateKeys';
import type { KeyStatus } from 'c/consoleContracts';

jest.mock('@salesforce/apex/WardenKeyController.getKeyStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WardenKeyController.rotateKeys', () => ({ default: jest.fn() }), { virtual: true });

const TOAST = 'lightning__showtoast';
const getStatus = getKeyStatus as unknown as jest.Mock;
const rotate = rotateKeys as unknown as jest.Mock;

const MISSING: KeyStatus = { configured: false, activeVersion: null, activeSince: null, versions: 0, canRotate: true };
const ACTIVE: KeyStatus = {
    configured: true,
    activeVersion: 2,
    activeSince: '2026-11-20T09:00:00.000Z',
    versions: 2,
    canRotate: true
};

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(status: KeyStatus | Error): Promise<HTMLElement> {
    if (status instanceof Error) getStatus.mockRejectedValue(status);
    else getStatus.mockResolvedValue(status);
    const element = createElement('c-keyring-panel', { is: KeyringPanel });
    document.body.appendChild(element);
    await flush();
    return element;
}

function typeReason(element: HTMLElement, value: string): void {
    const input = element.shadowRoot?.querySelector('[data-id="reason"]') as HTMLElement;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function button(element: HTMLElement): HTMLElement & { disabled: boolean; label: string } {
    return element.shadowRoot?.querySelector('[data-id="rotate"]') as HTMLElement & {
        disabled: boolean;
        label: string;
    };
}

describe('c-keyring-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('says the gate has no key and offers an admin to create keys', async () => {
        const element = await mount(MISSING);
        expect(element.shadowRoot?.querySelector('[data-id="missing"]')).not.toBeNull();
        expect(button(element).label).toBe('c.KeysCreate');
    });

    it('shows the active version and offers rotation', async () => {
        const element = await mount(ACTIVE);
        expect(element.shadowRoot?.querySelector('[data-id="configured"]')).not.toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="missing"]')).toBeNull();
        expect(button(element).label).toBe('c.KeysRotate');
    });

    it('offers no action to a user who may not rotate', async () => {
        const element = await mount({ ...ACTIVE, canRotate: false });
        expect(button(element)).toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="reason"]')).toBeNull();
    });

    it('needs a reason, then rotates with it and shows the new status', async () => {
        const element = await mount(MISSING);
        expect(button(element).disabled).toBe(true);
        typeReason(element, '  initial set-up  ');
        await flush();
        expect(button(element).disabled).toBe(false);
        const toasts: string[] = [];
        element.addEventListener(TOAST, (event) =>
            toasts.push((event as CustomEvent<{ variant: string }>).detail.variant)
        );
        rotate.mockResolvedValue({ ...ACTIVE, activeVersion: 1, versions: 1 });
        button(element).click();
        await flush();
        expect(rotate).toHaveBeenCalledWith({ reason: 'initial set-up' });
        expect(toasts).toEqual(['success']);
        expect(element.shadowRoot?.querySelector('[data-id="configured"]')).not.toBeNull();
    });

    it('shows the refusal of the org as an error toast and keeps the status', async () => {
        const element = await mount(ACTIVE);
        typeReason(element, 'annual rotation');
        await flush();
        const toasts: string[] = [];
        element.addEventListener(TOAST, (event) =>
            toasts.push((event as CustomEvent<{ message: string }>).detail.message)
        );
        rotate.mockRejectedValue({
            body: { message: 'Only a Warden admin (WardenManageKeys) may create or rotate the keys.' }
        });
        button(element).click();
        await flush();
        expect(toasts).toEqual(['Only a Warden admin (WardenManageKeys) may create or rotate the keys.']);
        expect(element.shadowRoot?.querySelector('[data-id="configured"]')).not.toBeNull();
    });

    it('shows the permission message when the status cannot be read', async () => {
        const element = await mount(Object.assign(new Error('x'), { status: 403 }) as Error);
        expect(element.shadowRoot?.querySelector('[data-id="error"]')?.textContent).toContain(
            'c.ConsoleNeedPermission'
        );
    });
});

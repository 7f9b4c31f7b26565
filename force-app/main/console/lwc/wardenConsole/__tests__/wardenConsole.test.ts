import { createElement } from 'lwc';
import { registerSa11yMatcher } from '@sa11y/jest';
import WardenConsole from 'c/wardenConsole';

// A macrotask turn lets wires, imperative Apex mocks and re-renders settle.
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const flush = (): Promise<void> => tick();

function mount(): HTMLElement {
    const element = createElement('c-warden-console', { is: WardenConsole });
    document.body.appendChild(element);
    return element;
}

describe('c-warden-console', () => {
    beforeAll(() => registerSa11yMatcher());
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('offers one labelled tab per screen, starting on the overview', () => {
        const element = mount();
        const tabs = Array.from(element.shadowRoot?.querySelectorAll('lightning-tab') ?? []) as (HTMLElement & {
            value: string;
            label: string;
        })[];
        expect(tabs.map((tab) => tab.value)).toEqual([
            'overview',
            'explorer',
            'consent',
            'residency',
            'flows',
            'findings',
            'audit',
            'erasure',
            'simulator'
        ]);
        expect(tabs.every((tab) => tab.label.startsWith('c.ConsoleTab'))).toBe(true);
        expect(
            (element.shadowRoot?.querySelector('lightning-tabset') as HTMLElement & { activeTabValue: string })
                .activeTabValue
        ).toBe('overview');
    });

    it('switches to the explorer with the filters a screen asks for', async () => {
        const element = mount();
        const residency = element.shadowRoot?.querySelector('c-residency-view') as HTMLElement;
        residency.dispatchEvent(
            new CustomEvent('navigate', {
                detail: { tab: 'explorer', filters: { jurisdiction: 'EU', endpointId: 'a01' } }
            })
        );
        await flush();
        expect(
            (element.shadowRoot?.querySelector('lightning-tabset') as HTMLElement & { activeTabValue: string })
                .activeTabValue
        ).toBe('explorer');
        expect(
            (element.shadowRoot?.querySelector('c-inference-log-explorer') as HTMLElement & { presetFilters: unknown })
                .presetFilters
        ).toEqual({ jurisdiction: 'EU', endpointId: 'a01' });
    });

    it('hands a findings preset to the triage screen and ignores unknown tabs', async () => {
        const element = mount();
        const overview = element.shadowRoot?.querySelector('c-posture-overview') as HTMLElement;
        overview.dispatchEvent(new CustomEvent('navigate', { detail: { tab: 'nowhere' } }));
        await flush();
        expect(
            (element.shadowRoot?.querySelector('lightning-tabset') as HTMLElement & { activeTabValue: string })
                .activeTabValue
        ).toBe('overview');
        overview.dispatchEvent(
            new CustomEvent('navigate', { detail: { tab: 'findings', findings: { overdueOnly: true } } })
        );
        await flush();
        expect(
            (element.shadowRoot?.querySelector('c-findings-triage') as HTMLElement & { preset: unknown }).preset
        ).toEqual({ overdueOnly: true });
    });

    it('opens on the screen given as initial tab and ignores unknown ones', () => {
        const element = createElement('c-warden-console', { is: WardenConsole }) as HTMLElement & {
            initialTab: string;
        };
        element.initialTab = 'findings';
        document.body.appendChild(element);
        expect(
            (element.shadowRoot?.querySelector('lightning-tabset') as HTMLElement & { activeTabValue: string })
                .activeTabValue
        ).toBe('findings');
        element.initialTab = 'nowhere';
        expect(element.initialTab).toBe('findings');
    });

    it('is accessible', async () => {
        const element = mount();
        await expect(element).toBeAccessible();
    }, 60_000);
});

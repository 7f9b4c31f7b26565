/**
 * Types of the Salesforce platform modules that LWC components import and that exist only on the
 * platform (or in the jest stubs and the local preview's shims). Lets tsc check the console's .ts files.
 */
declare module '@salesforce/apex/*' {
    /** An Apex method: callable imperatively, and usable with @wire (a callable wire adapter). */
    const method: ((params?: Record<string, unknown>) => Promise<unknown>) & {
        adapter: import('lwc').WireAdapterConstructor<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    export default method;
}
declare module '@salesforce/apex' {
    export function refreshApex(wiredValue: unknown): Promise<void>;
}
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}
declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}
declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}
declare module 'lightning/empApi' {
    export type EmpMessage = {
        channel?: string;
        data?: { payload?: Record<string, unknown>; event?: { replayId?: number } };
    };
    export type EmpSubscription = { id?: string; channel?: string; replayId?: number };
    export function subscribe(
        channel: string,
        replayId: number,
        onMessage: (message: EmpMessage) => void
    ): Promise<EmpSubscription>;
    export function unsubscribe(
        subscription: EmpSubscription,
        callback?: (response: unknown) => void
    ): Promise<unknown>;
    export function onError(callback: (error: unknown) => void): void;
    export function setDebugFlag(flag: boolean): Promise<unknown>;
    export function isEmpEnabled(): Promise<boolean>;
    /** Jest mock only (config/jest/mocks/lightning/empApi.js): delivers to the channel's subscribers. */
    export function jestMockPublish(channel: string, message: EmpMessage): number;
    /** Jest mock only: forgets every subscription. */
    export function jestMockReset(): void;
}
declare module 'lightning/platformShowToastEvent' {
    export class ShowToastEvent extends CustomEvent<{
        title: string;
        message: string;
        variant?: string;
        mode?: string;
    }> {
        constructor(detail: { title: string; message: string; variant?: string; mode?: string });
    }
}
declare module '@salesforce/sfdx-lwc-jest' {
    export function createApexTestWireAdapter(method: unknown): {
        emit(value: unknown): void;
        error(body?: unknown, status?: number): void;
        getLastConfig(): unknown;
    };
}
declare module '@sa11y/jest' {
    export function registerSa11yMatcher(): void;
}
declare namespace jest {
    interface Matchers<R> {
        toBeAccessible(): Promise<R>;
    }
}
declare module '@salesforce/resourceUrl/*' {
    const url: string;
    export default url;
}

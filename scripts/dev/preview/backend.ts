/**
 * The preview's stand-in for the org: every console controller method of consoleContracts, answered from
 * the demo data set with the same rules the Apex controllers apply (keyset pages, window limits, the
 * findings workflow, four-eyes governance, deadlines, SLA validation). The rules the console shares with Apex come
 * from the console's own modules (c/findingWorkflow and c/governance, bound to the Apex by shared vectors;
 * c/slaCalculator; the picklist values of c/findingPicklists through consoleContracts), never from a copy here.
 * One handler group per controller lives in ./backend/; `Handlers` is typed from ContractTypes, so a method added
 * to the contracts and not implemented fails type checking.
 */
import { CONTROLLERS, type MethodName } from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { auditHandlers } from './backend/audit';
import { canaryHandlers, keyHandlers } from './backend/canary';
import { erasureHandlers } from './backend/erasure';
import { encryptionHandlers } from './backend/encryption';
import { findingHandlers } from './backend/findings';
import { flowHandlers } from './backend/flows';
import { logHandlers } from './backend/log';
import { alertHandlers } from './backend/alerts';
import { overviewHandlers } from './backend/overview';
import { simulatorHandlers } from './backend/simulator';
import { ApexError, createStore, type BackendOptions, type CallContext, type Handler } from './backend/store';
import type { DemoData } from './demoData';

export { ApexError, EXPIRING_DAYS, WINDOW_DAYS } from './backend/store';
export type { BackendOptions, CallContext } from './backend/store';

export type Handlers = { [K in MethodName]: Handler<K> };

export type Backend = {
    handlers: Handlers;
    /**
     * Calls one method by 'Controller.method' with the parameters object LWC sends, as a demo user (by default the
     * data set's current user; the page may act as another with `?as=`).
     */
    invoke(name: string, params: Record<string, unknown>, context?: Partial<CallContext>): unknown;
    data: DemoData;
};

export function createBackend(data: DemoData, options: BackendOptions = {}): Backend {
    const store = createStore(data, options);
    const handlers: Handlers = {
        ...overviewHandlers(store),
        ...alertHandlers(store),
        ...logHandlers(store),
        ...flowHandlers(store),
        ...findingHandlers(store),
        ...auditHandlers(store),
        ...simulatorHandlers(store),
        ...canaryHandlers(store),
        ...keyHandlers(store),
        ...erasureHandlers(store),
        ...encryptionHandlers()
    };

    const invoke = (name: string, params: Record<string, unknown>, context: Partial<CallContext> = {}): unknown => {
        const [controller, method] = name.split('.');
        const contract = CONTROLLERS[controller]?.[method];
        if (!contract) {
            throw new ApexError(`No such Apex method: ${name}.`, 404);
        }
        const unknown = Object.keys(params ?? {}).filter((key) => !contract.params.includes(key));
        if (unknown.length > 0) {
            throw new ApexError(`${name} has no parameter ${unknown.join(', ')}.`);
        }
        const userId = data.users.some((user) => user.id === context.userId)
            ? (context.userId as string)
            : data.currentUser.id;
        const handler = handlers[name as MethodName] as (request: unknown, context: CallContext) => unknown;
        return handler(params ?? {}, { userId });
    };

    return { handlers, invoke, data };
}

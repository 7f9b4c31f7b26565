/**
 * What every handler group of the preview backend shares: the demo data, the clock, the reporting window, lookups,
 * the row shapes the controllers return, the acting user and the change history. The rules themselves come from
 * the console's modules (c/findingWorkflow, c/governance, c/slaCalculator), never from a copy here.
 */
import {
    OPEN_FINDING_STATUSES,
    RESIDENCY_VIOLATION_RESULTS,
    type ChainHead,
    type ChangeRow,
    type ContractTypes,
    type CountByKey,
    type DataFlowRow,
    type EndpointRow,
    type FindingDetail,
    type FindingRow,
    type LogRow,
    type MethodName,
    type UserOption
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { addDays, sortDueFirst } from '../../../../force-app/main/console/lwc/slaCalculator/slaCalculator';
import { endpointProblems } from '../../../../force-app/main/console/lwc/governance/governance';
import type { DemoData, DemoFlow, DemoLogEntry } from '../demoData';
import { recordChange } from '../demoGovernance';
import type { RuleCatalog } from '../ruleCatalog';

export const WINDOW_DAYS = 90;
export const EXPIRING_DAYS = 30;
export const DAY_MS = 86400000;

/** An error the way Apex surfaces one to LWC: a status and a readable message, no stack. */
export class ApexError extends Error {
    constructor(
        message: string,
        readonly status: number = 400
    ) {
        super(message);
    }
}

/** Who makes a call: the demo user the page acts as. */
export type CallContext = { userId: string };

export type BackendOptions = { clock?: () => number; ruleCatalog?: RuleCatalog };

export function parseInstant(value: string | null | undefined, name: string): number | null {
    if (value === null || value === undefined || value === '') {
        return null;
    }
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
        throw new ApexError(`${name} is not a valid date and time.`);
    }
    return time;
}

export function requireId(value: unknown, name: string): string {
    if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)) {
        throw new ApexError(`${name} is not a valid record id.`);
    }
    return value;
}

export function countBy<T>(rows: Iterable<T>, key: (row: T) => string | null): CountByKey[] {
    const counts = new Map<string, number>();
    for (const row of rows) {
        const value = key(row) ?? '';
        counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts.entries()].map(([k, count]) => ({ key: k, count })).sort((a, b) => a.key.localeCompare(b.key));
}

export function toLogRow(entry: DemoLogEntry): LogRow {
    return {
        id: entry.id,
        name: entry.name,
        sequence: entry.sequence,
        loggedAt: entry.loggedAt,
        endpointId: entry.endpointId,
        endpointKey: entry.endpointKey,
        purpose: entry.purpose,
        decision: entry.decision,
        mode: entry.mode,
        jurisdiction: entry.jurisdiction,
        phiCategories: entry.phiCategories,
        redactionCount: entry.redactionCount,
        consentResult: entry.consentResult,
        residencyResult: entry.residencyResult,
        caller: entry.caller,
        recordId: entry.recordId,
        latencyMs: entry.latencyMs
    };
}

export function toFindingRow(finding: FindingDetail): FindingRow {
    const {
        snippet: _snippet,
        justification: _justification,
        fingerprint: _fingerprint,
        ruleTitle: _title,
        ruleSummary: _summary,
        ruleDescription: _description,
        requestedOn: _requestedOn,
        approvedByName: _approvedBy,
        approvedOn: _approvedOn,
        history: _history,
        ...row
    } = finding;
    return row;
}

export function toFlowRow(flow: DemoFlow): DataFlowRow {
    const { justification: _justification, overrideReason: _override, ...row } = flow;
    return row;
}

export type Store = ReturnType<typeof createStore>;

export function createStore(data: DemoData, options: BackendOptions = {}) {
    const clock = options.clock ?? Date.now;
    const logById = new Map(data.log.map((entry) => [entry.id, entry]));
    const endpointById = new Map(data.endpoints.map((endpoint) => [endpoint.id, endpoint]));
    const today = (): string => new Date(clock()).toISOString().slice(0, 10);
    const windowStart = (): number => Date.parse(`${addDays(today(), -(WINDOW_DAYS - 1))}T00:00:00Z`);

    /**
     * The calls of the last WINDOW_DAYS days (the log is in sequence order, which is time order); the erasure receipts
     * the preview chains are no calls, as the controllers' queries leave out EntryKind__c ERASURE. An array, not a
     * generator: resuming a generator for each of 50,000 entries made getPosture take 80-200 ms, on the path of the
     * overview's first render (docs/console.md, Performance).
     */
    function windowEntries(): DemoLogEntry[] {
        const since = windowStart();
        let low = 0;
        let high = data.log.length;
        while (low < high) {
            const mid = (low + high) >>> 1;
            if (Date.parse(data.log[mid].loggedAt) < since) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        const entries: DemoLogEntry[] = [];
        for (let index = low; index < data.log.length; index++) {
            if (data.log[index].decision !== 'Erased') {
                entries.push(data.log[index]);
            }
        }
        return entries;
    }

    const user = (userId: string): UserOption =>
        data.users.find((candidate) => candidate.id === userId) ?? data.currentUser;

    return {
        data,
        clock,
        catalog: options.ruleCatalog?.rules ?? {},
        endpointById,
        today,
        now: (): string => new Date(clock()).toISOString(),
        windowEntries,
        user,
        isApprover: (userId: string): boolean => data.approverIds.includes(userId),

        /** Finds a log entry by id, indexing entries the live stream appended since the last lookup. */
        findLog(id: string): DemoLogEntry | undefined {
            if (!logById.has(id) && logById.size < data.log.length) {
                for (let index = logById.size; index < data.log.length; index++) {
                    logById.set(data.log[index].id, data.log[index]);
                }
            }
            return logById.get(id);
        },

        openFindings: (): FindingDetail[] =>
            data.findings.filter((finding) => (OPEN_FINDING_STATUSES as string[]).includes(finding.status)),

        /** "Due first": lateness, then severity (c/slaCalculator, the rules FindingDeadlines applies in Apex). */
        sortFindings: (rows: FindingDetail[]): FindingDetail[] => sortDueFirst(rows, today()),

        chainHead(): ChainHead | null {
            const last = data.log[data.log.length - 1];
            return last
                ? { sequence: last.sequence, entryHash: last.entryHash as string, loggedAt: last.loggedAt }
                : null;
        },

        /** Where an endpoint falls short of an approved flow today (c/governance). */
        problemsOf(endpointId: string): string[] {
            const endpoint: EndpointRow | undefined = endpointById.get(endpointId);
            if (!endpoint) {
                return [];
            }
            let violations = 0;
            for (const entry of windowEntries()) {
                if (
                    entry.endpointId === endpointId &&
                    RESIDENCY_VIOLATION_RESULTS.includes(entry.residencyResult ?? '')
                ) {
                    violations++;
                }
            }
            return endpointProblems(endpoint, today(), violations);
        },

        /** The history of one finding or flow, newest first (at most 200, as the Apex reads). */
        historyOf: (recordId: string): ChangeRow[] =>
            data.changes
                .filter((change) => change.recordId === recordId)
                .reverse()
                .slice(0, 200),

        /** Records a change made by the acting user now, as the record triggers do in the org. */
        record(
            context: CallContext,
            change: Omit<ChangeRow, 'id' | 'changedByName' | 'changedAt' | 'recordName'> & { recordName: string }
        ): void {
            recordChange(data, {
                ...change,
                changedAt: new Date(clock()).toISOString(),
                changedBy: user(context.userId)
            });
        }
    };
}

/** The handler of one contract method: its request and the acting user in, its response out. */
export type Handler<K extends MethodName> = (
    request: ContractTypes[K]['request'],
    context: CallContext
) => ContractTypes[K]['response'];

/** The handlers of every method of one controller, e.g. HandlersOf<'WardenLogController'>. */
export type HandlersOf<C extends string> = {
    [K in MethodName as K extends `${C}.${string}` ? K : never]: Handler<K>;
};

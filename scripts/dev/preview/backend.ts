/**
 * The preview's stand-in for the org: every console controller method of consoleContracts, answered from
 * the demo data set with the same rules the Apex controllers apply (keyset pages, window limits, the
 * findings workflow, flow approval, SLA validation). The rules the console shares with Apex come from the
 * console's own modules (c/findingWorkflow, bound to the Apex by shared vectors; c/slaCalculator;
 * the picklist values of c/findingPicklists through consoleContracts), never from a copy here.
 * `Handlers` is typed from ContractTypes, so a method added to the contracts and not implemented here fails
 * type checking.
 */
import {
    CONTROLLERS,
    DECISIONS,
    FINDINGS_LIMIT,
    LOG_PAGE_SIZE,
    LOG_PAGE_SIZE_MAX,
    OPEN_FINDING_STATUSES,
    PURPOSES,
    SEVERITIES,
    VERIFY_BATCH_MAX,
    type ContractTypes,
    type CountByKey,
    type DataFlowRow,
    type EndpointRow,
    type FindingDetail,
    type FindingRow,
    type LogQuery,
    type LogRow,
    type MethodName
} from '../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import {
    checkTransition,
    isStatus,
    justificationAfter,
    resolvedOnAfter
} from '../../../force-app/main/console/lwc/findingWorkflow/findingWorkflow';
import { addDays, dueDate, MAX_SLA_DAYS } from '../../../force-app/main/console/lwc/slaCalculator/slaCalculator';
import { chainEntryHash, GENESIS_HASH, toExportRecord } from './chain';
import type { DemoData, DemoLogEntry } from './demoData';
import type { RuleCatalog } from './ruleCatalog';

export const WINDOW_DAYS = 90;
export const EXPIRING_DAYS = 30;
const DAY_MS = 86400000;
const MAX_BULK = 200;

/** An error the way Apex surfaces one to LWC: a status and a readable message, no stack. */
export class ApexError extends Error {
    constructor(
        message: string,
        readonly status: number = 400
    ) {
        super(message);
    }
}

export type Handlers = { [K in MethodName]: (request: ContractTypes[K]['request']) => ContractTypes[K]['response'] };

function parseInstant(value: string | null | undefined, name: string): number | null {
    if (value === null || value === undefined || value === '') {
        return null;
    }
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
        throw new ApexError(`${name} is not a valid date and time.`);
    }
    return time;
}

function requireId(value: unknown, name: string): string {
    if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)) {
        throw new ApexError(`${name} is not a valid record id.`);
    }
    return value;
}

function countBy<T>(rows: Iterable<T>, key: (row: T) => string | null): CountByKey[] {
    const counts = new Map<string, number>();
    for (const row of rows) {
        const value = key(row) ?? '';
        counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts.entries()].map(([k, count]) => ({ key: k, count })).sort((a, b) => a.key.localeCompare(b.key));
}

function toLogRow(entry: DemoLogEntry): LogRow {
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

function toFindingRow(finding: FindingDetail): FindingRow {
    const {
        snippet: _snippet,
        justification: _justification,
        fingerprint: _fingerprint,
        ruleTitle: _title,
        ruleSummary: _summary,
        ruleDescription: _description,
        ...row
    } = finding;
    return row;
}

export type Backend = {
    handlers: Handlers;
    /** Calls one method by 'Controller.method' with the parameters object LWC sends. */
    invoke(name: string, params: Record<string, unknown>): unknown;
    data: DemoData;
};

export type BackendOptions = { clock?: () => number; ruleCatalog?: RuleCatalog };

export function createBackend(data: DemoData, options: BackendOptions = {}): Backend {
    const clock = options.clock ?? Date.now;
    const catalog = options.ruleCatalog?.rules ?? {};
    const logById = new Map(data.log.map((entry) => [entry.id, entry]));
    /** Finds a log entry by id, indexing entries the live stream appended since the last lookup. */
    const findLog = (id: string): DemoLogEntry | undefined => {
        if (!logById.has(id) && logById.size < data.log.length) {
            for (let index = logById.size; index < data.log.length; index++) {
                logById.set(data.log[index].id, data.log[index]);
            }
        }
        return logById.get(id);
    };
    const endpointById = new Map(data.endpoints.map((endpoint) => [endpoint.id, endpoint]));
    const today = (): string => new Date(clock()).toISOString().slice(0, 10);
    const windowStart = (): number => Date.parse(`${addDays(today(), -(WINDOW_DAYS - 1))}T00:00:00Z`);

    /** Log entries of the last WINDOW_DAYS days (the log is in sequence order, which is time order). */
    function* windowEntries(): Generator<DemoLogEntry> {
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
        for (let index = low; index < data.log.length; index++) {
            yield data.log[index];
        }
    }

    const openFindings = (): FindingDetail[] =>
        data.findings.filter((finding) => (OPEN_FINDING_STATUSES as string[]).includes(finding.status));

    const chainHead = () => {
        const last = data.log[data.log.length - 1];
        return last ? { sequence: last.sequence, entryHash: last.entryHash as string, loggedAt: last.loggedAt } : null;
    };

    const consentCoverage = () => {
        const counts = new Map<string, { purpose: string; jurisdiction: string; status: string; count: number }>();
        for (const consent of data.consents) {
            const key = `${consent.purpose}|${consent.jurisdiction}|${consent.status}`;
            const cell = counts.get(key) ?? {
                purpose: consent.purpose,
                jurisdiction: consent.jurisdiction ?? '',
                status: consent.status,
                count: 0
            };
            cell.count++;
            counts.set(key, cell);
        }
        return [...counts.values()].sort(
            (a, b) =>
                a.purpose.localeCompare(b.purpose) ||
                a.jurisdiction.localeCompare(b.jurisdiction) ||
                a.status.localeCompare(b.status)
        );
    };

    const sortFindings = (rows: FindingDetail[]): FindingDetail[] =>
        [...rows].sort((a, b) => {
            const aOpen = (OPEN_FINDING_STATUSES as string[]).includes(a.status) ? 0 : 1;
            const bOpen = (OPEN_FINDING_STATUSES as string[]).includes(b.status) ? 0 : 1;
            return (
                aOpen - bOpen ||
                (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
                SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
                a.name.localeCompare(b.name)
            );
        });

    const findFlow = (flowId: unknown): DataFlowRow => {
        const id = requireId(flowId, 'flowId');
        const flow = data.flows.find((row) => row.id === id);
        if (!flow) {
            throw new ApexError('The data flow does not exist or you cannot see it.');
        }
        return flow;
    };

    const validSla = (value: unknown, name: string): number => {
        const days = Number(value);
        if (value === null || value === undefined || !Number.isInteger(days) || days < 1 || days > MAX_SLA_DAYS) {
            throw new ApexError(`The ${name} SLA must be a whole number of days from 1 to ${MAX_SLA_DAYS}.`);
        }
        return days;
    };

    const handlers: Handlers = {
        'WardenPostureController.getPosture': () => {
            const day = today();
            const soon = addDays(day, 7);
            const bySeverity = SEVERITIES.map((severity) => {
                const open = openFindings().filter((finding) => finding.severity === severity);
                return {
                    severity,
                    open: open.length,
                    overdue: open.filter((finding) => finding.dueDate !== null && finding.dueDate < day).length,
                    dueSoon: open.filter(
                        (finding) => finding.dueDate !== null && finding.dueDate >= day && finding.dueDate <= soon
                    ).length
                };
            });
            const perDay = new Map<string, number>();
            for (const entry of windowEntries()) {
                const key = `${entry.loggedAt.slice(0, 10)}|${entry.decision}`;
                perDay.set(key, (perDay.get(key) ?? 0) + 1);
            }
            const active = data.flows.filter((flow) => flow.status !== 'Retired');
            return {
                generatedAt: new Date(clock()).toISOString(),
                today: day,
                windowDays: WINDOW_DAYS,
                findingsBySeverity: bySeverity,
                urgentFindings: sortFindings(openFindings()).slice(0, 10).map(toFindingRow),
                callsByDay: [...perDay.entries()].map(([key, count]) => {
                    const [dayKey, decision] = key.split('|');
                    return { day: dayKey, decision: decision as LogRow['decision'], count };
                }),
                consentResults: countBy(windowEntries(), (entry) => entry.consentResult),
                residencyResults: countBy(windowEntries(), (entry) => entry.residencyResult),
                endpoints: data.endpoints,
                flowsTotal: active.length,
                flowsReviewOverdue: active.filter(
                    (flow) => flow.status === 'Approved' && flow.nextReview !== null && flow.nextReview < day
                ).length,
                chainHead: chainHead()
            };
        },

        'WardenLogController.getLogPage': ({ query }) => {
            const q: LogQuery = query ?? {};
            const from = parseInstant(q.fromDate, 'fromDate');
            const to = parseInstant(q.toDate, 'toDate');
            if (from !== null && to !== null && to <= from) {
                throw new ApexError('The end of the date range must be after its start.');
            }
            if (q.decision && !(DECISIONS as string[]).includes(q.decision)) {
                throw new ApexError(`Unknown decision ${q.decision}.`);
            }
            const pageSize = Math.min(
                LOG_PAGE_SIZE_MAX,
                Math.max(1, Math.floor(Number(q.pageSize ?? LOG_PAGE_SIZE)) || LOG_PAGE_SIZE)
            );
            let index = data.log.length - 1;
            if (q.beforeSequence !== null && q.beforeSequence !== undefined) {
                const before = Number(q.beforeSequence);
                if (!Number.isInteger(before) || before < 1) {
                    throw new ApexError('beforeSequence must be a positive whole number.');
                }
                index = Math.min(index, before - 2);
            }
            const rows: LogRow[] = [];
            let hasMore = false;
            for (; index >= 0; index--) {
                const entry = data.log[index];
                const at = Date.parse(entry.loggedAt);
                if (to !== null && at >= to) {
                    continue;
                }
                if (from !== null && at < from) {
                    break; // sequence order is time order: nothing older can match
                }
                if (
                    (q.endpointId && entry.endpointId !== q.endpointId) ||
                    (q.purpose && entry.purpose !== q.purpose) ||
                    (q.decision && entry.decision !== q.decision) ||
                    (q.jurisdiction && entry.jurisdiction !== q.jurisdiction) ||
                    (q.caller && entry.caller !== q.caller) ||
                    (q.phiCategory && !(entry.phiCategories ?? '').split(';').includes(q.phiCategory)) ||
                    (q.subjectKey && entry.subjectKey !== q.subjectKey)
                ) {
                    continue;
                }
                if (rows.length === pageSize) {
                    hasMore = true;
                    break;
                }
                rows.push(toLogRow(entry));
            }
            return { rows, hasMore, nextCursor: hasMore ? rows[rows.length - 1].sequence : null };
        },

        'WardenLogController.getLogEntry': ({ logId }) => {
            const entry = findLog(requireId(logId, 'logId'));
            if (!entry) {
                throw new ApexError('The log entry does not exist or you cannot see it.');
            }
            const { eventUuid: _uuid, ...detail } = entry;
            return { ...detail, endpoint: (entry.endpointId && endpointById.get(entry.endpointId)) || null };
        },

        'WardenLogController.getLogFilterOptions': () => ({
            endpoints: data.endpoints,
            purposes: PURPOSES,
            decisions: DECISIONS,
            jurisdictions: data.rules.map((rule) => rule.jurisdiction),
            phiCategories: [
                ...new Set(
                    [
                        ...data.tags.map((tag) => tag.phiCategory),
                        ...data.patterns.map((pattern) => pattern.category)
                    ].filter((value): value is string => !!value)
                )
            ].sort(),
            // The preview is an org without a namespace.
            eventChannel: '/event/InferenceEvent__e'
        }),

        'WardenConsentController.getConsentOverview': () => {
            const now = clock();
            const horizon = now + EXPIRING_DAYS * DAY_MS;
            const expiring = data.consents
                .filter(
                    (consent) =>
                        consent.status === 'Granted' &&
                        consent.effectiveTo &&
                        Date.parse(consent.effectiveTo) > now &&
                        Date.parse(consent.effectiveTo) <= horizon
                )
                .sort((a, b) => (a.effectiveTo as string).localeCompare(b.effectiveTo as string))
                .slice(0, 200);
            const uncovered = new Map<
                string,
                {
                    subjectKey: string;
                    recordId: string | null;
                    jurisdiction: string | null;
                    purpose: string | null;
                    calls: number;
                }
            >();
            for (const entry of windowEntries()) {
                if (entry.consentResult === 'Granted' || entry.consentResult === 'NotRequired' || !entry.subjectKey) {
                    continue;
                }
                const key = `${entry.subjectKey}|${entry.purpose}`;
                const row = uncovered.get(key) ?? {
                    subjectKey: entry.subjectKey,
                    recordId: entry.recordId,
                    jurisdiction: entry.jurisdiction,
                    purpose: entry.purpose,
                    calls: 0
                };
                row.calls++;
                uncovered.set(key, row);
            }
            return {
                today: today(),
                windowDays: WINDOW_DAYS,
                coverage: consentCoverage(),
                expiring,
                uncovered: [...uncovered.values()]
                    .sort((a, b) => b.calls - a.calls || a.subjectKey.localeCompare(b.subjectKey))
                    .slice(0, 200),
                callsByConsentResult: countBy(windowEntries(), (entry) => entry.consentResult)
            };
        },

        'WardenResidencyController.getResidencyOverview': () => {
            const traffic = new Map<
                string,
                { dataJurisdiction: string; endpointId: string; residencyResult: string; count: number }
            >();
            for (const entry of windowEntries()) {
                const key = `${entry.jurisdiction}|${entry.endpointId}|${entry.residencyResult}`;
                const row = traffic.get(key) ?? {
                    dataJurisdiction: entry.jurisdiction ?? '',
                    endpointId: entry.endpointId ?? '',
                    residencyResult: entry.residencyResult ?? '',
                    count: 0
                };
                row.count++;
                traffic.set(key, row);
            }
            return {
                today: today(),
                windowDays: WINDOW_DAYS,
                traffic: [...traffic.values()],
                endpoints: data.endpoints,
                rules: data.rules
            };
        },

        'WardenDataFlowController.getDataFlows': () => ({
            today: today(),
            flows: data.flows,
            endpoints: data.endpoints
        }),

        'WardenDataFlowController.approveFlow': ({ flowId }) => {
            const flow = findFlow(flowId);
            if (flow.status === 'Approved' || flow.status === 'Retired') {
                throw new ApexError(
                    `Only a Proposed or Suspended data flow can be approved; this one is ${flow.status}.`
                );
            }
            flow.status = 'Approved';
            flow.approvedOn = new Date(clock()).toISOString();
            flow.nextReview = addDays(today(), 90);
            return flow;
        },

        'WardenDataFlowController.reviewFlow': ({ flowId }) => {
            const flow = findFlow(flowId);
            if (flow.status !== 'Approved') {
                throw new ApexError(`Only an Approved data flow can be re-reviewed; this one is ${flow.status}.`);
            }
            flow.approvedOn = new Date(clock()).toISOString();
            flow.nextReview = addDays(today(), 90);
            return flow;
        },

        'WardenFindingsController.getFindings': ({ query }) => {
            const q = query ?? {};
            const day = today();
            let rows = data.findings.filter(
                (finding) =>
                    (!q.statuses?.length || q.statuses.includes(finding.status)) &&
                    (!q.severities?.length || q.severities.includes(finding.severity)) &&
                    (!q.categories?.length || q.categories.includes(finding.category)) &&
                    (!q.assignedToMe || finding.assignedToId === data.currentUser.id) &&
                    (!q.overdueOnly ||
                        ((OPEN_FINDING_STATUSES as string[]).includes(finding.status) &&
                            finding.dueDate !== null &&
                            finding.dueDate < day))
            );
            rows = sortFindings(rows);
            return {
                today: day,
                rows: rows.slice(0, FINDINGS_LIMIT).map(toFindingRow),
                truncated: rows.length > FINDINGS_LIMIT
            };
        },

        'WardenFindingsController.getFinding': ({ findingId }) => {
            const id = requireId(findingId, 'findingId');
            const finding = data.findings.find((row) => row.id === id);
            if (!finding) {
                throw new ApexError('The finding does not exist or you cannot see it.');
            }
            const rule = catalog[finding.rule];
            return {
                ...finding,
                ruleTitle: rule?.title ?? null,
                ruleSummary: rule?.summary ?? null,
                ruleDescription: rule?.description ?? null
            };
        },

        'WardenFindingsController.getSlaSettings': () => ({ ...data.sla }),

        'WardenFindingsController.getAssignees': () => data.users,

        'WardenFindingsController.updateFindings': ({ findingIds, status, justification, assigneeId }) => {
            if (!Array.isArray(findingIds) || findingIds.length === 0) {
                throw new ApexError('Select at least one finding.');
            }
            if (findingIds.length > MAX_BULK) {
                throw new ApexError(`Update at most ${MAX_BULK} findings at a time.`);
            }
            if (!status && !assigneeId && !justification?.trim()) {
                throw new ApexError('Nothing to change: choose a status, an assignee or a justification.');
            }
            if (status && !isStatus(status)) {
                throw new ApexError(`Unknown status ${status}.`);
            }
            let assignee: { id: string; name: string } | undefined;
            if (assigneeId) {
                assignee = data.users.find((user) => user.id === requireId(assigneeId, 'assigneeId'));
                if (!assignee) {
                    throw new ApexError('The assignee is not an active Warden user.');
                }
            }
            return findingIds.map((rawId) => {
                const id = String(rawId);
                const finding = data.findings.find((row) => row.id === id);
                if (!finding) {
                    return { id, success: false, message: 'The finding does not exist or you cannot see it.' };
                }
                const newJustification = justificationAfter(justification, finding.justification);
                if (status) {
                    const check = checkTransition(finding.status, status, newJustification);
                    if (!check.allowed) {
                        const reasons: Record<string, string> = {
                            unknownStatus: `Unknown status ${status}.`,
                            notAllowed: `A finding cannot move from ${finding.status} to ${status}.`,
                            justificationRequired: `${status} needs a justification of at least 10 characters.`,
                            justificationTooLong: 'The justification is too long.'
                        };
                        return { id, success: false, message: reasons[check.reason] };
                    }
                }
                if (status && status !== finding.status) {
                    finding.status = status as FindingDetail['status'];
                    const resolvedOn = resolvedOnAfter(status);
                    if (resolvedOn !== 'keep') {
                        finding.resolvedOn = resolvedOn === 'set' ? new Date(clock()).toISOString() : null;
                    }
                }
                finding.justification = newJustification;
                if (assignee) {
                    finding.assignedToId = assignee.id;
                    finding.assignedToName = assignee.name;
                }
                return { id, success: true, message: null };
            });
        },

        'WardenFindingsController.saveSlaSettings': ({ critical, high, medium, low }) => {
            const sla = {
                critical: validSla(critical, 'Critical'),
                high: validSla(high, 'High'),
                medium: validSla(medium, 'Medium'),
                low: validSla(low, 'Low')
            };
            data.sla = sla;
            for (const finding of openFindings()) {
                const due = finding.firstSeen ? dueDate(finding.severity, finding.firstSeen, sla) : null;
                if (due) {
                    finding.dueDate = due;
                }
            }
            return sla;
        },

        'WardenAuditController.verifyChain': ({ fromSequence, batchSize }) => {
            const from = fromSequence === null || fromSequence === undefined ? 1 : Number(fromSequence);
            if (!Number.isInteger(from) || from < 1) {
                throw new ApexError('fromSequence must be a positive whole number.');
            }
            const size = Math.min(
                VERIFY_BATCH_MAX,
                Math.max(1, Number(batchSize ?? VERIFY_BATCH_MAX) || VERIFY_BATCH_MAX)
            );
            let previous = from === 1 ? GENESIS_HASH : (data.log[from - 2]?.entryHash ?? null);
            let checked = 0;
            let last: string | null = previous;
            for (let sequence = from; sequence < from + size && sequence <= data.log.length; sequence++) {
                const entry = data.log[sequence - 1];
                const fail = (reason: string) => ({
                    fromSequence: from,
                    toSequence: sequence,
                    checked,
                    ok: false,
                    brokenAtSequence: sequence,
                    reason,
                    lastHash: last,
                    nextSequence: null
                });
                if (entry.sequence !== sequence) {
                    return fail(`Sequence ${sequence} is missing.`);
                }
                if (entry.previousHash !== previous) {
                    return fail(`Entry ${sequence} does not point to the hash of entry ${sequence - 1}.`);
                }
                if (chainEntryHash(entry, previous as string) !== entry.entryHash) {
                    return fail(
                        `Entry ${sequence} was changed after it was logged: its hash does not match its content.`
                    );
                }
                previous = entry.entryHash;
                last = previous;
                checked++;
            }
            const toSequence = from + checked - 1;
            return {
                fromSequence: from,
                toSequence: checked > 0 ? toSequence : null,
                checked,
                ok: true,
                brokenAtSequence: null,
                reason: null,
                lastHash: last,
                nextSequence: toSequence < data.log.length ? toSequence + 1 : null
            };
        },

        'WardenAuditController.exportLog': ({ fromSequence, batchSize }) => {
            const from = fromSequence === null || fromSequence === undefined ? 1 : Number(fromSequence);
            if (!Number.isInteger(from) || from < 1) {
                throw new ApexError('fromSequence must be a positive whole number.');
            }
            const size = Math.min(
                VERIFY_BATCH_MAX,
                Math.max(1, Number(batchSize ?? VERIFY_BATCH_MAX) || VERIFY_BATCH_MAX)
            );
            const slice = data.log.slice(from - 1, from - 1 + size);
            const last = slice.length > 0 ? slice[slice.length - 1].sequence : null;
            return {
                records: slice.map(toExportRecord),
                nextSequence: last !== null && last < data.log.length ? last + 1 : null
            };
        },

        'WardenAuditController.getEvidencePack': () => {
            const sorted = sortFindings(data.findings);
            return {
                generatedAt: new Date(clock()).toISOString(),
                generatedBy: data.currentUser.name,
                windowDays: WINDOW_DAYS,
                flows: data.flows,
                endpoints: data.endpoints,
                consentCoverage: consentCoverage(),
                callsByConsentResult: countBy(windowEntries(), (entry) => entry.consentResult),
                callsByDecision: countBy(windowEntries(), (entry) => entry.decision),
                findings: sorted.slice(0, 2000).map(toFindingRow),
                findingsTruncated: sorted.length > 2000,
                chainHead: chainHead(),
                checkpoints: data.checkpoints.slice(-20).reverse()
            };
        },

        'WardenSimulatorController.getSimulationRecords': () =>
            data.patients.slice(0, 50).map((patient) => ({
                id: patient.id,
                label: `${patient.name} (${patient.jurisdiction})`,
                jurisdiction: patient.jurisdiction
            })),

        'WardenSimulatorController.getSimulationContext': ({ recordId, endpointId, purpose }) => {
            const patient = data.patients.find((row) => row.id === requireId(recordId, 'recordId'));
            if (!patient) {
                throw new ApexError('The record does not exist or you cannot see it.');
            }
            const endpoint: EndpointRow | undefined = endpointById.get(requireId(endpointId, 'endpointId'));
            if (!endpoint) {
                throw new ApexError('The endpoint does not exist or you cannot see it.');
            }
            if (!PURPOSES.includes(purpose)) {
                throw new ApexError(`Unknown purpose ${purpose}.`);
            }
            const values: Record<string, string> = {
                FirstName: patient.name.split(' ')[0],
                LastName: patient.name.split(' ').slice(1).join(' '),
                Birthdate: patient.birthdate,
                MailingCity: patient.city,
                Email: patient.email,
                Phone: patient.phone
            };
            const consent = data.consents.find((row) => row.patientId === patient.id && row.purpose === purpose);
            return {
                recordId: patient.id,
                jurisdiction: patient.jurisdiction,
                purpose,
                endpoint,
                rule: data.rules.find((rule) => rule.jurisdiction === patient.jurisdiction) ?? null,
                consentStatus: consent ? consent.status : 'Missing',
                fields: data.tags
                    .filter((tag) => tag.objectApiName === 'Contact')
                    .map((tag) => ({
                        field: `Contact.${tag.fieldApiName}`,
                        value: values[tag.fieldApiName] ?? null,
                        classification: tag.classification,
                        phiCategory: tag.phiCategory,
                        minimization: tag.minimization,
                        mapped: data.flows.some(
                            (flow) =>
                                flow.status === 'Approved' &&
                                flow.sourceObject === 'Contact' &&
                                flow.sourceField === tag.fieldApiName &&
                                flow.endpointId === endpoint.id &&
                                flow.purpose === purpose
                        )
                    })),
                patterns: data.patterns
            };
        }
    };

    const invoke = (name: string, params: Record<string, unknown>): unknown => {
        const [controller, method] = name.split('.');
        const contract = CONTROLLERS[controller]?.[method];
        if (!contract) {
            throw new ApexError(`No such Apex method: ${name}.`, 404);
        }
        const unknown = Object.keys(params ?? {}).filter((key) => !contract.params.includes(key));
        if (unknown.length > 0) {
            throw new ApexError(`${name} has no parameter ${unknown.join(', ')}.`);
        }
        const handler = handlers[name as MethodName] as (request: unknown) => unknown;
        return handler(params ?? {});
    };

    return { handlers, invoke, data };
}

/**
 * The preview's audit controller: chain verification in batches with the gate's own chain module, the log export
 * by the explorer's filters and dates (ascending, by keyset), and the evidence pack the documents are built from.
 */
import {
    RESIDENCY_VIOLATION_RESULTS,
    VERIFY_BATCH_MAX,
    type AcceptanceRow,
    type TagMinimization
} from '../../../../force-app/main/console/lwc/consoleContracts/consoleContracts';
import { chainEntryHash, GENESIS_HASH, toExportRecord } from '../chain';
import { checkQuery, matches } from './log';
import { consentCoverage, residencyTraffic } from './overview';
import { ApexError, countBy, toFindingRow, WINDOW_DAYS, type CallContext, type HandlersOf, type Store } from './store';

function batch(batchSize: number | null | undefined): number {
    return Math.min(VERIFY_BATCH_MAX, Math.max(1, Number(batchSize ?? VERIFY_BATCH_MAX) || VERIFY_BATCH_MAX));
}

function firstSequence(fromSequence: number | null | undefined): number {
    const from = fromSequence === null || fromSequence === undefined ? 1 : Number(fromSequence);
    if (!Number.isInteger(from) || from < 1) {
        throw new ApexError('fromSequence must be a positive whole number.');
    }
    return from;
}

type Args<K extends keyof HandlersOf<'WardenAuditController'>> = Parameters<HandlersOf<'WardenAuditController'>[K]>[0];

/** Recomputes one batch of the chain from `fromSequence`, as WardenAuditController.verifyChain does. */
function verifyChain(store: Store, { fromSequence, batchSize }: Args<'WardenAuditController.verifyChain'>) {
    const from = firstSequence(fromSequence);
    const size = batch(batchSize);
    let previous = from === 1 ? GENESIS_HASH : (store.data.log[from - 2]?.entryHash ?? null);
    let checked = 0;
    let last: string | null = previous;
    for (let sequence = from; sequence < from + size && sequence <= store.data.log.length; sequence++) {
        const entry = store.data.log[sequence - 1];
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
            return fail(`Entry ${sequence} was changed after it was logged: its hash does not match its content.`);
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
        nextSequence: toSequence < store.data.log.length ? toSequence + 1 : null
    };
}

/** One batch of log entries for the CSV export, by the explorer's filters and dates. */
function exportLog(store: Store, { query, fromSequence, batchSize }: Args<'WardenAuditController.exportLog'>) {
    const q = checkQuery(query);
    const size = batch(batchSize);
    const records: Record<string, string | number | null>[] = [];
    let index = firstSequence(fromSequence) - 1;
    // Sequence order is time order: start at the first entry of the date range.
    while (q.from !== null && index < store.data.log.length && Date.parse(store.data.log[index].loggedAt) < q.from) {
        index++;
    }
    let next: number | null = null;
    for (; index < store.data.log.length; index++) {
        const entry = store.data.log[index];
        if (q.to !== null && Date.parse(entry.loggedAt) >= q.to) {
            break;
        }
        if (!matches(entry, q)) {
            continue;
        }
        if (records.length === size) {
            next = entry.sequence;
            break;
        }
        records.push(toExportRecord(entry));
    }
    return { records, nextSequence: next };
}

/** The facts the evidence pack is written from. */
function evidencePack(store: Store, context: CallContext) {
    const { data } = store;
    const sorted = store.sortFindings(data.findings);
    const since = Date.parse(`${store.today()}T00:00:00Z`) - (WINDOW_DAYS - 1) * 86400000;
    const minimization = new Map<string, TagMinimization>();
    for (const tag of data.tags) {
        const key = `${tag.classification}|${tag.minimization}`;
        const row = minimization.get(key) ?? {
            classification: tag.classification,
            minimization: tag.minimization,
            count: 0
        };
        row.count++;
        minimization.set(key, row);
    }
    const acceptances: AcceptanceRow[] = data.findings
        .filter((finding) => finding.status === 'RiskAccepted' || finding.status === 'FalsePositive')
        .map((finding) => ({
            findingId: finding.id,
            name: finding.name,
            rule: finding.rule,
            severity: finding.severity,
            status: finding.status,
            justification: finding.justification,
            requestedByName: store.user(finding.requestedById ?? '').name,
            approvedByName: finding.approvedByName,
            approvedOn: finding.approvedOn,
            riskAcceptedUntil: finding.riskAcceptedUntil
        }));
    return {
        generatedAt: store.now(),
        generatedBy: store.user(context.userId).name,
        windowDays: WINDOW_DAYS,
        gateMode: data.mode,
        flows: data.flows.map((flow) => ({
            ...flow,
            endpointProblems: store.problemsOf(flow.endpointId),
            history: []
        })),
        endpoints: data.endpoints,
        rules: data.rules,
        tagMinimization: [...minimization.values()].sort(
            (a, b) => a.classification.localeCompare(b.classification) || a.minimization.localeCompare(b.minimization)
        ),
        phiPatterns: data.patterns.filter((pattern) => pattern.enabled).length,
        consentCoverage: consentCoverage(store),
        callsByConsentResult: countBy(store.windowEntries(), (entry) => entry.consentResult),
        callsByResidencyResult: countBy(store.windowEntries(), (entry) => entry.residencyResult),
        callsByDecision: countBy(store.windowEntries(), (entry) => entry.decision),
        callsByMode: countBy(store.windowEntries(), (entry) => entry.mode),
        residencyViolations: residencyTraffic(store)
            .filter((row) => RESIDENCY_VIOLATION_RESULTS.includes(row.residencyResult))
            .sort((a, b) => b.count - a.count),
        findings: sorted.slice(0, 2000).map(toFindingRow),
        findingsTruncated: sorted.length > 2000,
        acceptances,
        history: data.changes
            .filter((change) => Date.parse(change.changedAt) >= since)
            .reverse()
            .slice(0, 2000),
        chainHead: store.chainHead(),
        checkpoints: data.checkpoints.slice(-20).reverse()
    };
}

export function auditHandlers(store: Store): HandlersOf<'WardenAuditController'> {
    return {
        'WardenAuditController.verifyChain': (args) => verifyChain(store, args),
        'WardenAuditController.exportLog': (args) => exportLog(store, args),
        'WardenAuditController.getEvidencePack': (_request, context) => evidencePack(store, context),
        // The preview has no Visualforce: the console hides its PDF control (the printable HTML has the same content).
        'WardenAuditController.getEvidencePdfUrl': () => null
    };
}

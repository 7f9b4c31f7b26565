/**
 * The state of a `warden stream` subscription, kept in a small JSON file between runs: the topic, the replay
 * id of the last event delivered to the sink, and the UUIDs of the most recently delivered entries (the
 * deduplication window). Written atomically (a temporary file, flushed, then renamed over the old one), so a
 * crash leaves the old state or the new one, never half of one.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { InputError } from '../lib/errors';

export const STATE_VERSION = 1;
/** How many delivered UUIDs the state remembers: more than one batch, so a replayed batch is recognised. */
export const DEDUP_WINDOW = 5000;

export type StreamState = {
    version: typeof STATE_VERSION;
    topic: string;
    /** Base64 of the opaque replay id of the last delivered event; absent before the first delivery. */
    replayId?: string;
    /** Oldest first. */
    delivered: string[];
};

/** The state in `file`, or undefined when there is none yet; InputError when it is unreadable or not ours. */
export function readState(file: string): StreamState | undefined {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            return undefined;
        }
        throw new InputError(`cannot read the state file ${file} (${(error as NodeJS.ErrnoException).code})`);
    }
    let state: Partial<StreamState>;
    try {
        state = JSON.parse(text) as Partial<StreamState>;
    } catch {
        throw new InputError(`the state file ${file} is not JSON; move it away to start over (--from earliest)`);
    }
    if (
        state.version !== STATE_VERSION ||
        typeof state.topic !== 'string' ||
        !Array.isArray(state.delivered) ||
        (state.replayId !== undefined && typeof state.replayId !== 'string')
    ) {
        throw new InputError(`the state file ${file} is not a warden stream state (version ${STATE_VERSION})`);
    }
    return state as StreamState;
}

/** Replaces the state file with `state`, atomically and durably. */
export function writeState(file: string, state: StreamState): void {
    const temp = `${file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
        writeSync(fd, JSON.stringify(state) + '\n');
        fsyncSync(fd);
    } finally {
        closeSync(fd);
    }
    renameSync(temp, file);
}

/** The delivered UUIDs after adding `uuids`, trimmed to the window. */
export function remember(delivered: string[], uuids: string[]): string[] {
    const next = [...delivered, ...uuids];
    return next.length > DEDUP_WINDOW ? next.slice(next.length - DEDUP_WINDOW) : next;
}

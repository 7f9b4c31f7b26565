/**
 * `warden redact [--mode redact|pseudonymize] [--json] [--key <hex>] [--no-dictionary]`
 * Reads text on stdin and prints it redacted with the shipped PhiPattern records and names dictionary,
 * through the same TypeScript modules the console uses. Plain text streams through in segments (stream.ts),
 * so memory stays bounded whatever the input's size, and invalid UTF-8 is reported. With --json, stdin is a JSON array of
 * { "text": ..., "fields": { "FirstName": ..., ... } } and the output gives, per item, the redacted text
 * and the spans found (start, end exclusive, in UTF-16 code units of the input, and category).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EXIT, type Command } from '../lib/command';
import { helpText, parseCommandLine, type CommandLine } from '../lib/args';
import { InputError, UsageError } from '../lib/errors';
import { fullCollection } from '../lib/heap';
import { packageFile } from '../lib/paths';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import {
    parseNameDictionary,
    type NameDictionary
} from '../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import { redact, type RedactionMode } from '../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';
import { redactSegments, redactStream, type Utf8Report } from './stream';

/** The names dictionary, read from the package source (packageFile finds the package root from the bundle too). */
export const DICTIONARY_FILE = packageFile(
    'force-app',
    'main',
    'gate',
    'staticresources',
    'PhiNameDictionary.resource'
);

export const COMMAND_LINE = {
    name: 'warden redact',
    operands: '< input',
    summary: 'Redacts PHI in text read from stdin with the shipped patterns and names dictionary.',
    options: {
        mode: {
            type: 'string',
            value: '<mode>',
            choices: ['redact', 'pseudonymize'],
            description: 'what replaces PHI: category placeholders (the default) or reversible tokens'
        },
        json: {
            type: 'boolean',
            description:
                'stdin is a JSON array of {"text": ..., "fields": {"FirstName": ...}}; prints a JSON array of {"text", "spans": [{"start", "end", "category"}], "categories", "count"}'
        },
        key: {
            type: 'string',
            value: '<64 hex>',
            description: 'pseudonym HMAC key (32 bytes as hex); default: WARDEN_PSEUDONYM_KEY, else a random key'
        },
        'no-dictionary': { type: 'boolean', description: 'patterns and record fields only' }
    },
    epilogue: [
        'Plain text is read and written in segments cut at blank lines or line breaks, in bounded memory.',
        'Invalid UTF-8 is replaced by U+FFFD and reported on stderr (how many sequences, the first byte offset).',
        'Exit code: 0 done, 2 usage or input error.'
    ]
} as const satisfies CommandLine;

let dictionaryCache: NameDictionary | undefined;

function loadDictionary(): NameDictionary {
    dictionaryCache ??= parseNameDictionary(readFileSync(DICTIONARY_FILE, 'utf8'));
    return dictionaryCache;
}

export type RedactOutcome = { code: number; stdout: string; stderr: string };

type Item = { text: string; fields?: Record<string, string | null> };

function parseItems(input: string): Item[] {
    let parsed: unknown;
    try {
        parsed = JSON.parse(input);
    } catch (error) {
        throw new InputError(`stdin is not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) {
        throw new InputError('--json expects a JSON array of {"text": ..., "fields": {...}} objects.');
    }
    return parsed.map((item, index) => {
        if (!item || typeof item !== 'object' || typeof (item as Item).text !== 'string') {
            throw new InputError(`Item ${index + 1} has no "text" string.`);
        }
        const fields = (item as Item).fields;
        if (fields !== undefined && (fields === null || typeof fields !== 'object' || Array.isArray(fields))) {
            throw new InputError(`Item ${index + 1}: "fields" must be an object of field name to value.`);
        }
        for (const [name, value] of Object.entries(fields ?? {})) {
            if (value !== null && typeof value !== 'string') {
                throw new InputError(`Item ${index + 1}: field ${name} must be a string or null.`);
            }
        }
        return item as Item;
    });
}

export type RedactOptions = { mode: RedactionMode; json: boolean; key: string | undefined; useDictionary: boolean };

/** The options of a command line, or null for --help; UsageError when they are wrong. */
export function redactOptions(args: string[], env: NodeJS.ProcessEnv = process.env): RedactOptions | null {
    const { values } = parseCommandLine(args, COMMAND_LINE);
    if (values.help) {
        return null;
    }
    const mode = (values.mode ?? 'redact') as RedactionMode;
    const key = values.key ?? env.WARDEN_PSEUDONYM_KEY;
    if (mode === 'pseudonymize' && key !== undefined && !/^[0-9a-fA-F]{64}$/.test(key)) {
        throw new UsageError('warden redact: the key must be 64 hex characters (32 bytes).');
    }
    return {
        mode,
        json: values.json === true,
        key,
        useDictionary: values['no-dictionary'] !== true
    };
}

type Policy = { patterns: typeof SHIPPED_PATTERNS; dictionary: NameDictionary | null; pseudonymKeyHex?: string };

/** The policy of the options, and the notice to print when pseudonymising without a key. */
function policyOf(options: RedactOptions): { policy: Policy; stderr: string } {
    let stderr = '';
    let key = options.key;
    if (options.mode === 'pseudonymize' && key === undefined) {
        key = randomBytes(32).toString('hex');
        stderr += 'warden redact: no --key or WARDEN_PSEUDONYM_KEY; using a random key (tokens differ between runs).\n';
    }
    const policy = {
        patterns: SHIPPED_PATTERNS,
        dictionary: options.useDictionary ? loadDictionary() : null,
        pseudonymKeyHex: key
    };
    return { policy, stderr };
}

/** Redacts the input under the options; InputError for --json input that is not the documented shape. */
function redactInput(options: RedactOptions, input: string): RedactOutcome {
    const { policy, stderr } = policyOf(options);
    const mode = options.mode;
    if (!options.json) {
        const text = redactSegments(input, (segment) => redact({ text: segment, mode }, policy).text);
        return { code: EXIT.ok, stdout: text, stderr };
    }
    const out = parseItems(input).map((item) => {
        const result = redact({ text: item.text, fields: item.fields ?? undefined, mode }, policy);
        return {
            text: result.text,
            spans: result.spans.map((s) => ({ start: s.start, end: s.end, category: s.category })),
            categories: result.categories,
            count: result.count
        };
    });
    return { code: EXIT.ok, stdout: JSON.stringify(out, null, 2) + '\n', stderr };
}

/** The whole command on a given input: options, then redaction; usage and input errors as exit code 2. */
export function runRedact(args: string[], input: string, env: NodeJS.ProcessEnv = process.env): RedactOutcome {
    try {
        const options = redactOptions(args, env);
        if (options === null) {
            return { code: EXIT.ok, stdout: helpText(COMMAND_LINE), stderr: '' };
        }
        return redactInput(options, input);
    } catch (error) {
        if (error instanceof UsageError) {
            return { code: EXIT.usage, stdout: '', stderr: `${error.message}\n\n${helpText(COMMAND_LINE)}` };
        }
        if (error instanceof InputError) {
            return { code: EXIT.usage, stdout: '', stderr: `warden redact: ${error.message}\n` };
        }
        throw error;
    }
}

/** The stderr line that reports invalid UTF-8, or '' when there was none. */
export function utf8Notice(report: Utf8Report): string {
    if (report.invalid === 0) {
        return '';
    }
    return `warden redact: the input is not valid UTF-8: ${report.invalid} invalid byte sequence(s), the first at byte offset ${report.firstOffset}; each was replaced by U+FFFD.\n`;
}

/**
 * Plain text from a byte stream to a writer, segment by segment (stream.ts): what `warden redact` does
 * without --json. Returns the exit code and what to print on stderr.
 */
export async function streamRedact(
    options: RedactOptions,
    input: AsyncIterable<Buffer | string>,
    write: (text: string) => Promise<void>
): Promise<{ code: number; stderr: string }> {
    const { policy, stderr } = policyOf(options);
    const mode = options.mode;
    const report = await redactStream(
        input,
        write,
        (segment) => redact({ text: segment, mode }, policy).text,
        fullCollection()
    );
    return { code: EXIT.ok, stderr: stderr + utf8Notice(report) };
}

/** Writes to stdout, waiting while its buffer is full, so a large output is not held in memory. */
function writeStdout(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
        if (process.stdout.write(text)) {
            resolve();
            return;
        }
        const onError = (error: Error): void => {
            process.stdout.off('drain', onDrain);
            reject(error);
        };
        const onDrain = (): void => {
            process.stdout.off('error', onError);
            resolve();
        };
        process.stdout.once('drain', onDrain);
        process.stdout.once('error', onError);
    });
}

async function readStdin(): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    }
    return Buffer.concat(chunks).toString('utf8');
}

export const command: Command = {
    summary: 'Redact or pseudonymise PHI in text from stdin with the shipped patterns',
    async run(args: string[]): Promise<number> {
        // stdin is read only when the command line is right and asks for work.
        let options: RedactOptions | null = null;
        try {
            options = redactOptions(args);
        } catch (error) {
            if (!(error instanceof UsageError)) {
                throw error;
            }
        }
        if (options !== null && !options.json) {
            const streamed = await streamRedact(options, process.stdin, writeStdout);
            process.stderr.write(streamed.stderr);
            return streamed.code;
        }
        const needsInput = options !== null;
        const outcome = runRedact(args, needsInput ? await readStdin() : '');
        process.stdout.write(outcome.stdout);
        process.stderr.write(outcome.stderr);
        return outcome.code;
    }
};

/**
 * `warden redact [--mode redact|pseudonymize] [--json] [--key <hex>] [--no-dictionary]`
 * Reads text on stdin and prints it redacted with the shipped PhiPattern records and names dictionary,
 * through the same TypeScript module the console uses. With --json, stdin is a JSON array of
 * { "text": ..., "fields": { "FirstName": ..., ... } } and the output gives, per item, the redacted text
 * and the spans found (start, end exclusive, in UTF-16 code units of the input, and category).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from '../lib/command';
import { packageFile } from '../lib/paths';
import {
    SHIPPED_PATTERNS,
    parseNameDictionary,
    redact,
    type NameDictionary,
    type RedactionMode
} from '../../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';

export const DICTIONARY_FILE = packageFile(
    'force-app',
    'main',
    'gate',
    'staticresources',
    'PhiNameDictionary.resource'
);

const USAGE = `Usage: warden redact [--mode redact|pseudonymize] [--json] [--key <64 hex>] [--no-dictionary] < input

Redacts PHI in text read from stdin with the shipped patterns and names dictionary.
  --mode        redact (category placeholders, default) or pseudonymize (reversible tokens)
  --json        stdin is a JSON array of {"text": ..., "fields": {"FirstName": ...}}; prints a JSON array of
                {"text", "spans": [{"start", "end", "category"}], "categories", "count"}
  --key         pseudonym HMAC key (64 hex characters); default: WARDEN_PSEUDONYM_KEY, else a random key
  --no-dictionary  patterns and record fields only`;

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
        throw new Error(`stdin is not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) {
        throw new Error('--json expects a JSON array of {"text": ..., "fields": {...}} objects.');
    }
    return parsed.map((item, index) => {
        if (!item || typeof item !== 'object' || typeof (item as Item).text !== 'string') {
            throw new Error(`Item ${index + 1} has no "text" string.`);
        }
        const fields = (item as Item).fields;
        if (fields !== undefined && (fields === null || typeof fields !== 'object' || Array.isArray(fields))) {
            throw new Error(`Item ${index + 1}: "fields" must be an object of field name to value.`);
        }
        for (const [name, value] of Object.entries(fields ?? {})) {
            if (value !== null && typeof value !== 'string') {
                throw new Error(`Item ${index + 1}: field ${name} must be a string or null.`);
            }
        }
        return item as Item;
    });
}

export function runRedact(args: string[], input: string, env: NodeJS.ProcessEnv = process.env): RedactOutcome {
    let mode: RedactionMode = 'redact';
    let json = false;
    let key: string | undefined = env.WARDEN_PSEUDONYM_KEY;
    let useDictionary = true;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--help' || arg === '-h') {
            return { code: 0, stdout: USAGE + '\n', stderr: '' };
        } else if (arg === '--mode') {
            const value = args[++i];
            if (value !== 'redact' && value !== 'pseudonymize') {
                return {
                    code: 2,
                    stdout: '',
                    stderr: `warden redact: --mode must be redact or pseudonymize.\n\n${USAGE}\n`
                };
            }
            mode = value;
        } else if (arg === '--json') {
            json = true;
        } else if (arg === '--key') {
            key = args[++i];
        } else if (arg === '--no-dictionary') {
            useDictionary = false;
        } else {
            return { code: 2, stdout: '', stderr: `warden redact: unknown argument ${arg}.\n\n${USAGE}\n` };
        }
    }
    let stderr = '';
    if (mode === 'pseudonymize') {
        if (key === undefined) {
            key = randomBytes(32).toString('hex');
            stderr +=
                'warden redact: no --key or WARDEN_PSEUDONYM_KEY; using a random key (tokens differ between runs).\n';
        } else if (!/^[0-9a-fA-F]{64}$/.test(key)) {
            return { code: 2, stdout: '', stderr: 'warden redact: the key must be 64 hex characters (32 bytes).\n' };
        }
    }
    const policy = {
        patterns: SHIPPED_PATTERNS,
        dictionary: useDictionary ? loadDictionary() : null,
        pseudonymKeyHex: key
    };
    if (!json) {
        return { code: 0, stdout: redact({ text: input, mode }, policy).text, stderr };
    }
    let items: Item[];
    try {
        items = parseItems(input);
    } catch (error) {
        return { code: 2, stdout: '', stderr: `warden redact: ${(error as Error).message}\n` };
    }
    const out = items.map((item) => {
        const result = redact({ text: item.text, fields: item.fields ?? undefined, mode }, policy);
        return {
            text: result.text,
            spans: result.spans.map((s) => ({ start: s.start, end: s.end, category: s.category })),
            categories: result.categories,
            count: result.count
        };
    });
    return { code: 0, stdout: JSON.stringify(out, null, 2) + '\n', stderr };
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
        const needsInput = !args.includes('--help') && !args.includes('-h');
        const outcome = runRedact(args, needsInput ? await readStdin() : '');
        process.stdout.write(outcome.stdout);
        process.stderr.write(outcome.stderr);
        return outcome.code;
    }
};

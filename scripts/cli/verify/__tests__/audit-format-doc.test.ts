/**
 * docs/audit-format.md, Appendix A, checked as a third party would use it: every worked example is recomputed
 * from the document with Node's own SHA-256, HMAC-SHA256 and RSA (not Warden's code), and the canonical forms are
 * compared with what c/auditChain writes for the same fields, so the document cannot drift from the code.
 */
import { createHash, createHmac, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    canonicalEntry,
    eventMacMessage,
    GENESIS_HASH,
    type LogEntry
} from '../../../../force-app/main/audit/lwc/auditChain/auditChain';

const DOC = readFileSync(join(__dirname, '../../../../docs/audit-format.md'), 'utf8');

/** The text of the example block `id`; multi-line blocks get back their final line feed. */
function example(id: string, multiLine = false): string {
    const match = new RegExp(`<!-- example: ${id} -->\\n\\n\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(DOC);
    if (!match) throw new Error(`docs/audit-format.md has no example ${id}`);
    return multiLine ? `${match[1]}\n` : match[1];
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The fields of a canonical form, read back from its `Name=value` lines (values here need no unescaping). */
function fieldsOf(canonical: string): LogEntry {
    const entry: LogEntry = {};
    for (const line of canonical.split('\n').slice(1, -1)) {
        const at = line.indexOf('=');
        const value = line.slice(at + 1);
        entry[line.slice(0, at)] = value === '' ? null : value;
    }
    return entry;
}

describe('docs/audit-format.md Appendix A', () => {
    it('A.1: the v1 entry hash is SHA-256 of the canonical form and the genesis value, as c/auditChain writes it', () => {
        const canonical = example('v1-canonical', true);
        expect(example('v1-previous')).toBe(GENESIS_HASH);
        expect(sha256(Buffer.from(canonical + example('v1-previous'), 'utf8'))).toBe(example('v1-hash'));
        expect(canonicalEntry(fieldsOf(canonical))).toBe(canonical);
    });

    it('A.2: the v2 MAC is HMAC-SHA256 of the message under the key, and the entry hash covers it', () => {
        const message = example('v2-mac-message', true);
        const mac = createHmac('sha256', Buffer.from(example('v2-mac-key'), 'hex'))
            .update(message, 'utf8')
            .digest('hex');
        expect(mac).toBe(example('v2-mac'));
        const canonical = example('v2-canonical', true);
        expect(canonical).toContain(`\nMac__c=${mac}\n`);
        expect(sha256(Buffer.from(canonical + example('v2-previous'), 'utf8'))).toBe(example('v2-hash'));
        expect(canonicalEntry(fieldsOf(canonical))).toBe(canonical);
        expect(eventMacMessage(fieldsOf(canonical))).toBe(message);
    });

    it('A.3: the Merkle root pairs neighbours with a 0x01 prefix and moves a lone node up', () => {
        const leaves = example('merkle-leaves').split('\n');
        expect(leaves).toHaveLength(3);
        const pair = (left: string, right: string): string =>
            sha256(Buffer.concat([Buffer.from([1]), Buffer.from(left, 'hex'), Buffer.from(right, 'hex')]));
        expect(pair(leaves[0], leaves[1])).toBe(example('merkle-node-12'));
        expect(pair(example('merkle-node-12'), leaves[2])).toBe(example('merkle-root'));
    });

    it('A.4: the checkpoint signature verifies over the message with the public key, and not over another', () => {
        const message = example('checkpoint-message', true);
        const key = example('checkpoint-public-key');
        const signature = Buffer.from(example('checkpoint-signature'), 'base64');
        expect(message.startsWith('warden-checkpoint-v1\nFromSequence__c=1\n')).toBe(true);
        expect(verify('RSA-SHA256', Buffer.from(message, 'utf8'), key, signature)).toBe(true);
        const altered = message.replace('Sequence__c=5', 'Sequence__c=6');
        expect(verify('RSA-SHA256', Buffer.from(altered, 'utf8'), key, signature)).toBe(false);
    });
});

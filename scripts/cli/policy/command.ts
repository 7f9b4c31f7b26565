/**
 * `warden policy evaluate <scenario.json|->`: the gate's decision on one scenario (a snapshot of its inputs) or an
 * array of them, offline, through c/gatePolicy, the TypeScript twin of the Apex GatePolicy bound to it by the shared
 * vectors. Auditors and CI test a policy change without an org. Format: docs/gate.md and
 * docs/policy-scenario.schema.json.
 */
import { readFileSync } from 'node:fs';
import { EXIT, type Command } from '../lib/command';
import { helpText, parseCommandLine, type CommandLine } from '../lib/args';
import { InputError, UsageError } from '../lib/errors';
import { packageFile } from '../lib/paths';
import { SHIPPED_PATTERNS } from '../../../force-app/main/gate/lwc/phiPatterns/phiPatterns';
import {
    parseNameDictionary,
    type NameDictionary
} from '../../../force-app/main/gate/lwc/nameDictionary/nameDictionary';
import { evaluatePolicy, type GateDecision } from '../../../force-app/main/gate/lwc/gatePolicy/gatePolicy';
import { parseScenarios } from './scenario';

export const COMMAND_LINE = {
    name: 'warden policy',
    operands: 'evaluate <scenario.json|->',
    summary:
        'Prints, as JSON, the gate\'s decision on a scenario (or an array of them): "-" reads stdin. The scenario is the snapshot of docs/gate.md; unknown fields are an error.',
    options: {},
    positionals: { min: 2, max: 2 },
    epilogue: [
        'Output per scenario: outcome (what Enforce decides), allowed, mode, reasons, fieldsSent, droppedFields,',
        'text (the redacted content, null when nothing could be prepared), consent, residency, jurisdiction,',
        'redactionCount, categories. Pseudonym tokens are never printed: they map back to PHI.',
        'Exit code: 0 evaluated (whatever the decision), 2 usage error or malformed scenario (the message names its JSON path).'
    ]
} as const satisfies CommandLine;

export type PolicyOutcome = { code: number; stdout: string; stderr: string };

/** What is printed of a decision: everything but the token map, which holds the originals. */
function printable(decision: GateDecision): Omit<GateDecision, 'tokens'> {
    const { tokens: _tokens, ...rest } = decision;
    return rest;
}

let dictionaryCache: NameDictionary | undefined;

function dictionary(): NameDictionary {
    const path = packageFile('force-app', 'main', 'gate', 'staticresources', 'PhiNameDictionary.resource');
    dictionaryCache ??= parseNameDictionary(readFileSync(path, 'utf8'));
    return dictionaryCache;
}

function evaluateText(text: string): string {
    const { scenarios, many } = parseScenarios(text);
    const context = { patterns: SHIPPED_PATTERNS, dictionary: dictionary() };
    const decisions = scenarios.map((scenario) => printable(evaluatePolicy(scenario, context)));
    return JSON.stringify(many ? decisions : decisions[0], null, 2) + '\n';
}

/** The whole command on given arguments and a reader of the scenario; errors as exit code 2. */
export function runPolicy(args: string[], read: (source: string) => string): PolicyOutcome {
    try {
        const { values, positionals } = parseCommandLine(args, COMMAND_LINE);
        if (values.help) {
            return { code: EXIT.ok, stdout: helpText(COMMAND_LINE), stderr: '' };
        }
        if (positionals[0] !== 'evaluate') {
            throw new UsageError(`warden policy: unknown action "${positionals[0]}"; the action is evaluate`);
        }
        let text: string;
        try {
            text = read(positionals[1]);
        } catch (error) {
            throw new InputError(`cannot read ${positionals[1]}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
        }
        return { code: EXIT.ok, stdout: evaluateText(text), stderr: '' };
    } catch (error) {
        if (error instanceof UsageError) {
            return { code: EXIT.usage, stdout: '', stderr: `${error.message}\n\n${helpText(COMMAND_LINE)}` };
        }
        if (error instanceof InputError) {
            return { code: EXIT.usage, stdout: '', stderr: `warden policy: ${error.message}\n` };
        }
        throw error;
    }
}

function readSource(source: string): string {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
}

export const command: Command = {
    summary: "Evaluate the gate's policy on a scenario offline (warden policy evaluate <scenario.json|->)",
    async run(args: string[]): Promise<number> {
        const outcome = runPolicy(args, readSource);
        process.stdout.write(outcome.stdout);
        process.stderr.write(outcome.stderr);
        return outcome.code;
    }
};

/**
 * The redactor's plain engine: every pattern's own regex scanned over the whole text, with no pattern index.
 * The oracle the redactor's engine (c/phiRedactor INDEXED_ENGINE) must agree with, span for span, in the tests
 * (equivalence.test.ts); and the peer `npm run eval:phi` times the pattern index against.
 */
import {
    acceptMatch,
    type Candidate,
    type CompiledPattern
} from '../../../force-app/main/gate/lwc/patternIndex/patternIndex';
import type { PhiEngine } from '../../../force-app/main/gate/lwc/phiRedactor/phiRedactor';

/** Each pattern's own regex as written, global and with match indices, kept per compiled pattern. */
const plainRegexes = new WeakMap<CompiledPattern, RegExp>();

function plainRegex(pattern: CompiledPattern): RegExp {
    let regex = plainRegexes.get(pattern);
    if (regex === undefined) {
        regex = new RegExp(pattern.spec.pattern, 'gd' + (pattern.spec.caseInsensitive ? 'i' : ''));
        plainRegexes.set(pattern, regex);
    }
    return regex;
}

/**
 * Each pattern's regex as written over the whole text, pattern by pattern in evaluation order, its group read
 * from match indices; a rejected match lets the search go on one character after its start.
 */
export function scanEveryPattern(scan: string, compiled: CompiledPattern[], out: Candidate[]): void {
    compiled.forEach((pattern, order) => {
        const regex = plainRegex(pattern);
        regex.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = regex.exec(scan)) !== null) {
            if (m[0].length === 0) {
                regex.lastIndex++;
                continue;
            }
            const span = m.length > 1 ? m.indices?.[1] : [m.index, m.index + m[0].length];
            if (!span || !acceptMatch(scan, pattern, span[0], span[1], order, out)) {
                regex.lastIndex = m.index + 1;
            }
        }
    });
}

export const PLAIN_ENGINE: PhiEngine = { findPatterns: scanEveryPattern };

/**
 * Which Apex unit a file holds, from its name alone. Kept apart from apex-syntax.ts so that code
 * which only needs this (the scanner's engine) does not load apex-parser.
 */
export type ApexUnitKind = 'class' | 'trigger' | 'anonymous';

/** Which parser entry point a file needs, from its extension; undefined for non-Apex files. */
export function apexUnitKind(fileName: string): ApexUnitKind | undefined {
    const lower = fileName.toLowerCase();
    if (lower.endsWith('.cls')) {
        return 'class';
    }
    if (lower.endsWith('.trigger')) {
        return 'trigger';
    }
    if (lower.endsWith('.apex')) {
        return 'anonymous';
    }
    return undefined;
}

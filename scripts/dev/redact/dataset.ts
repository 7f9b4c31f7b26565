/**
 * Where the Presidio synthetic data set v2 lives (shared/data/presidio-synth-v2 beside the project, or beside
 * one of its parent folders, so a git worktree finds the copy next to the main checkout). eval:phi measures
 * the redactor on it; the equivalence and Java cross-checks add its texts when it is there.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const RELATIVE = join('shared', 'data', 'presidio-synth-v2', 'synth_dataset_v2.json');

/** The data set file near the project root, or null when there is none. */
export function findDataset(root: string): string | null {
    for (let dir = dirname(root); ; dir = dirname(dir)) {
        const candidate = join(dir, RELATIVE);
        if (existsSync(candidate)) {
            return candidate;
        }
        if (dirname(dir) === dir) {
            return null;
        }
    }
}

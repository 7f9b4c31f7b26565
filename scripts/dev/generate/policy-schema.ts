/**
 * Writes docs/policy-scenario.schema.json, the JSON Schema of a `warden policy evaluate` scenario, from the one
 * description of the format in scripts/cli/policy/scenario.ts (which also checks scenarios), so the published
 * schema and the checker cannot drift. The `generated` check runs it with --check.
 *
 *   npx tsx scripts/dev/generate/policy-schema.ts [--check]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioSchemaText } from '../../cli/policy/scenario';
import { findProjectRoot } from '../../cli/lib/project';

export const SCHEMA_PATH = 'docs/policy-scenario.schema.json';

if (require.main === module) {
    const path = join(findProjectRoot(), SCHEMA_PATH);
    const text = scenarioSchemaText();
    if (process.argv.includes('--check')) {
        if ((existsSync(path) ? readFileSync(path, 'utf8') : '') !== text) {
            process.stdout.write(
                `${SCHEMA_PATH} differs from scripts/cli/policy/scenario.ts; run npm run build:vectors\n`
            );
            process.exitCode = 1;
        }
    } else {
        writeFileSync(path, text);
        process.stdout.write(`Wrote ${SCHEMA_PATH}.\n`);
    }
}

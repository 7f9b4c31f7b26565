/**
 * Writes docs/policy-scenario.schema.json, the JSON Schema of a `warden policy evaluate` scenario, from the one
 * description of the format in scripts/cli/policy/scenario.ts (which also checks scenarios), so the published
 * schema and the checker cannot drift. The `generated` check runs it with --check.
 *
 *   npx tsx scripts/dev/generate/policy-schema.ts [--check]
 */
import { scenarioSchemaText } from '../../cli/policy/scenario';
import { runGenerator } from './write-generated';

export const SCHEMA_PATH = 'docs/policy-scenario.schema.json';

if (require.main === module) {
    process.exitCode = runGenerator(
        process.argv.slice(2),
        'policy-schema',
        'Writes the JSON Schema of a warden policy scenario from scripts/cli/policy/scenario.ts.',
        () => [{ path: SCHEMA_PATH, text: scenarioSchemaText() }]
    );
}

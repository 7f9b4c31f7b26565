/**
 * Scanner configuration: the `scan` section of warden.config.json at the project root. Everything
 * has a default, so a project without the file is scanned with the built-in PHI list and LLM hosts.
 * Unknown keys and wrong types are refused with the offending path, so a typo cannot silently turn
 * a rule off. The format is documented in docs/scan.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { ConfigError } from '../lib/errors';
import { isSeverity, Severity } from './types';

export { ConfigError };

export const CONFIG_FILE = 'warden.config.json';

export type ScanConfig = {
    phi: {
        /** Extra PHI fields (`Object.Field`) or whole objects (`Object`). */
        fields: string[];
        /** Fields or objects never treated as PHI, whatever else says so. */
        exclude: string[];
        /** Field `securityClassification` values that mean PHI. */
        securityClassifications: string[];
        /** Field `complianceGroup` entries that mean PHI. */
        complianceGroups: string[];
        /** Use the built-in list of standard fields that hold PHI in a healthcare org. */
        useDefaults: boolean;
    };
    llm: {
        /** Named Credentials that point at an LLM, beyond those detected. */
        namedCredentials: string[];
        /** Host names (or `*.suffix` patterns) of LLM APIs, beyond the built-in list. */
        hosts: string[];
    };
    gate: {
        /** Classes allowed to call LLM endpoints directly: the gate and what it delegates to. */
        classes: string[];
        /** `Class.method` (or `Class.*`) calls whose result no longer carries PHI. */
        sanitizers: string[];
    };
    endpoints: {
        /** Provider regions endpoints may be in (`eu-*` patterns allowed). Empty: not checked. */
        allowedRegions: string[];
    };
    encryption: {
        /** true/false forces; null infers from the project (settings or any encrypted field). */
        required: boolean | null;
    };
    integration: {
        /** Permission sets meant for the integration user, beyond those detected by name. */
        permissionSets: string[];
    };
    rules: {
        disabled: string[];
        severity: Record<string, Severity>;
    };
    pmd: {
        /** Honour PMD's `@SuppressWarnings('PMD.<Rule>')` and `// NOPMD` for the Warden rules they map to. */
        honorSuppressions: boolean;
    };
    /** Path patterns (relative to the root, `*` and `**` globs) never scanned. */
    exclude: string[];
    /** Extra files or folders holding seed data (sfdx tree JSON or CSV) to read classifications from. */
    seedData: string[];
};

export function defaultConfig(): ScanConfig {
    return {
        phi: {
            fields: [],
            exclude: [],
            securityClassifications: ['Restricted', 'MissionCritical'],
            complianceGroups: ['HIPAA', 'PHI'],
            useDefaults: true
        },
        llm: { namedCredentials: [], hosts: [] },
        gate: { classes: ['InferenceGuard'], sanitizers: [] },
        endpoints: { allowedRegions: [] },
        encryption: { required: null },
        integration: { permissionSets: [] },
        rules: { disabled: [], severity: {} },
        pmd: { honorSuppressions: false },
        exclude: [],
        seedData: []
    };
}

type Shape = 'strings' | 'boolean' | 'nullableBoolean' | 'severityMap' | { [key: string]: Shape };

const SHAPE: { [key: string]: Shape } = {
    phi: {
        fields: 'strings',
        exclude: 'strings',
        securityClassifications: 'strings',
        complianceGroups: 'strings',
        useDefaults: 'boolean'
    },
    llm: { namedCredentials: 'strings', hosts: 'strings' },
    gate: { classes: 'strings', sanitizers: 'strings' },
    endpoints: { allowedRegions: 'strings' },
    encryption: { required: 'nullableBoolean' },
    integration: { permissionSets: 'strings' },
    rules: { disabled: 'strings', severity: 'severityMap' },
    pmd: { honorSuppressions: 'boolean' },
    exclude: 'strings',
    seedData: 'strings'
};

function merge(target: Record<string, unknown>, value: unknown, shape: Shape, path: string): unknown {
    if (shape === 'strings') {
        if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
            throw new ConfigError(`${path} must be an array of strings`);
        }
        return value;
    }
    if (shape === 'boolean') {
        if (typeof value !== 'boolean') {
            throw new ConfigError(`${path} must be true or false`);
        }
        return value;
    }
    if (shape === 'nullableBoolean') {
        if (typeof value !== 'boolean' && value !== null) {
            throw new ConfigError(`${path} must be true, false or null`);
        }
        return value;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        throw new ConfigError(`${path} must be an object`);
    }
    if (shape === 'severityMap') {
        for (const [rule, severity] of Object.entries(value as Record<string, unknown>)) {
            if (typeof severity !== 'string' || !isSeverity(severity)) {
                throw new ConfigError(`${path}.${rule} must be one of critical, high, medium, low, info`);
            }
        }
        return value;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const childShape = shape[key];
        if (!childShape) {
            throw new ConfigError(`${path}.${key} is not a known setting (known: ${Object.keys(shape).join(', ')})`);
        }
        const existing = target[key];
        const nested =
            typeof childShape === 'object' && existing && typeof existing === 'object'
                ? (existing as Record<string, unknown>)
                : {};
        target[key] = merge(nested, child, childShape, `${path}.${key}`);
    }
    return target;
}

/** Applies a partial `scan` section over the defaults, validating as it goes. */
export function resolveConfig(partial: unknown, source = 'scan'): ScanConfig {
    const config = defaultConfig();
    if (partial === undefined || partial === null) {
        return config;
    }
    merge(config as unknown as Record<string, unknown>, partial, SHAPE, source);
    return config;
}

/** Reads warden.config.json (or `explicitFile`) and returns the resolved scan configuration. */
export function loadConfig(root: string, explicitFile?: string): { config: ScanConfig; file?: string } {
    const file = explicitFile ?? join(root, CONFIG_FILE);
    if (!existsSync(file)) {
        if (explicitFile) {
            throw new ConfigError(`config file ${explicitFile} does not exist`);
        }
        return { config: defaultConfig() };
    }
    let json: unknown;
    try {
        json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
        throw new ConfigError(`${file} must hold a JSON object`);
    }
    const section = (json as Record<string, unknown>).scan;
    return { config: resolveConfig(section, `${CONFIG_FILE}: scan`), file };
}

/**
 * Whether a path (relative to the root, with `/`) is excluded by any of the `exclude` globs (picomatch:
 * `*` within a segment, `**` across segments, `?` one character, and dot files too). A glob that names a
 * folder excludes everything beneath it.
 */
export function excludedBy(globs: readonly string[]): (path: string) => boolean {
    if (globs.length === 0) {
        return () => false;
    }
    return picomatch(
        globs.flatMap((glob) => [glob, `${glob.replace(/\/+$/, '')}/**`]),
        { dot: true }
    );
}

/** `eu-*` style matching of a name against a list of patterns, case-insensitively. */
export function matchesAny(name: string, patterns: readonly string[]): boolean {
    const lower = name.toLowerCase();
    return patterns.some((pattern) => {
        const p = pattern.toLowerCase();
        if (p.includes('*')) {
            const regex = new RegExp(`^${p.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`);
            return regex.test(lower);
        }
        return p === lower;
    });
}

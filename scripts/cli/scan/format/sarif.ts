/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: rule metadata (descriptions, help,
 * tags, precision, security-severity), one result per finding with a physical location relative to
 * %SRCROOT%, the enclosing member as a logical location, a partial fingerprint (our stable
 * fingerprint), baseline state when a baseline is used, and in-source suppressions with their reason.
 */
import { pathToFileURL } from 'node:url';
import type { Location, Log, Region, ReportingDescriptor, Result } from 'sarif';
import { SARIF_FINGERPRINT_KEY } from '../baseline';
import type { RuleDefinition } from '../rules/rule';
import type { Finding, Severity, SuppressedFinding } from '../types';
import { escapeJsonText } from './escape';
import type { Report } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'note'
};

/** GitHub's security-severity scale: >= 9 critical, 7-8.9 high, 4-6.9 medium, 0.1-3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '3.0',
    info: '1.0'
};

function pascal(id: string): string {
    return id
        .split('-')
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join('');
}

function uriOf(path: string): string {
    return path
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
}

function ruleDescriptor(rule: RuleDefinition): ReportingDescriptor {
    const category = rule.category === 'component' ? 'ApexClass' : rule.category;
    return {
        id: rule.id,
        name: pascal(rule.id),
        shortDescription: { text: rule.summary },
        fullDescription: { text: rule.description },
        help: {
            text: `${rule.description} See docs/rules/${rule.id}.md.`,
            markdown: `**${rule.title}**\n\n${rule.description}\n\nSee [docs/rules/${rule.id}.md](docs/rules/${rule.id}.md).`
        },
        defaultConfiguration: { level: LEVEL[rule.severity] },
        properties: {
            tags: [...rule.tags, category],
            precision: rule.precision,
            'security-severity': SECURITY_SEVERITY[rule.severity],
            'problem.severity': LEVEL[rule.severity] === 'note' ? 'recommendation' : LEVEL[rule.severity]
        }
    };
}

export function buildSarif(report: Report): Log {
    const rules = report.rules;
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    const baselined = new Set(report.baselined.map((f) => f.fingerprint));
    const usingBaseline = report.baselined.length > 0;
    const result = (finding: Finding | SuppressedFinding): Result => {
        const region: Region = { startLine: finding.line, startColumn: Math.max(1, finding.column) };
        if (finding.endLine && finding.endLine > finding.line) {
            region.endLine = finding.endLine;
        }
        if (finding.snippet) {
            region.snippet = { text: finding.snippet };
        }
        const location: Location = {
            physicalLocation: { artifactLocation: { uri: uriOf(finding.file), uriBaseId: '%SRCROOT%' }, region }
        };
        if (finding.member) {
            location.logicalLocations = [{ fullyQualifiedName: finding.member, kind: 'member' }];
        }
        const out: Result = {
            ruleId: finding.ruleId,
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [location],
            partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
            properties: {
                severity: finding.severity,
                category: finding.category,
                componentType: finding.componentType,
                componentName: finding.componentName,
                'security-severity': SECURITY_SEVERITY[finding.severity]
            }
        };
        const ruleIndex = index.get(finding.ruleId);
        if (ruleIndex !== undefined) {
            out.ruleIndex = ruleIndex;
        }
        if (usingBaseline) {
            out.baselineState = baselined.has(finding.fingerprint) ? 'unchanged' : 'new';
        }
        if ('suppression' in finding) {
            out.suppressions = [{ kind: 'inSource', justification: finding.suppression.reason }];
        }
        return out;
    };
    const root = report.root.endsWith('/') ? report.root : `${report.root}/`;
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'Warden',
                        fullName: 'Warden compliance scanner',
                        version: report.tool.version,
                        semanticVersion: report.tool.version,
                        rules: rules.map(ruleDescriptor)
                    }
                },
                automationDetails: { id: 'warden-scan/' },
                originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root).href } },
                columnKind: 'utf16CodeUnits',
                results: [...report.findings, ...report.baselined, ...report.suppressed].map(result)
            }
        ]
    };
}

export function formatSarif(report: Report): string {
    return `${escapeJsonText(JSON.stringify(buildSarif(report), null, 2))}\n`;
}

/**
 * What a rule is: metadata (id, severity, category, docs) and a `run` that reports findings through
 * the context. Rules read the shared per-file models and the project context; they never parse.
 */
import type { Span } from '../apex/ast';
import type { ApexFile, MethodUnit } from '../apex/model';
import type { ProjectContext } from '../context';
import type { Category, Severity } from '../types';

export type RuleDefinition = {
    id: string;
    title: string;
    /** Default severity; a finding may carry its own. */
    severity: Severity;
    /** 'component' takes ApexClass or ApexTrigger from the file the finding is in. */
    category: Category | 'component';
    /** One sentence: SARIF shortDescription and the table's legend. */
    summary: string;
    /** What it checks and why, for SARIF fullDescription. */
    description: string;
    tags: string[];
    precision: 'very-high' | 'high' | 'medium' | 'low';
    run(ctx: RuleContext): void;
};

export type ApexReport = {
    unit?: MethodUnit;
    file: ApexFile;
    span: Span;
    message: string;
    severity?: Severity;
    category?: Category;
    /** Overrides the member (default: the unit's). Empty string for none. */
    member?: string;
    /** Overrides the snippet text (default: the source of `span`). */
    snippet?: string;
    /** Extra text mixed into the fingerprint to tell apart findings on the same code. */
    discriminator?: string;
};

export type FileReport = {
    file: string;
    line: number;
    column: number;
    componentType: string;
    componentName: string;
    message: string;
    snippet: string;
    severity?: Severity;
    category?: Category;
    member?: string;
    discriminator?: string;
};

export type RuleContext = {
    project: ProjectContext;
    reportApex(report: ApexReport): void;
    reportFile(report: FileReport): void;
    /** Shared results between rules that use the same analysis (e.g. the PHI data flow). */
    memo<T>(key: string, compute: () => T): T;
};

/** Units a rule looks at: everything outside test code. */
export function productionUnits(file: ApexFile): MethodUnit[] {
    return file.units.filter((unit) => !unit.isTest);
}

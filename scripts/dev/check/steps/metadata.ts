/**
 * `metadata`: consistency of the package's metadata as source files, before any org sees it.
 * - every .xml parses (line and column on failure) and every -meta.xml has the root element and
 *   namespace its suffix implies, in the folder its type belongs in (scripts/cli/lib/metadata.ts);
 * - every object, field, tab, class, app, page and custom permission named in a permission set,
 *   layout, tab, list view, app or custom metadata record exists in the project (standard objects
 *   from a known list); permission sets grant no field access the platform refuses;
 * - API names follow the house style; every apiVersion is at least 62.0;
 * - .forceignore keeps TypeScript and tsconfig.json out (checked with SDR's own ForceIgnore against
 *   sample paths and the real files), and no profile is in the source.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { loadForceIgnore } from '../../lib/forceignore';
import {
    ALLOWED_FIELD_TYPES,
    apexClassNameProblem,
    classifyMetadataFile,
    ClassifiedFile,
    customApiNameProblem,
    isCustomName,
    lwcBundleNameProblem,
    MINIMUM_API_VERSION,
    parseApiVersion,
    STANDARD_FIELDS,
    STANDARD_OBJECTS,
    STANDARD_TAB_PREFIX
} from '../../../cli/lib/metadata';
import { locate } from '../../../cli/lib/position';
import { displayPath, loadProject, projectSourceFiles, SfdxProject } from '../../../cli/lib/project';
import { list, METADATA_NAMESPACE, parseXml, text, XmlDocument, XmlError } from '../../../cli/lib/xml';
import { CheckStep, plural, Problem, unitResult } from '../step';

type Field = { file: string; type: string; required: boolean; calculated: boolean };
type ObjectInfo = { file?: string; customSetting: boolean; fields: Map<string, Field> };

type Parsed = { file: string; display: string; source: string; doc: XmlDocument; classified: ClassifiedFile };

/** Everything the project defines, by kind, for the reference checks. */
type Model = {
    objects: Map<string, ObjectInfo>;
    names: Map<string, Set<string>>;
};

class Reporter {
    readonly problems: Problem[] = [];

    constructor(private readonly root: string) {}

    at(parsed: Parsed, value: string, message: string): void {
        const position = locate(parsed.source, `>${value}<`);
        this.problems.push({
            file: parsed.display,
            line: position?.line,
            column: position ? position.column + 1 : undefined,
            message
        });
    }

    file(file: string, message: string, line?: number, column?: number): void {
        this.problems.push({ file: displayPath(this.root, file), line, column, message });
    }
}

function objectOf(model: Model, name: string): ObjectInfo {
    let info = model.objects.get(name);
    if (!info) {
        info = { customSetting: false, fields: new Map() };
        model.objects.set(name, info);
    }
    return info;
}

function defined(model: Model, type: string, name: string): boolean {
    return model.names.get(type)?.has(name) ?? false;
}

function objectExists(model: Model, name: string): boolean {
    return model.objects.get(name)?.file !== undefined || (!isCustomName(name) && STANDARD_OBJECTS.has(name));
}

function fieldExists(model: Model, objectName: string, fieldName: string): boolean {
    if (model.objects.get(objectName)?.fields.has(fieldName)) {
        return true;
    }
    if (isCustomName(fieldName)) {
        return false;
    }
    return STANDARD_OBJECTS.has(objectName) || STANDARD_FIELDS.has(fieldName);
}

function tabExists(model: Model, tab: string): boolean {
    if (tab.startsWith(STANDARD_TAB_PREFIX)) {
        return STANDARD_OBJECTS.has(tab.slice(STANDARD_TAB_PREFIX.length)) || !tab.includes('__');
    }
    return defined(model, 'CustomTab', tab);
}

/**
 * Reports each `<element><child>name</child></element>` of a permission set whose name is not `granted`:
 * what a permission set grants access to must exist in the project.
 */
function checkGrants(
    parsed: Parsed,
    report: Reporter,
    [element, child]: [string, string],
    granted: (name: string) => boolean,
    problem: (name: string) => string
): void {
    for (const entry of list(parsed.doc.body, element)) {
        const name = text(entry, child);
        if (!granted(name)) {
            report.at(parsed, name, problem(name));
        }
    }
}

function checkFieldPermissions(model: Model, parsed: Parsed, report: Reporter): void {
    for (const entry of list(parsed.doc.body, 'fieldPermissions')) {
        const qualified = text(entry, 'field');
        const [object, field, ...rest] = qualified.split('.');
        if (!field || rest.length > 0) {
            report.at(parsed, qualified, `fieldPermissions field ${qualified} is not of the form Object.Field`);
            continue;
        }
        if (!objectExists(model, object)) {
            report.at(parsed, qualified, `fieldPermissions names object ${object}, which is not in the project`);
            continue;
        }
        if (!fieldExists(model, object, field)) {
            report.at(parsed, qualified, `fieldPermissions names field ${qualified}, which is not in the project`);
            continue;
        }
        const info = model.objects.get(object)?.fields.get(field);
        if (info && (info.required || info.type === 'MasterDetail')) {
            report.at(
                parsed,
                qualified,
                `${qualified} is ${info.required ? 'required' : 'a master-detail field'}: the Metadata API refuses field permissions on it`
            );
        } else if (info && info.calculated && text(entry, 'editable') === 'true') {
            report.at(
                parsed,
                qualified,
                `${qualified} is not writeable (${info.type}/formula) but is granted editable`
            );
        }
    }
}

function checkPermissionSet(model: Model, parsed: Parsed, report: Reporter): void {
    checkGrants(
        parsed,
        report,
        ['objectPermissions', 'object'],
        (object) => objectExists(model, object),
        (object) => `objectPermissions names object ${object}, which is not in the project`
    );
    checkFieldPermissions(model, parsed, report);
    checkGrants(
        parsed,
        report,
        ['tabSettings', 'tab'],
        (tab) => tabExists(model, tab),
        (tab) => `tabSettings names tab ${tab}, which is not in the project`
    );
    checkGrants(
        parsed,
        report,
        ['customMetadataTypeAccesses', 'name'],
        (name) => name.endsWith('__mdt') && objectExists(model, name),
        (name) => `customMetadataTypeAccesses names ${name}, which is not a custom metadata type of the project`
    );
    checkGrants(
        parsed,
        report,
        ['customSettingAccesses', 'name'],
        (name) => model.objects.get(name)?.customSetting === true,
        (name) => `customSettingAccesses names ${name}, which is not a custom setting of the project`
    );
    const references: Array<[string, string, string]> = [
        ['classAccesses', 'apexClass', 'ApexClass'],
        ['applicationVisibilities', 'application', 'CustomApplication'],
        ['pageAccesses', 'apexPage', 'ApexPage'],
        ['customPermissions', 'name', 'CustomPermission']
    ];
    for (const [element, child, type] of references) {
        checkGrants(
            parsed,
            report,
            [element, child],
            (name) => defined(model, type, name),
            (name) => `${element} names ${type} ${name}, which is not in the project`
        );
    }
}

function layoutFields(body: Record<string, unknown>): string[] {
    const fields: string[] = [];
    for (const section of list(body, 'layoutSections')) {
        for (const column of list(section, 'layoutColumns')) {
            for (const item of list(column, 'layoutItems')) {
                const field = text(item, 'field');
                if (field) {
                    fields.push(field);
                }
            }
        }
    }
    return fields;
}

function checkLayout(model: Model, parsed: Parsed, report: Reporter): void {
    const object = parsed.classified.name.split('-')[0];
    if (!objectExists(model, object)) {
        report.file(parsed.file, `layout is for object ${object}, which is not in the project`, 1, 1);
        return;
    }
    for (const field of layoutFields(parsed.doc.body)) {
        if (!fieldExists(model, object, field)) {
            report.at(parsed, field, `layout places field ${object}.${field}, which is not in the project`);
        }
    }
}

function checkTab(model: Model, parsed: Parsed, report: Reporter): void {
    const body = parsed.doc.body;
    const name = parsed.classified.name;
    if (text(body, 'customObject') === 'true' && !objectExists(model, name)) {
        report.file(parsed.file, `tab is for object ${name}, which is not in the project`, 1, 1);
    }
    const component = text(body, 'lwcComponent');
    if (component && !defined(model, 'LightningComponentBundle', component)) {
        report.at(parsed, component, `tab shows LWC ${component}, which is not in the project`);
    }
    const page = text(body, 'flexiPage');
    if (page && !defined(model, 'FlexiPage', page)) {
        report.at(parsed, page, `tab shows FlexiPage ${page}, which is not in the project`);
    }
}

function checkListView(model: Model, parsed: Parsed, report: Reporter): void {
    const object = parsed.classified.objectName ?? '';
    const body = parsed.doc.body;
    const columns = list(body, 'columns').map((entry) => text(entry, '#text'));
    const filters = list(body, 'filters').map((entry) => text(entry, 'field'));
    for (const token of [...columns, ...filters]) {
        if (isCustomName(token) && !token.includes('.') && !fieldExists(model, object, token)) {
            report.at(parsed, token, `list view uses field ${object}.${token}, which is not in the project`);
        }
    }
}

function checkApplication(model: Model, parsed: Parsed, report: Reporter): void {
    const body = parsed.doc.body;
    for (const entry of list(body, 'tabs')) {
        const tab = text(entry, '#text');
        if (!tabExists(model, tab)) {
            report.at(parsed, tab, `app lists tab ${tab}, which is not in the project`);
        }
    }
    const utilityBar = text(body, 'utilityBar');
    if (utilityBar && !defined(model, 'FlexiPage', utilityBar)) {
        report.at(parsed, utilityBar, `app's utility bar ${utilityBar} is not a FlexiPage of the project`);
    }
    for (const element of ['actionOverrides', 'profileActionOverrides']) {
        for (const entry of list(body, element)) {
            const page = text(entry, 'content');
            if (text(entry, 'type') === 'Flexipage' && page && !defined(model, 'FlexiPage', page)) {
                report.at(parsed, page, `${element} shows FlexiPage ${page}, which is not in the project`);
            }
            const object = text(entry, 'pageOrSobjectType');
            if (object && /^[A-Z]/.test(object) && object !== 'standard-home' && !objectExists(model, object)) {
                report.at(parsed, object, `${element} is for object ${object}, which is not in the project`);
            }
        }
    }
}

function checkCustomMetadataRecord(model: Model, parsed: Parsed, report: Reporter): void {
    const [typeStem] = parsed.classified.name.split('.');
    const type = `${typeStem}__mdt`;
    if (!objectExists(model, type)) {
        report.file(parsed.file, `record of custom metadata type ${type}, which is not in the project`, 1, 1);
        return;
    }
    for (const value of list(parsed.doc.body, 'values')) {
        const field = text(value, 'field');
        if (!fieldExists(model, type, field)) {
            report.at(parsed, field, `record sets field ${type}.${field}, which is not in the project`);
        }
    }
}

/** Sample paths that prove what .forceignore keeps out of (and lets into) a deploy. */
async function checkForceIgnore(project: SfdxProject, files: string[], report: Reporter): Promise<void> {
    const forceIgnore = await loadForceIgnore(project.root);
    const dotForceIgnore = join(project.root, '.forceignore');
    if (!forceIgnore.path) {
        report.file(dotForceIgnore, 'missing: TypeScript sources and tsconfig.json would deploy');
        return;
    }
    for (const pkg of project.packageDirectories) {
        const bundle = join(pkg.absolutePath, 'probe', 'lwc', 'probeBundle');
        const expectations: Array<[string, boolean]> = [
            [join(bundle, 'probeBundle.ts'), true],
            [join(bundle, 'tsconfig.json'), true],
            [join(pkg.absolutePath, 'probe', 'lwc', 'tsconfig.json'), true],
            [join(bundle, '__tests__', 'probeBundle.test.ts'), true],
            [join(pkg.absolutePath, 'probe', 'profiles', 'Admin.profile-meta.xml'), true],
            [join(bundle, 'probeBundle.js'), false],
            [join(bundle, 'probeBundle.html'), false],
            [join(bundle, 'probeBundle.js-meta.xml'), false],
            [join(pkg.absolutePath, 'probe', 'classes', 'Probe.cls'), false],
            [join(pkg.absolutePath, 'probe', 'objects', 'Probe__c', 'Probe__c.object-meta.xml'), false]
        ];
        for (const [path, shouldDeny] of expectations) {
            if (forceIgnore.denies(path) !== shouldDeny) {
                report.file(
                    dotForceIgnore,
                    `${shouldDeny ? 'does not keep out' : 'wrongly keeps out'} ${displayPath(project.root, path)}`
                );
            }
        }
    }
    for (const file of files) {
        if ((file.endsWith('.ts') || basename(file) === 'tsconfig.json') && !forceIgnore.denies(file)) {
            report.file(file, '.forceignore does not keep this file out of deploys');
        }
    }
}

function checkNaming(project: SfdxProject, files: string[], report: Reporter): void {
    const folders = new Set<string>();
    for (const file of files) {
        const pkg = project.packageDirectories.find((candidate) => file.startsWith(candidate.absolutePath + sep));
        let dir = dirname(file);
        while (pkg && dir.startsWith(pkg.absolutePath) && dir !== pkg.absolutePath) {
            folders.add(dir);
            dir = dirname(dir);
        }
    }
    for (const folder of [...folders].sort()) {
        const name = basename(folder);
        if (/\s/.test(name)) {
            report.file(folder, `folder name "${name}" contains a space`);
        }
        if (basename(dirname(folder)) === 'lwc') {
            const problem = lwcBundleNameProblem(name);
            if (problem) {
                report.file(folder, problem);
            }
        }
    }
    for (const file of files) {
        const match = /([^/\\]+)\.(cls|trigger)$/.exec(file);
        if (match) {
            const problem = apexClassNameProblem(match[1]);
            if (problem) {
                report.file(file, problem, 1, 1);
            }
        }
    }
}

function buildModel(parsedFiles: Parsed[], report: Reporter): Model {
    const model: Model = { objects: new Map(), names: new Map() };
    for (const parsed of parsedFiles) {
        const { kind, name, objectName } = parsed.classified;
        if (!model.names.has(kind.type)) {
            model.names.set(kind.type, new Set());
        }
        model.names.get(kind.type)?.add(name);
        if (kind.type === 'CustomObject') {
            const info = objectOf(model, name);
            info.file = parsed.file;
            info.customSetting = text(parsed.doc.body, 'customSettingsType') !== '';
        } else if (kind.type === 'CustomField' && objectName) {
            const body = parsed.doc.body;
            const type = text(body, 'type');
            objectOf(model, objectName).fields.set(name, {
                file: parsed.file,
                type,
                required: text(body, 'required') === 'true',
                calculated: text(body, 'formula') !== '' || ['AutoNumber', 'Summary'].includes(type)
            });
        }
        if (kind.type === 'CustomObject' || kind.type === 'CustomField') {
            const problem = customApiNameProblem(name);
            if (problem) {
                report.file(parsed.file, problem, 1, 1);
            }
        }
    }
    for (const [name, info] of model.objects) {
        const special = name.endsWith('__e')
            ? 'platformEvent'
            : name.endsWith('__mdt')
              ? 'customMetadata'
              : info.customSetting
                ? 'customSetting'
                : undefined;
        if (special) {
            for (const [fieldName, field] of info.fields) {
                if (!ALLOWED_FIELD_TYPES[special].includes(field.type)) {
                    const source = readFileSync(field.file, 'utf8');
                    const position = locate(source, `<type>${field.type}<`);
                    report.file(
                        field.file,
                        `${name}.${fieldName} has type ${field.type || '(none)'}, which a ${special.replace(/([A-Z])/g, ' $1').toLowerCase()} does not support (allowed: ${ALLOWED_FIELD_TYPES[special].join(', ')})`,
                        position?.line,
                        position ? position.column + '<type>'.length : undefined
                    );
                }
            }
        }
        if (!info.file && (isCustomName(name) || !STANDARD_OBJECTS.has(name))) {
            const [firstField] = info.fields.values();
            report.file(
                firstField?.file ?? name,
                `fields of object ${name}, but the project has no ${name}.object-meta.xml and ${name} is not a known standard object`
            );
        }
    }
    return model;
}

function checkSourceApiVersion(root: string, project: SfdxProject, report: Reporter): void {
    const sourceVersion = parseApiVersion(project.sourceApiVersion);
    if (!(sourceVersion >= MINIMUM_API_VERSION)) {
        const source = readFileSync(join(root, 'sfdx-project.json'), 'utf8');
        const position = locate(source, '"sourceApiVersion"');
        report.file(
            join(root, 'sfdx-project.json'),
            `sourceApiVersion "${project.sourceApiVersion}" is below ${MINIMUM_API_VERSION}.0 or missing`,
            position?.line,
            position?.column
        );
    }
}

function parseOrReport(file: string, source: string, report: Reporter): XmlDocument | undefined {
    try {
        return parseXml(source);
    } catch (error) {
        if (error instanceof XmlError) {
            report.file(file, `XML does not parse: ${error.message}`, error.line, error.column);
        } else {
            report.file(file, `XML does not parse: ${(error as Error).message}`);
        }
        return undefined;
    }
}

function checkApiVersion(
    file: string,
    source: string,
    doc: XmlDocument,
    kind: ClassifiedFile['kind'],
    report: Reporter
): void {
    const apiVersion = text(doc.body, 'apiVersion');
    if (apiVersion !== '') {
        const version = parseApiVersion(apiVersion);
        if (!(version >= MINIMUM_API_VERSION)) {
            const position = locate(source, `<apiVersion>${apiVersion}`);
            report.file(
                file,
                `apiVersion ${apiVersion} is below ${MINIMUM_API_VERSION}.0`,
                position?.line,
                position ? position.column + '<apiVersion>'.length : undefined
            );
        }
    } else if (kind.requiresApiVersion) {
        report.file(file, `${kind.type} has no <apiVersion> (must be ${MINIMUM_API_VERSION}.0 or later)`);
    }
}

/**
 * Parses one .xml file and, for a -meta.xml file, checks its root element, namespace, folder and
 * apiVersion. Returns the file for the reference checks, or nothing when it cannot take part in them.
 */
function readMetadataFile(root: string, file: string, report: Reporter): Parsed | undefined {
    const source = readFileSync(file, 'utf8');
    const doc = parseOrReport(file, source, report);
    if (!doc || !file.endsWith('-meta.xml')) {
        return undefined;
    }
    const classified = classifyMetadataFile(file);
    if (!classified) {
        report.problems.push({
            file: displayPath(root, file),
            message: `suffix not in scripts/cli/lib/metadata.ts: root element ${doc.root} not checked`,
            severity: 'note'
        });
        return undefined;
    }
    const { kind } = classified;
    const rootPosition = locate(source, `<${doc.root}`);
    if (doc.root !== kind.type) {
        report.file(
            file,
            `root element is <${doc.root}> but a .${kind.suffix}-meta.xml file must be <${kind.type}>`,
            rootPosition?.line,
            rootPosition ? rootPosition.column + 1 : undefined
        );
        return undefined;
    }
    if (doc.namespace !== METADATA_NAMESPACE) {
        report.file(
            file,
            `<${doc.root}> must declare xmlns="${METADATA_NAMESPACE}" (found ${doc.namespace ? `"${doc.namespace}"` : 'none'})`,
            rootPosition?.line,
            rootPosition ? rootPosition.column + 1 : undefined
        );
    }
    if (classified.placementProblem) {
        report.file(file, classified.placementProblem);
    }
    if (kind.type === 'Profile') {
        report.file(file, 'profiles stay out of the source: access comes from permission sets');
    }
    checkApiVersion(file, source, doc, kind, report);
    return { file, display: displayPath(root, file), source, doc, classified };
}

/** The reference check of each type of file that names other metadata. */
const REFERENCE_CHECKS: Partial<Record<string, (model: Model, parsed: Parsed, report: Reporter) => void>> = {
    PermissionSet: checkPermissionSet,
    Layout: checkLayout,
    CustomTab: checkTab,
    ListView: checkListView,
    CustomApplication: checkApplication,
    CustomMetadata: checkCustomMetadataRecord
};

function checkReferences(model: Model, parsedFiles: Parsed[], report: Reporter): void {
    for (const parsed of parsedFiles) {
        REFERENCE_CHECKS[parsed.classified.kind.type]?.(model, parsed, report);
    }
}

export const metadataStep: CheckStep = {
    name: 'metadata',
    description: 'metadata XML parses with the right root, references resolve, names and apiVersion per house style',
    async run(ctx) {
        const project = loadProject(ctx.root);
        const report = new Reporter(ctx.root);
        const files = projectSourceFiles(project);
        checkSourceApiVersion(ctx.root, project, report);
        const xmlFiles = files.filter((file) => file.endsWith('.xml'));
        const parsedFiles: Parsed[] = [];
        for (const file of xmlFiles) {
            const parsed = readMetadataFile(ctx.root, file, report);
            if (parsed) {
                parsedFiles.push(parsed);
            }
        }
        for (const file of files) {
            if (relative(ctx.root, file).split(sep).includes('profiles')) {
                report.file(file, 'profiles stay out of the source: access comes from permission sets');
            }
        }
        const model = buildModel(parsedFiles, report);
        checkReferences(model, parsedFiles, report);
        checkNaming(project, files, report);
        await checkForceIgnore(project, files, report);
        const problems = dedupe(report.problems);
        const errors = problems.filter((problem) => problem.severity !== 'note').length;
        const objects = [...model.objects.values()].filter((info) => info.file).length;
        const fields = [...model.objects.values()].reduce((sum, info) => sum + info.fields.size, 0);
        return unitResult(
            problems,
            `${plural(xmlFiles.length, 'XML file')}, ${plural(objects, 'object')}, ${plural(fields, 'field')}, ${plural(errors, 'error')}`
        );
    }
};

function dedupe(problems: Problem[]): Problem[] {
    const seen = new Set<string>();
    return problems.filter((problem) => {
        const key = `${problem.file}:${problem.line}:${problem.column}:${problem.message}`;
        if (seen.has(key)) {
            return false;
        }
        seen.add(key);
        return true;
    });
}

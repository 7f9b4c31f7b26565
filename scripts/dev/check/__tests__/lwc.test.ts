/**
 * The lwc step on clean and planted-defect bundles (missing keys, unresolved references, stale or missing
 * type-stripped .js, compiler errors), and the reference finder and type-stripper it relies on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleReferences, stripTypes, templateReferences } from '../../lib/lwc';
import { buildLwc } from '../../generate/lwc-js';
import { META, makeTempProject, removeTempProject, runCheck, writeFiles } from './helpers/temp-project';

const LWC = 'force-app/main/console/lwc';
const FORCEIGNORE = { copyFromRepo: ['.forceignore'] };

const PANEL_TS = `import { LightningElement, api, track, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { formatCount } from 'c/formatting';
import TITLE from '@salesforce/label/c.PanelTitle';
import getRows from '@salesforce/apex/PanelController.getRows';
import NAME_FIELD from '@salesforce/schema/Contact.Name';

type Row = { id: string; name: string };

export default class Panel extends LightningElement {
    @api recordId?: string;
    @api rows: Row[] = [];
    @track expanded = false;
    @wire(getRecord, { recordId: '$recordId', fields: [NAME_FIELD] }) contact?: unknown;
    @wire(getRows) rowsFromApex?: unknown;
    title = TITLE;

    get label(): string {
        return formatCount(this.rows.length);
    }

    toggle(): void {
        this.expanded = !this.expanded;
    }
}
`;

const PANEL_HTML = `<template>
    <c-badge label={label}></c-badge>
    <template for:each={rows} for:item="row">
        <p key={row.id}>{row.name}</p>
    </template>
</template>
`;

const CLEAN_BUNDLES: Record<string, string> = {
    'force-app/main/console/labels/CustomLabels.labels-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n    <labels>\n        <fullName>PanelTitle</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>Panel title</shortDescription>\n        <value>Panel</value>\n    </labels>\n</CustomLabels>\n',
    'force-app/main/console/classes/PanelController.cls':
        'public with sharing class PanelController {\n    @AuraEnabled(cacheable=true)\n    public static List<Contact> getRows() {\n        return [SELECT Id FROM Contact WITH USER_MODE LIMIT 10];\n    }\n}\n',
    'force-app/main/console/classes/PanelController.cls-meta.xml': META.apexClass(),
    [`${LWC}/panel/panel.ts`]: PANEL_TS,
    [`${LWC}/panel/panel.html`]: PANEL_HTML,
    [`${LWC}/panel/panel.js-meta.xml`]: META.lwcBundle(true),
    [`${LWC}/panel/__tests__/panel.test.ts`]:
        "import Panel from 'c/panel';\n\nit('exists', () => expect(Panel).toBeDefined());\n",
    [`${LWC}/badge/badge.ts`]:
        "import { LightningElement, api } from 'lwc';\n\nexport default class Badge extends LightningElement {\n    @api label = '';\n}\n",
    [`${LWC}/badge/badge.html`]: '<template>\n    <span class="slds-badge">{label}</span>\n</template>\n',
    [`${LWC}/badge/badge.js-meta.xml`]: META.lwcBundle(),
    [`${LWC}/formatting/formatting.ts`]:
        "export function formatCount(count: number): string {\n    return `${count} item${count === 1 ? '' : 's'}`;\n}\n",
    [`${LWC}/formatting/formatting.js-meta.xml`]: META.lwcBundle()
};

/** The clean bundles, plus a for:each without key and imports (module, label, Apex, field) that resolve to nothing. */
const FLAWED_BUNDLES: Record<string, string> = {
    ...CLEAN_BUNDLES,
    [`${LWC}/noKey/noKey.js`]:
        "import { LightningElement, api } from 'lwc';\n\nexport default class NoKey extends LightningElement {\n    @api items = [];\n}\n",
    [`${LWC}/noKey/noKey.html`]:
        '<template>\n    <template for:each={items} for:item="item">\n        <p>{item.name}</p>\n    </template>\n</template>\n',
    [`${LWC}/noKey/noKey.js-meta.xml`]: META.lwcBundle(),
    [`${LWC}/importer/importer.js`]: [
        "import { LightningElement } from 'lwc';",
        "import { helper } from 'c/missing';",
        "import LABEL from '@salesforce/label/c.NoSuchLabel';",
        "import getRows from '@salesforce/apex/PanelController.getColumns';",
        "import COLOUR from '@salesforce/schema/Contact.Colour__c';",
        '',
        'export default class Importer extends LightningElement {',
        '    value = helper();',
        '    label = LABEL;',
        '    load = getRows;',
        '    field = COLOUR;',
        '}',
        ''
    ].join('\n'),
    [`${LWC}/importer/importer.html`]: '<template>\n    <c-not-there></c-not-there>\n</template>\n',
    [`${LWC}/importer/importer.js-meta.xml`]: META.lwcBundle()
};

describe('lwc step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('passes bundles whose .js is a fresh type-strip, compiled by the platform compiler with decorators kept', async () => {
        root = makeTempProject(CLEAN_BUNDLES, FORCEIGNORE);
        const built = buildLwc(root, { write: true });
        expect(built.map((outcome) => outcome.status)).toEqual(['written', 'written', 'written']);
        const panelJs = readFileSync(join(root, LWC, 'panel/panel.js'), 'utf8');
        expect(panelJs.startsWith('// Generated from panel.ts by scripts/dev/generate/lwc-js.ts')).toBe(true);
        expect(panelJs).toContain('@api recordId;');
        expect(panelJs).toContain('@wire(getRecord, { recordId: "$recordId", fields: [NAME_FIELD] }) contact;');
        expect(panelJs).not.toMatch(/__decorate|: string|type Row/);
        expect(buildLwc(root, { write: false }).every((outcome) => outcome.status === 'up-to-date')).toBe(true);

        const run = await runCheck(root, ['lwc']);
        expect(run.code).toBe(0);
        expect(run.steps[0].summary).toBe('3 bundles, 3 compiled, 6 references resolved, 0 errors');
        expect(run.lastLine).toBe('1 passed, 0 failed');
    }, 300_000);

    it('fails on a for:each without key, unresolved c/, label, Apex and schema imports, and stale or missing .js', async () => {
        root = makeTempProject(FLAWED_BUNDLES, FORCEIGNORE);
        buildLwc(root, { write: true });
        // Missing: a bundle whose .ts was never built.
        writeFiles(root, {
            [`${LWC}/unbuilt/unbuilt.ts`]: 'export const answer: number = 42;\n',
            [`${LWC}/unbuilt/unbuilt.js-meta.xml`]: META.lwcBundle()
        });
        // Stale: the .ts changes after the build, the committed .js does not.
        writeFileSync(
            join(root, LWC, 'badge/badge.ts'),
            CLEAN_BUNDLES[`${LWC}/badge/badge.ts`].replace("label = ''", "label = 'New'")
        );
        const run = await runCheck(root, ['lwc']);
        expect(run.code).toBe(1);
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: `${LWC}/noKey/noKey.html`,
                line: 3,
                column: 9,
                message: expect.stringContaining('LWC1071: Missing key for element <p> inside of iterator')
            })
        );
        expect(run.lines).toContain(
            `${LWC}/importer/importer.js:2:25: c/missing does not resolve: no LWC bundle named "missing" in any package directory`
        );
        expect(run.lines).toContain(
            `${LWC}/importer/importer.js:3:20: @salesforce/label/c.NoSuchLabel does not resolve: no custom label NoSuchLabel in the project`
        );
        expect(run.lines).toContain(
            `${LWC}/importer/importer.js:4:22: @salesforce/apex/PanelController.getColumns does not resolve: PanelController has no @AuraEnabled method getColumns`
        );
        expect(run.lines).toContain(
            `${LWC}/importer/importer.js:5:21: @salesforce/schema/Contact.Colour__c does not resolve: no field Contact.Colour__c in the project`
        );
        expect(run.lines).toContain(
            `${LWC}/importer/importer.html:2:6: c-not-there does not resolve: no LWC bundle named "notThere" in any package directory`
        );
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: `${LWC}/badge/badge.js`,
                line: 5, // two header lines, the import, the class line, then the changed field
                column: 1,
                message: expect.stringMatching(/^stale: differs from a fresh type-strip of .*badge\.ts/)
            })
        );
        expect(run.problems).toContainEqual(
            expect.objectContaining({ file: `${LWC}/unbuilt/unbuilt.js`, message: expect.stringMatching(/^missing: /) })
        );
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);

    it('reports compiler errors in the deployed JavaScript at their line', async () => {
        root = makeTempProject(
            {
                [`${LWC}/broken/broken.js`]:
                    "import { LightningElement } from 'lwc';\nexport default class Broken extends LightningElement {\n    value = ;\n}\n",
                [`${LWC}/broken/broken.js-meta.xml`]: META.lwcBundle()
            },
            FORCEIGNORE
        );
        const run = await runCheck(root, ['lwc']);
        expect(run.code).toBe(1);
        expect(run.problems).toContainEqual(
            expect.objectContaining({ file: `${LWC}/broken/broken.js`, line: 3, column: 13 })
        );
    }, 300_000);
});

describe('lwc references and type-stripping', () => {
    it('finds c/ references in imports and template tags', () => {
        expect(
            moduleReferences("import a from 'c/alpha';\nexport * from \"c/beta\";\nconst g = import('c/gamma');\n")
        ).toEqual([
            { name: 'alpha', written: 'c/alpha', line: 1, column: 16 },
            { name: 'beta', written: 'c/beta', line: 2, column: 16 },
            { name: 'gamma', written: 'c/gamma', line: 3, column: 19 }
        ]);
        expect(templateReferences('<template>\n  <c-risk-heat-map></c-risk-heat-map><c-x/>\n</template>')).toEqual([
            { name: 'riskHeatMap', written: 'c-risk-heat-map', line: 2, column: 4 },
            { name: 'x', written: 'c-x', line: 2, column: 39 }
        ]);
    });

    it('keeps decorators exactly as written (the platform compiler reads them itself)', () => {
        expect(stripTypes("import { api } from 'lwc';\nexport default class A { @api x = 1; }\n", 'a.ts')).toContain(
            '@api x = 1;'
        );
    });
});

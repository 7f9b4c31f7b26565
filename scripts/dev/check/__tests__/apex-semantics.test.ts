/**
 * The apex-semantics step (apex-ls) on planted Apex defects and a clean project, its refusal without a usable
 * Java, its allowlist of false positives, and the patching of apex-ls's Java 21 classes for Java 17.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';
import { findApexLsJars, parseJavaVersion, patchedClasses } from '../../lib/apex-ls';
import { unzip } from '../../lib/zip';
import { ALLOWLIST_FILE, applyAllowlist, loadAllowlist, makeApexSemanticsStep } from '../steps/apex-semantics';
import { META, makeTempProject, removeTempProject, runCheck } from './helpers/temp-project';

const MAIN = 'force-app/main/gate/classes';
const MONITORING = 'force-app/main/monitoring/classes';
const TESTS = 'force-app/tests/gate/classes';
/** Two package directories, as in our sfdx-project.json: tests live apart from the package. */
const SFDX_PROJECT = {
    packageDirectories: [
        { path: 'force-app/main', default: true },
        { path: 'force-app/tests', default: false }
    ],
    name: 'WardenCheckFixture',
    namespace: '',
    sourceApiVersion: '62.0'
};

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** A class implementing a real platform interface that apex-ls does not know: a false positive. */
const EXPORT_POLICY = lines(
    'public with sharing class ExportPolicy implements TxnSecurity.EventCondition {',
    '    public Boolean evaluate(SObject event) {',
    '        return event != null;',
    '    }',
    '}'
);

/** A class with one correct method, and whatever else a case adds (from line 5 on). */
const greeter = (...more: string[]): string =>
    lines(
        'public with sharing class Greeter {',
        '    public static Integer size(String name) {',
        '        return name.length();',
        '    }',
        ...more,
        '}'
    );

/** Its test class in the tests' package directory, with one correct call and any others (line 6 on). */
const greeterTests = (...more: string[]): string =>
    lines(
        '@IsTest',
        'private class Greeter_Tests {',
        '    @IsTest',
        '    static void sizes() {',
        "        Assert.areEqual(3, Greeter.size('Ann'));",
        ...more,
        '    }',
        '}'
    );

const allowlist = (entries: object[]): string => `${JSON.stringify({ falsePositives: entries }, null, 2)}\n`;
const EXPORT_POLICY_ENTRY = {
    file: `${MONITORING}/ExportPolicy.cls`,
    message: "No type declaration found for 'TxnSecurity\\.EventCondition'",
    reason: 'a real Transaction Security interface that apex-ls has no declaration of'
};

function project(files: Record<string, string>): string {
    const withMeta: Record<string, string> = {};
    for (const [path, content] of Object.entries(files)) {
        withMeta[path] = content;
        if (path.endsWith('.cls')) {
            withMeta[`${path}-meta.xml`] = META.apexClass();
        }
    }
    return makeTempProject(withMeta, { sfdxProject: SFDX_PROJECT });
}

/** Apex with one of each issue apex-ls reports, in main and tests, and a stale allowlist entry. */
const FLAWED_PROJECT: Record<string, string> = {
    [`${MAIN}/Greeter.cls`]: greeter(
        '    public static Integer broken(String name) {',
        '        Integer n = name.lengthh();',
        '        String label = 5;',
        "        return 'not a number';",
        '    }'
    ),
    [`${MAIN}/Ranker.cls`]: lines(
        'public with sharing class Ranker {',
        "    private static final List<String> RANK = new List<String>{ 'a', 'b' };",
        '    public static Integer position(String answer) {',
        '        Integer rank = RANK.indexOf(answer);',
        '        return rank;',
        '    }',
        '}'
    ),
    [`${MONITORING}/ExportPolicy.cls`]: EXPORT_POLICY,
    // The tests' package directory is checked too, against the classes of the main one.
    [`${TESTS}/Greeter_Tests.cls`]: greeterTests(
        "        Assert.areEqual(3, Greeter.sizeOf('Ann'));",
        '        Assert.areEqual(3, Nowhere.size());'
    ),
    [ALLOWLIST_FILE]: allowlist([
        EXPORT_POLICY_ENTRY,
        {
            file: `${MAIN}/Greeter.cls`,
            message: "No type declaration found for 'Gone'",
            reason: 'fixed long ago'
        }
    ])
};

describe('apex-semantics step', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('fails on an unknown method, bad types, a hidden field and a stale allowlist entry, in main and tests', async () => {
        root = project(FLAWED_PROJECT);
        const run = await runCheck(root, ['apex-semantics']);
        expect(run.code).toBe(1);
        const errors = run.problems.filter((problem) => problem.severity !== 'note');
        const at = (file: string, line: number, column: number, message: RegExp) =>
            expect.objectContaining({ file, line, column, message: expect.stringMatching(message) });
        expect(errors).toEqual([
            expect.objectContaining({
                file: ALLOWLIST_FILE,
                line: 10,
                message: expect.stringMatching(
                    /^stale allowlist entry: nothing apex-ls reports in .*Greeter\.cls matches/
                )
            }),
            at(`${MAIN}/Greeter.cls`, 6, 21, /^Missing: No matching method found for 'lengthh' on 'System\.String'/),
            at(
                `${MAIN}/Greeter.cls`,
                7,
                16,
                /^Error: Incompatible types in assignment, from 'System\.Integer' to 'System\.String'$/
            ),
            at(
                `${MAIN}/Greeter.cls`,
                8,
                9,
                /^Error: Incompatible return type, 'System\.String' is not assignable to 'System\.Integer'$/
            ),
            at(
                `${MAIN}/Ranker.cls`,
                4,
                9,
                // apex-ls's absolute path inside the message is made project-relative.
                /^Warning: Local variable is hiding class field 'rank', see force-app\/main\/gate\/classes\/Ranker\.cls: line 2/
            ),
            at(`${TESTS}/Greeter_Tests.cls`, 6, 28, /^Missing: No matching method found for 'sizeOf' on 'Greeter'/),
            at(`${TESTS}/Greeter_Tests.cls`, 7, 28, /^Missing: No variable or type found for 'Nowhere'/)
        ]);
        expect(run.problems).toContainEqual(
            expect.objectContaining({
                file: `${MONITORING}/ExportPolicy.cls`,
                line: 1,
                severity: 'note',
                message: expect.stringContaining('known apex-ls false positive')
            })
        );
        expect(run.lines).toContainEqual(
            "force-app/main/gate/classes/Greeter.cls:6:21: Missing: No matching method found for 'lengthh' on 'System.String' taking no arguments"
        );
        expect(run.steps[0].summary).toMatch(
            /^4 Apex files, 6 issues, 1 allowed false positive, 1 stale allowlist entry \(apex-ls /
        );
        expect(run.lastLine).toBe('0 passed, 1 failed');
    }, 300_000);

    it('passes correct Apex whose only issue is an allowlisted false positive, printed as a note', async () => {
        root = project({
            [`${MAIN}/Greeter.cls`]: greeter(),
            [`${MONITORING}/ExportPolicy.cls`]: EXPORT_POLICY,
            [`${TESTS}/Greeter_Tests.cls`]: greeterTests(),
            [ALLOWLIST_FILE]: allowlist([EXPORT_POLICY_ENTRY])
        });
        const run = await runCheck(root, ['apex-semantics']);
        expect(run.code).toBe(0);
        expect(run.problems).toEqual([expect.objectContaining({ file: EXPORT_POLICY_ENTRY.file, severity: 'note' })]);
        expect(run.steps[0].summary).toMatch(/^3 Apex files, 0 issues, 1 allowed false positive \(apex-ls /);
        expect(run.lastLine).toBe('1 passed, 0 failed');
    }, 300_000);
});

describe('apex-semantics step without a usable Java', () => {
    let root: string | undefined;
    let bin: string;
    beforeEach(() => {
        bin = mkdtempSync(join(tmpdir(), 'warden-fake-java-'));
        root = project({ [`${MAIN}/Greeter.cls`]: 'public with sharing class Greeter {}\n' });
    });
    afterEach(() => {
        rmSync(bin, { recursive: true, force: true });
        removeTempProject(root);
    });

    it('fails saying what to install when java is missing', async () => {
        const result = await makeApexSemanticsStep({ java: join(bin, 'java') }).run({ root: root as string });
        expect(result.failed).toBe(1);
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0].message).toMatch(/needs Java 17 or later, and `.*java` could not be started/);
        expect(result.problems[0].message).toContain('openjdk-17-jre-headless');
    });

    it('fails saying what to install when java is too old', async () => {
        const java = join(bin, 'java');
        writeFileSync(java, `#!/bin/sh\necho 'openjdk version "11.0.22" 2024-01-16' >&2\n`);
        chmodSync(java, 0o755);
        const result = await makeApexSemanticsStep({ java }).run({ root: root as string });
        expect(result.failed).toBe(1);
        expect(result.problems[0].message).toMatch(/needs Java 17 or later, and `.*java` is Java 11 \(openjdk/);
        expect(result.problems[0].message).toContain('openjdk-17-jre-headless');
    });
});

describe('apex-semantics: Java versions and the allowlist', () => {
    let root: string | undefined;
    afterEach(() => removeTempProject(root));

    it('reads the major version of old and new java -version lines', () => {
        expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
        expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toBe(21);
        expect(parseJavaVersion('java version "1.8.0_392"')).toBe(8);
        expect(parseJavaVersion('no java here')).toBeUndefined();
    });

    it('rejects allowlist entries without a reason or with a bad pattern, and matches whole messages only', () => {
        root = makeTempProject({
            [ALLOWLIST_FILE]: allowlist([
                { file: 'a.cls', message: 'Unknown field .*', reason: '' },
                { file: 'a.cls', message: 'Unknown (field', reason: 'typo' },
                { file: 'a.cls', message: "Unknown field 'X'", reason: 'apex-ls lacks X' }
            ])
        });
        const loaded = loadAllowlist(root);
        expect(loaded.problems.map((problem) => problem.message)).toEqual([
            'invalid allowlist: falsePositives[0] needs a non-empty reason',
            expect.stringMatching(/^invalid allowlist: falsePositives\[1\]\.message is not a regular expression/)
        ]);
        expect(loaded.entries).toHaveLength(1);
        const issue = (file: string, message: string) => ({ file, line: 1, column: 1, category: 'Missing', message });
        const sorted = applyAllowlist(
            [
                issue('a.cls', "Unknown field 'X'"),
                issue('a.cls', "Unknown field 'X' on SObject 'Y'"),
                issue('b.cls', "Unknown field 'X'")
            ],
            loaded.entries
        );
        expect(sorted.allowed).toEqual([issue('a.cls', "Unknown field 'X'")]);
        expect(sorted.failing).toHaveLength(2);
        expect(sorted.stale).toEqual([]);
        expect(applyAllowlist([], loaded.entries).stale).toEqual(loaded.entries);
    });
});

/** A minimal jar: stored or deflated entries, as jar tools write them. */
function makeJar(entries: Record<string, { data: Buffer; deflate?: boolean }>): Promise<Buffer> {
    const jar = new JSZip();
    for (const [name, { data, deflate }] of Object.entries(entries)) {
        jar.file(name, data, { compression: deflate ? 'DEFLATE' : 'STORE' });
    }
    return jar.generateAsync({ type: 'nodebuffer' });
}

/** The first bytes of a class file of the given major version, then a fake body. */
function classFile(major: number, body: string): Buffer {
    const head = Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0]);
    head.writeUInt16BE(major, 6);
    return Buffer.concat([head, Buffer.from(body)]);
}

function filesUnder(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
        .sort();
}

describe('apex-ls class file patching', () => {
    let work: string;
    beforeEach(() => {
        work = mkdtempSync(join(tmpdir(), 'warden-apexls-cache-'));
    });
    afterEach(() => rmSync(work, { recursive: true, force: true }));

    it('copies only the classes above Java 17 into a cache keyed by the jar hash, and never edits the jar', async () => {
        const jar = join(work, 'apex-ls_2.13-9.9.9.jar');
        const cache = join(work, 'cache');
        writeFileSync(
            jar,
            await makeJar({
                'META-INF/MANIFEST.MF': { data: Buffer.from('Manifest-Version: 1.0\n') },
                'p/Api.class': { data: classFile(65, 'api'), deflate: true },
                'p/Old.class': { data: classFile(52, 'old') },
                'q/Latest.class': { data: classFile(61, 'latest'), deflate: true }
            })
        );
        const original = readFileSync(jar);
        const first = await patchedClasses(jar, cache);
        expect(first).toMatchObject({ built: true, patched: ['p/Api.class'] });
        expect(filesUnder(first.classesDir)).toEqual(['p/Api.class']);
        expect(readFileSync(join(first.classesDir, 'p/Api.class'))).toEqual(classFile(61, 'api'));
        expect(readFileSync(jar)).toEqual(original);

        const again = await patchedClasses(jar, cache);
        expect(again).toEqual({ ...first, built: false });

        writeFileSync(
            jar,
            await makeJar({
                'p/Api.class': { data: classFile(65, 'api v2'), deflate: true },
                'p/Next.class': { data: classFile(66, 'next') }
            })
        );
        const rebuilt = await patchedClasses(jar, cache);
        expect(rebuilt.built).toBe(true);
        expect(rebuilt.classesDir).not.toBe(first.classesDir);
        expect(filesUnder(rebuilt.classesDir)).toEqual(['p/Api.class', 'p/Next.class']);
        expect(readFileSync(join(rebuilt.classesDir, 'p/Next.class')).readUInt16BE(6)).toBe(61);
    });

    // It reads the whole shipped jar twice: about 3.5 s alone, past Jest's 5 s default on a busy machine.
    it('patches exactly the 21 Java 21 classes of the shipped apex-ls jar', async () => {
        const { jar } = findApexLsJars();
        const result = await patchedClasses(jar, join(work, 'cache'));
        expect(result.patched).toHaveLength(21);
        for (const name of result.patched) {
            expect(name).toMatch(
                /^(io\/github\/apexdevtools\/apexls\/(api|types)|com\/vmware\/antlr4c3)\/[^/]+\.class$/
            );
            expect(readFileSync(join(result.classesDir, name)).readUInt16BE(6)).toBe(61);
        }
        const versions = new Set(
            [...(await unzip(readFileSync(jar)))]
                .filter(([name]) => name.endsWith('.class') && !result.patched.includes(name))
                .map(([, data]) => data.readUInt16BE(6))
        );
        expect([...versions].every((version) => version <= 61)).toBe(true);
    }, 60_000);
});

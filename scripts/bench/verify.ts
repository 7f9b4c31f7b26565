/**
 * `npm run bench:verify`: verification speed of the inference log chain. Builds a chained log of 1,000,000
 * entries in memory (Node crypto), then times verifyChain with Node's SHA-256 (what `warden verify` uses)
 * and the Merkle root over all one million entry hashes; a smaller run times the pure TypeScript SHA-256
 * that the console uses in the browser. Prints entries per second and seconds.
 *
 *   npx tsx scripts/bench/verify.ts [--entries N] [--pure-entries N]
 */
import { PURE_HASHER, merkleRoot, verifyChain } from '../../force-app/main/gate/lwc/wardenPolicy/wardenPolicy';
import { NODE_HASHER } from '../verify/chain';
import { sampleLog } from '../verify/sample-log';

function option(args: string[], name: string, fallback: number): number {
    const index = args.indexOf(name);
    return index >= 0 ? Number(args[index + 1]) : fallback;
}

function timed<T>(run: () => T): { value: T; seconds: number; cpuSeconds: number } {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const value = run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    return { value, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

export function main(args: string[]): number {
    const count = option(args, '--entries', 1_000_000);
    const pureCount = option(args, '--pure-entries', 50_000);
    process.stdout.write(`Building a chained log of ${count.toLocaleString('en-US')} entries...\n`);
    const build = timed(() => sampleLog(count, NODE_HASHER));
    const log = build.value;
    process.stdout.write(`  built in ${build.seconds.toFixed(2)} s\n`);

    const verify = timed(() => verifyChain(log, { hasher: NODE_HASHER }));
    if (!verify.value.ok) {
        process.stderr.write(`The generated log does not verify: ${verify.value.break?.message}\n`);
        return 1;
    }
    const perSecond = count / verify.seconds;
    process.stdout.write(
        `verify (Node SHA-256): ${count.toLocaleString('en-US')} entries in ${verify.seconds.toFixed(2)} s = ${Math.round(perSecond).toLocaleString('en-US')} entries/s (CPU ${verify.cpuSeconds.toFixed(2)} s = ${Math.round(count / verify.cpuSeconds).toLocaleString('en-US')} entries/CPU-s); target >= 200,000 entries/s\n`
    );

    const hashes = log.map((e) => String(e.EntryHash__c));
    const merkle = timed(() => merkleRoot(hashes, NODE_HASHER));
    process.stdout.write(
        `Merkle root of ${count.toLocaleString('en-US')} entries: ${merkle.seconds.toFixed(2)} s (CPU ${merkle.cpuSeconds.toFixed(2)} s); target < 5 s; root ${merkle.value}\n`
    );

    const sample = log.slice(0, pureCount);
    const pure = timed(() => verifyChain(sample, { hasher: PURE_HASHER }));
    process.stdout.write(
        `verify (pure TypeScript SHA-256, as in the browser): ${pureCount.toLocaleString('en-US')} entries in ${pure.seconds.toFixed(2)} s = ${Math.round(pureCount / pure.seconds).toLocaleString('en-US')} entries/s\n`
    );
    const ok = perSecond >= 200_000 && merkle.seconds < 5;
    process.stdout.write(
        ok ? 'Targets met.\n' : 'Targets NOT met on this run (see the CPU figures when the machine is busy).\n'
    );
    return 0;
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}

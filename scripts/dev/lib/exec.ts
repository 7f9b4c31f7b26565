/**
 * Runs an external program and collects its output, for the tools that only have a command line
 * (tsc, jest, git). Never throws on a non-zero exit: the caller decides what the code means. A
 * program that cannot be started, or that outlives its timeout, rejects with a clear message.
 */
import { spawn } from 'node:child_process';

export type ProcessResult = {
    code: number;
    stdout: string;
    stderr: string;
};

export type ProcessOptions = {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    /** Milliseconds before the process (and its group) is killed. Default: 10 minutes. */
    timeoutMs?: number;
};

export function runProcess(command: string, args: string[], options: ProcessOptions): Promise<ProcessResult> {
    const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000;
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(new Error(`could not start ${command}: ${error.message}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut) {
                reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s`));
                return;
            }
            resolve({
                code: code ?? (signal ? 128 : 1),
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8')
            });
        });
    });
}

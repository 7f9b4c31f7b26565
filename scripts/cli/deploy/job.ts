/**
 * `warden deploy report --job-id <id>` and `warden deploy resume --job-id <id>`: follow a package deploy
 * that is still running in the org (started with --async, or still running when --wait ran out), as
 * `sf project deploy report` and `sf project deploy resume` do. report looks once; resume polls until
 * the deploy ends or --wait runs out. Neither changes anything in the org.
 */
import { connect } from '../org/auth';
import { DeployStatus, OrgClient } from '../org/client';
import { isCredentialError, OrgError, toOrgError } from '../org/errors';
import { orgSession, waitLine } from '../org/session';
import { progressLine } from './render';
import type { DeployIo, DeployOptions } from './run';
import { describeFailure, followUp, waitForDeploy } from './steps/package';

type JobReport = {
    jobId: string;
    status?: string;
    done?: boolean;
    success?: boolean;
    componentsDeployed?: number;
    componentsTotal?: number;
    testsCompleted?: number;
    testErrors?: number;
    problems: string[];
    exitCode: number;
    error?: string;
};

/** What the job's final (or current) status means, in lines for the admin, and the exit code. */
function outcome(status: DeployStatus, id: string): { lines: string[]; code: number } {
    if (!status.done) {
        return { lines: [`The deploy ${id} is still running (${status.status}). ${followUp(id)}`], code: 1 };
    }
    if (status.success) {
        const tests = status.numberTestsTotal > 0 ? `, ${status.numberTestsCompleted} tests passed` : '';
        return {
            lines: [
                `The deploy ${id} succeeded: ${status.numberComponentsDeployed}/${status.numberComponentsTotal} components${tests}.`,
                status.checkOnly
                    ? 'It was a validation (--check-only): nothing was saved.'
                    : 'Run warden deploy again to apply the steps after the package: it finds the package deployed.'
            ],
            code: 0
        };
    }
    // Outside a project run the zip's own file names are the best names there are.
    const problems = describeFailure(status, (_type, _name, file) => file);
    return {
        lines: [
            `The deploy ${id} ended ${status.status}: ${status.numberComponentErrors} component error(s), ` +
                `${status.numberTestErrors} test failure(s). Salesforce rolled it back.`,
            ...problems.map((line) => `  ${line}`)
        ],
        code: 1
    };
}

export async function runJob(
    action: 'report' | 'resume',
    jobId: string,
    options: DeployOptions,
    io: DeployIo
): Promise<number> {
    const report: JobReport = { jobId, problems: [], exitCode: 0 };
    const finish = (code: number, lines: string[], error?: OrgError): number => {
        report.exitCode = code;
        if (error) report.error = error.describe();
        if (options.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
        else if (error) io.stderr(`warden deploy ${action}: ${error.describe()}\n`);
        else io.stdout(lines.join('\n') + '\n');
        return code;
    };
    const { sleep, now, retry } = orgSession(options.waitMinutes, io);
    let client: OrgClient;
    try {
        client = await connect(options, {
            apiVersion: options.apiVersion ?? '62.0',
            env: io.env,
            retry,
            requestTimeoutMs: io.requestTimeoutMs,
            warn: (message) => io.stderr(`warning: ${message}\n`),
            onWait: (notice) => io.stderr(waitLine(notice))
        });
    } catch (thrown) {
        return finish(2, [], toOrgError(thrown, 'sign in'));
    }
    let status: DeployStatus;
    try {
        status = await client.checkDeployStatus(jobId, true);
        if (action === 'resume' && !status.done) {
            status = await waitForDeploy(client, jobId, {
                sleep,
                now,
                deadline: retry.deadline ?? Number.POSITIVE_INFINITY,
                waitMinutes: options.waitMinutes,
                pollIntervalMs: io.pollIntervalMs ?? 2000,
                onProgress: (current) => {
                    if (!options.json) io.stderr(`${progressLine(current)}\n`);
                }
            });
        }
    } catch (thrown) {
        const error = toOrgError(thrown, `${action} the deploy ${jobId}`, client.secrets());
        if (error.code === 'INVALID_ID_FIELD' || error.code === 'INVALID_CROSS_REFERENCE_KEY') {
            return finish(
                2,
                [],
                new OrgError(
                    'other',
                    `This org has no deploy job ${jobId}.`,
                    error.code,
                    'Check the job id (printed when the deploy started) and that the org options name the org it ran in.'
                )
            );
        }
        return finish(isCredentialError(error) ? 2 : 1, [], error);
    }
    const { lines, code } = outcome(status, jobId);
    Object.assign(report, {
        status: status.status,
        done: status.done,
        success: status.success,
        componentsDeployed: status.numberComponentsDeployed,
        componentsTotal: status.numberComponentsTotal,
        testsCompleted: status.numberTestsCompleted,
        testErrors: status.numberTestErrors,
        problems: status.done && !status.success ? lines.slice(1).map((line) => line.trim()) : []
    });
    if (!options.json) io.stderr(`${progressLine(status)}\n`);
    return finish(code, lines);
}

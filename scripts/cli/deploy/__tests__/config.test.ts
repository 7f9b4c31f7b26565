/**
 * warden.deploy.json validation: the shipped example parses, defaults are sane, and every malformed
 * value is refused with its path before anything touches an org.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEDULES, parseAssignment, parseConfig, validateCron } from '../config';
import { apexString, scheduleScript } from '../steps/schedules';
import { changeEventName } from '../components';

describe('deploy configuration', () => {
    it('parses the shipped example', () => {
        const example = JSON.parse(
            readFileSync(join(__dirname, '../../../../config/warden.deploy.example.json'), 'utf8')
        );
        const config = parseConfig(example);
        expect(config.assignments).toHaveLength(4);
        expect(config.eventSubscriber).toEqual({ user: 'warden.integration@example-clinic.org', batchSize: 200 });
        expect(config.changeDataCapture.objects).toEqual(['Contact', 'PatientConsent__c']);
        expect(config.schedules).toEqual(DEFAULT_SCHEDULES);
    });

    it('defaults everything when there is no file', () => {
        const config = parseConfig({});
        expect(config.assignments).toEqual([]);
        expect(config.eventSubscriber).toEqual({ user: undefined, batchSize: 200 });
        expect(config.realTimeEvents).toEqual({ enabled: true, storage: true, streaming: true });
        expect(config.transactionSecurity).toMatchObject({
            enabled: true,
            block: false,
            events: ['ReportEvent', 'ApiEvent']
        });
        expect(config.schedules).toEqual(DEFAULT_SCHEDULES);
    });

    it.each([
        [{ assigments: {} }, 'unknown key(s) assigments'],
        [{ assignments: { WardenRoot: ['a@b.c'] } }, 'assignments has unknown key(s) WardenRoot'],
        [{ assignments: { WardenAdmin: 'a@b.c' } }, 'assignments.WardenAdmin must be a list'],
        [
            { assignments: { WardenAdmin: ["x' OR Name != '"] } },
            'assignments.WardenAdmin[0] must be a Salesforce username'
        ],
        [{ eventSubscriber: { batchSize: 0 } }, 'batchSize must be a whole number from 1 to 2000'],
        [{ eventSubscriber: { batchSize: 2001 } }, 'batchSize must be a whole number from 1 to 2000'],
        [{ transactionSecurity: { events: ['LoginEvent'] } }, 'transactionSecurity.events must be a non-empty list'],
        [{ transactionSecurity: { block: 'yes' } }, 'transactionSecurity.block must be true or false'],
        [
            { changeDataCapture: { objects: ['Contact; DROP'] } },
            'changeDataCapture.objects must be a list of object API names'
        ],
        [
            { schedules: { chainCheckpoint: "0 0 * * * ?'); System.abortJob('x" } },
            'has characters an Apex cron expression does not allow'
        ],
        [{ schedules: { consentExpirySweep: '0 0 1 1 * 1' } }, 'one of day-of-month and day-of-week must be "?"'],
        [{ schedules: { nightly: '0 0 1 * * ?' } }, 'schedules has unknown key(s) nightly']
    ])('refuses %j', (raw, message) => {
        expect(() => parseConfig(raw)).toThrow(message);
    });

    it('turns a job off with null', () => {
        expect(parseConfig({ schedules: { chainCheckpoint: null } }).schedules.chainCheckpoint).toBeNull();
    });

    it('parses --assign values', () => {
        expect(parseAssignment('WardenAuditor=audit@example.org')).toEqual({
            permissionSet: 'WardenAuditor',
            username: 'audit@example.org'
        });
        expect(() => parseAssignment('Admin=audit@example.org')).toThrow('must be one of');
        expect(() => parseAssignment('WardenAdmin=')).toThrow('must be a Salesforce username');
    });

    it('validates cron expressions the way Apex reads them', () => {
        expect(validateCron('0 5 * * * ?')).toBeUndefined();
        expect(validateCron('0 0 7 1 1,4,7,10 ? 2030')).toBeUndefined();
        expect(validateCron('* 5 * * * ?')).toContain('seconds field');
    });
});

describe('generated Apex and names', () => {
    it('escapes every string it writes into anonymous Apex', () => {
        expect(apexString("it's \\ new\nline")).toBe("'it\\'s \\\\ new\\nline'");
        const script = scheduleScript([
            { key: 'chainCheckpoint', jobName: "Warden: it's", className: 'ChainCheckpointJob', cron: '0 5 * * * ?' }
        ]);
        expect(script).toContain("CronJobDetail.Name = 'Warden: it\\'s'");
        expect(script).toContain("System.schedule('Warden: it\\'s', '0 5 * * * ?', new ChainCheckpointJob());");
        expect(() =>
            scheduleScript([
                { key: 'chainCheckpoint', jobName: 'x', className: 'Foo(); delete x', cron: '0 5 * * * ?' }
            ])
        ).toThrow('not an Apex class name');
    });

    it('names change events as Salesforce does', () => {
        expect(changeEventName('Contact')).toBe('ContactChangeEvent');
        expect(changeEventName('PatientConsent__c')).toBe('PatientConsent__ChangeEvent');
    });
});

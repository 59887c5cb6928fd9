import { describe, expect, it } from 'vitest';
import { journald } from '../../../src/parsers/formats/journald.ts';
import { makeCtx } from '../../harness/parsers.ts';

describe('journald', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'sudo through the shared auth extraction', input: '{"__REALTIME_TIMESTAMP":"1700000000000000","_HOSTNAME":"h","SYSLOG_IDENTIFIER":"sudo","MESSAGE":"    tsg : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/ls"}', expected: { action: 'sudo', outcome: 'failure', 'init.usr.name': 'tsg' } },
    { name: 'a field written twice is an array: first value', input: '{"__REALTIME_TIMESTAMP":"1700000000000000","SYSLOG_IDENTIFIER":["a","b"],"MESSAGE":"m"}', expected: { 'app.name': 'a', 'data.SYSLOG_IDENTIFIER': '["a","b"]' } },
    { name: 'no facility: only the severity', input: '{"__REALTIME_TIMESTAMP":"1700000000000000","PRIORITY":"4","MESSAGE":"m"}', expected: { 'alarm.sev': 'warning' } },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    const r = journald.parse(input, makeCtx());
    expect(r.ok && r.value).toMatchObject(expected);
    expect(r.ok && r.value['data.syslog.facility']).not.toBe('user');
  });

  it('refuses other JSON', () => expect(journald.parse('{"MESSAGE":"x"}', makeCtx()).ok).toBe(false));
});

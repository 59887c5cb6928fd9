import { describe, expect, it } from 'vitest';
import { kv } from '../../../src/parsers/formats/kv.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

describe('kv cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'curly quotes', input: 'a=”x y” b=1 c=2', expected: { 'data.a': 'x y', 'data.b': '1' } },
    { name: 'escaped quote', input: 'msg="say \\"hi\\"" src=1.2.3.4 dst=5.6.7.8 proto=6', expected: { message: 'say "hi"', type: 'FW' } },
    { name: 'unterminated quote runs to the end', input: 'a=1 b=2 msg="broken value here', expected: { 'data.msg': 'broken value here' } },
    { name: 'FortiGate eventtime in ns', input: 'eventtime=1700000000123456789 srcip=1.1.1.1 dstip=2.2.2.2', expected: { ts: 1700000000123 } },
    { name: 'date + time pair', input: 'date=2024-01-18 time=11:07:53 srcip=1.1.1.1', expected: { ts: Date.UTC(2024, 0, 18, 11, 7, 53), 'ts.guess': 'zone' } },
    { name: 'iptables LOG', input: 'IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.9 DST=10.0.0.2 LEN=60 TTL=49 PROTO=TCP SPT=51514 DPT=22 WINDOW=29200 SYN', expected: { 'init.host.ip': '203.0.113.9', 'target.host.ip': '10.0.0.2', 'init.host.port': 51514, 'target.host.port': 22, type: 'FW', 'data.OUT': '' } },
    { name: '__proto__ key is harmless', input: '__proto__=polluted constructor=x toString=y', expected: { 'data.__proto__': 'polluted', 'data.constructor': 'x', 'data.toString': 'y' } },
    { name: 'auditd node= prefix', input: 'node=web01 type=USER_LOGIN msg=audit(1364481363.243:24288): pid=1 uid=0 msg=\'op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.4 terminal=sshd res=success\'', expected: { 'obs.host.name': 'web01', outcome: 'success', 'target.usr.name': 'alice', 'init.host.ip': '203.0.113.4' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(kv, c.input)).toMatchObject(c.expected));
  const refused: string[] = [
    'no pairs at all',
    '',
  ];
  for (const r of refused) it(`refuses ${JSON.stringify(r.slice(0, 40))}`, () => expect(kv.parse(r, makeCtx()).ok).toBe(false));
});

import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';

describe('kv hostile and corpus', () => {
  it('a __proto__ key does not touch Object.prototype', () => {
    const ev = parseOk(kv, '__proto__=x polluted=1 a=b');
    expect(Object.getPrototypeOf(ev)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(ev)).toContain('data.__proto__');
  });
  it('reads every auditd line of the OTRF sh_arp_cache sample', needsCorpus, () => {
    const zip = unzipSync(readFileSync(corpusPath('otrf-security-datasets/datasets/atomic/linux/discovery/host/sh_arp_cache.zip')));
    const text = Object.values(zip).map((b) => new TextDecoder().decode(b)).join('\n');
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(5);
    const ctx = makeCtx();
    for (const l of lines) {
      const ev = parseOk(kv, l, ctx);
      expect(ev['app.name']).toBe('auditd');
      expect(ev.ts).toBe(1604994496155);
    }
  });
});

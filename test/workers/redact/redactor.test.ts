// The redactor alone: each kind of value gets its pseudonym, the same value always the same one, free text has
// the values found in it replaced (and nothing else), per-field choices win over the defaults, and the mapping
// table gives every original back.
import { describe, expect, it } from 'vitest';
import { Redactor, fieldKind } from '../../../src/workers/redact/redactor.ts';
import type { EventFields } from '../../../src/core/schema.ts';

const ev = (o: Record<string, string | number>): EventFields => Object.assign(Object.create(null) as EventFields, o);

describe('Redactor', () => {
  it('gives each kind its pseudonym range, consistently per value', () => {
    const r = new Redactor();
    expect(r.value('init.host.ip', '203.0.113.7')).toBe('10.0.0.1');
    expect(r.value('target.host.ip', '198.51.100.1')).toBe('10.0.0.2');
    expect(r.value('data.IpAddress', '203.0.113.7')).toBe('10.0.0.1');
    expect(r.value('init.host.ip', 'fe80::1')).toBe('2001:db8::1');
    expect(r.value('target.usr.name', 'alice')).toBe('user-1');
    expect(r.value('data.TargetUserName', 'bob')).toBe('user-2');
    expect(r.value('init.usr.name', 'alice')).toBe('user-1');
    expect(r.value('obs.host.name', 'DC01')).toBe('host-1');
    expect(r.value('data.WorkstationName', 'WKS7')).toBe('host-2');
    expect(r.value('target.host.mac', 'AA:BB:CC:DD:EE:0F')).toBe('02:00:00:00:00:01');
    expect(r.value('mail.from', 'ceo@corp.example')).toBe('mail-1@example.com');
    // numbers of other kinds, times and our bookkeeping stay
    expect(r.value('init.host.port', 22)).toBe(22);
    expect(r.value('ts', 1700000000000)).toBe(1700000000000);
    expect(r.value('outcome', 'failure')).toBe('failure');
    expect(r.value('target.usr.name', '-')).toBe('-');
    // the 256th IPv4 carries into the next octet; all distinct
    for (let i = 3; i <= 256; i++) r.value('init.host.ip', `198.18.${i >> 8}.${i & 255}`);
    expect(r.value('init.host.ip', '198.18.1.0')).toBe('10.0.1.0');
    const ips = r.mapping().filter((m) => m.kind === 'ip').map((m) => m.pseudonym);
    expect(new Set(ips).size).toBe(ips.length);
  });

  it('replaces addresses, e-mails, MACs, URL hosts and the event\'s own user and host in free text', () => {
    const r = new Redactor();
    const e = r.event(ev({
      'obs.host.name': 'web01', 'target.usr.name': 'root', 'init.host.ip': '203.0.113.5', 'init.host.port': 51234,
      raw: 'Mar  1 00:00:00 web01 sshd[12]: Failed password for root from 203.0.113.5 port 51234 ssh2 (rooted? no) '
        + 'mail bob@corp.example.org url https://evil.example.com:8443/x?y=1 mac aa-bb-cc-dd-ee-ff v6 2001:db8:1::5 '
        + 'std::vector 12:30:45 1.2.3.999 v1.2.3.4',
    }));
    expect(e['obs.host.name']).toBe('host-1');
    expect(e['target.usr.name']).toBe('user-1');
    expect(e['init.host.ip']).toBe('10.0.0.1');
    expect(e['init.host.port']).toBe(51234);
    expect(e.raw).toBe('Mar  1 00:00:00 host-1 sshd[12]: Failed password for user-1 from 10.0.0.1 port 51234 ssh2 (rooted? no) '
      + 'mail mail-1@example.com url https://host-2:8443/x?y=1 mac 02:00:00:00:00:01 v6 2001:db8::1 '
      + 'std::vector 12:30:45 1.2.3.999 v1.2.3.4');
  });

  it('never changes the event it is given', () => {
    const r = new Redactor();
    const original = ev({ 'target.usr.name': 'root', message: 'Failed password for root from 203.0.113.5' });
    const copy = { ...original };
    r.event(original);
    expect({ ...original }).toEqual(copy);
  });

  it('per-field choices win over the defaults', () => {
    const r = new Redactor({ fields: { 'obs.host.name': 'keep', 'data.Custom': 'user', message: 'keep' } });
    const e = r.event(ev({ 'obs.host.name': 'web01', 'data.Custom': 'carol', message: 'from 203.0.113.5', raw: 'web01 carol 203.0.113.5' }));
    expect(e['obs.host.name']).toBe('web01');
    expect(e['data.Custom']).toBe('user-1');
    expect(e.message).toBe('from 203.0.113.5');
    expect(e.raw).toBe('web01 user-1 10.0.0.1');
  });

  it('the mapping table lists every pseudonym with its original', () => {
    const r = new Redactor();
    r.event(ev({ 'init.host.ip': '203.0.113.5', 'target.usr.name': 'admin', message: 'admin and administrator from 198.51.100.9' }));
    const byPseudonym = new Map(r.mapping().map((m) => [m.pseudonym, m]));
    expect(byPseudonym.get('10.0.0.1')).toEqual({ kind: 'ip', original: '203.0.113.5', pseudonym: '10.0.0.1' });
    expect(byPseudonym.get('10.0.0.2')?.original).toBe('198.51.100.9');
    expect(byPseudonym.get('user-1')?.original).toBe('admin');
    expect(r.text('admin and administrator', new Map([['admin', 'user']]))).toBe('user-1 and administrator');
  });

  it('finds an IPv4 address before a full stop or a file extension, not inside a longer dotted number', () => {
    const r = new Redactor();
    expect(r.text('logs/203.0.113.45.log')).toBe('logs/10.0.0.1.log');
    expect(r.text('connection from 203.0.113.45.')).toBe('connection from 10.0.0.1.');
    expect(r.text('version 1.2.3.4.5 and 1.2.3.45.6')).toBe('version 1.2.3.4.5 and 1.2.3.45.6');
  });

  it('knows common field names', () => {
    expect(fieldKind('init.host.ip')).toBe('ip');
    expect(fieldKind('data.IpAddress')).toBe('ip');
    expect(fieldKind('target.usr.name')).toBe('user');
    expect(fieldKind('data.SubjectUserName')).toBe('user');
    expect(fieldKind('obs.host.name')).toBe('host');
    expect(fieldKind('init.host.mac')).toBe('mac');
    expect(fieldKind('message')).toBe('text');
  });
});

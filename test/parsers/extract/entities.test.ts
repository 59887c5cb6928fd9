// Fields within fields (issue 12): what extractEntities pulls out of free text.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { extractEntities } from '../../../src/parsers/extract/entities.ts';

function of(text: string): EventFields {
  const ev: EventFields = {};
  extractEntities(text, ev);
  return ev;
}

describe('extractEntities: fields within fields', () => {
  it('IPs with ports, ":" and "/" forms, roles from the words around them', () => {
    expect(of('Connection from 1.2.3.4:443 to 10.0.0.5/57808 via TCP')).toMatchObject({
      'data.endpoints': '1.2.3.4:443,10.0.0.5/57808', 'init.host.ip': '1.2.3.4', 'init.host.port': 443, 'target.host.ip': '10.0.0.5', 'target.host.port': 57808, 'data.protocols': 'TCP',
    });
  });
  it('a network in CIDR notation is no endpoint', () => {
    expect(of('route 10.0.0.0/24 added')['data.endpoints']).toBeUndefined();
  });
  it('DOMAIN\\user and user@domain', () => {
    expect(of('User CORP\\alice mailed bob@example.com')).toMatchObject({ 'data.accounts': 'CORP\\alice', 'data.emails': 'bob@example.com' });
  });
  it('a Windows path is no account, and its file name is kept', () => {
    const ev = of('Started (C:\\Windows\\System32\\svchost.exe).');
    expect(ev['data.accounts']).toBeUndefined();
    expect(ev).toMatchObject({ 'data.paths': 'C:\\Windows\\System32\\svchost.exe', 'data.files': 'svchost.exe' });
  });
  it('file names in text and the last part of unix paths', () => {
    expect(of('Downloaded payload.exe and /tmp/x/report.pdf over HTTPS')).toMatchObject({ 'data.files': 'payload.exe,report.pdf', 'data.protocols': 'HTTPS', 'data.paths': '/tmp/x/report.pdf' });
  });
  it('domains stay domains, versions stay no addresses', () => {
    const ev = of('proxy.example.org:5070 open, agent version 1.2.3.4');
    expect(ev['data.domains']).toBe('proxy.example.org');
    expect(ev['data.ips']).toBeUndefined();
  });
  it('IPv6 addresses are found without a "::"-less false hint', () => {
    expect(of('peer fe80::1 and 2001:db8::5 up')['data.ips']).toBe('fe80::1,2001:db8::5');
    expect(of('time 12:30:45 ok')['data.ips']).toBeUndefined();
  });
});

describe('extractEntities: names that are no domains', () => {
  it('a Java class name (mixed-case last part) is no domain', () => {
    expect(of('INFO spark.SecurityManager: Changing view acls')['data.domains']).toBeUndefined();
    expect(of('resolved WWW.EXAMPLE.COM')['data.domains']).toBe('WWW.EXAMPLE.COM');
  });
});

// the role and protocol scans are skipped where their words cannot be: these pin what must still be found
describe('extractEntities: roles and protocols behind the cheap filters', () => {
  it('every role word form still gives its role', () => {
    const init = ['from 10.0.0.1', 'FROM\t/10.0.0.1', 'remote 10.0.0.1', 'remote host  10.0.0.1', 'remote= [10.0.0.1]', 'src=10.0.0.1', 'client: 10.0.0.1', 'rhost=10.0.0.1', 'source ip: 10.0.0.1'];
    for (const t of init) expect(of(`x ${t} port 22`)['init.host.ip'], t).toBe('10.0.0.1');
    const target = ['to 10.0.0.1', 'To [10.0.0.1', 'dst:10.0.0.1', 'destination address= 10.0.0.1', 'dest=10.0.0.1'];
    for (const t of target) expect(of(`x ${t}`)['target.host.ip'], t).toBe('10.0.0.1');
    for (const t of ['user test 10.0.0.1', 'into 10.0.0.1', 'remotes10.0.0.1', 'remote\u00a0x 10.0.0.1']) {
      expect(of(t)['init.host.ip'], t).toBeUndefined();
      expect(of(t)['target.host.ip'], t).toBeUndefined();
    }
  });
  it('protocols are found after level words, and level words are none', () => {
    expect(of('INFO WARN ERROR DEBUG session over Kerberos, IPsec and ICMPv6 (SSH)')['data.protocols']).toBe('Kerberos,IPsec,ICMPv6,SSH');
    expect(of('2026-03-01 INFO USER=root COMMAND=/bin/ls')['data.protocols']).toBeUndefined();
  });
});

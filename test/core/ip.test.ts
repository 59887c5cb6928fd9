import { describe, expect, it } from 'vitest';
import { ipv4Value, isIP, isIPv6 } from '../../src/core/ip.ts';
import { isPrivateOrReserved } from '../../src/core/net/special.ts';

describe('ipv4Value', () => {
  const cases: { name: string; input: string; expected: number }[] = [
    { name: 'lowest', input: '0.0.0.0', expected: 0 },
    { name: 'highest', input: '255.255.255.255', expected: 4294967295 },
    { name: 'private', input: '10.0.0.1', expected: 167772161 },
    { name: 'octet over 255', input: '256.1.1.1', expected: -1 },
    { name: 'three parts', input: '1.2.3', expected: -1 },
    { name: 'five parts', input: '1.2.3.4.5', expected: -1 },
    { name: 'leading zero', input: '01.2.3.4', expected: -1 },
    { name: 'empty part', input: '1..2.3', expected: -1 },
    { name: 'letters', input: 'a.b.c.d', expected: -1 },
    { name: 'trailing space', input: '1.2.3.4 ', expected: -1 },
  ];
  for (const c of cases) it(c.name, () => expect(ipv4Value(c.input)).toBe(c.expected));
});

describe('private and reserved addresses (never sent to an enrichment service)', () => {
  const cases: { input: string; expected: boolean }[] = [
    { input: '10.1.2.3', expected: true }, { input: '172.16.0.1', expected: true }, { input: '172.32.0.1', expected: false },
    { input: '192.168.1.1', expected: true }, { input: '127.0.0.1', expected: true }, { input: '169.254.1.1', expected: true },
    { input: '100.64.0.1', expected: true }, { input: '203.0.113.45', expected: true }, { input: '8.8.8.8', expected: false },
    { input: '::1', expected: true }, { input: 'fe80::1', expected: true }, { input: 'fd00::1', expected: true },
    { input: '2001:db8::1', expected: true }, { input: '2a00:1450:4001:81c::200e', expected: false },
    { input: '::ffff:10.0.0.1', expected: true }, { input: 'not an ip', expected: true },
  ];
  for (const c of cases) it(c.input, () => expect(isPrivateOrReserved(c.input)).toBe(c.expected));
});

describe('IP recognition', () => {
  it('tells IPv6 from other colon text', () => {
    expect(isIPv6('2001:db8::1')).toBe(true);
    expect(isIPv6('::')).toBe(true);
    expect(isIPv6('12:34:56')).toBe(false);
    expect(isIP('1.2.3.4')).toBe(true);
    expect(isIP('host:22')).toBe(false);
  });
});

// sniffCharset / isProbablyBinary: BOMs, BOM-less UTF-16, NULs in UTF-8 logs, binary files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProbablyBinary, sniffCharset, type Charset } from '../../../src/core/text/charset.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { utf16 } from '../../harness/bytes.ts';

const HOSTILE = join(import.meta.dirname, '../../fixtures/hostile');
const fixture = (name: string) => new Uint8Array(readFileSync(join(HOSTILE, name)));
const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);
const UTF8: Charset = { encoding: 'utf-8', bomLength: 0 };
const line = 'Jan 15 10:30:00 web01 sshd[812]: Failed password for root from 203.0.113.7 port 4022 ssh2\n';

describe('sniffCharset', () => {
  const cases: { name: string; input: Uint8Array; expected: Charset }[] = [
    { name: 'UTF-8 BOM', input: bytes(0xef, 0xbb, 0xbf, 0x41), expected: { encoding: 'utf-8', bomLength: 3 } },
    { name: 'UTF-16LE BOM', input: bytes(0xff, 0xfe, 0x41, 0x00), expected: { encoding: 'utf-16le', bomLength: 2 } },
    { name: 'UTF-16BE BOM', input: bytes(0xfe, 0xff, 0x00, 0x41), expected: { encoding: 'utf-16be', bomLength: 2 } },
    { name: 'BOM alone', input: bytes(0xff, 0xfe), expected: { encoding: 'utf-16le', bomLength: 2 } },
    { name: 'plain ASCII', input: ascii(line), expected: UTF8 },
    { name: 'empty', input: new Uint8Array(0), expected: UTF8 },
    { name: 'one byte', input: bytes(0x41), expected: UTF8 },
    { name: 'UTF-16LE without BOM', input: utf16(line.repeat(3), true), expected: { encoding: 'utf-16le', bomLength: 0 } },
    { name: 'UTF-16BE without BOM', input: utf16(line.repeat(3), false), expected: { encoding: 'utf-16be', bomLength: 0 } },
    { name: 'UTF-16LE without BOM, odd length (cut mid-unit)', input: utf16(line, true).subarray(0, 51), expected: { encoding: 'utf-16le', bomLength: 0 } },
    { name: 'short UTF-16LE "a\\0b\\0"', input: bytes(0x61, 0, 0x62, 0), expected: { encoding: 'utf-16le', bomLength: 0 } },
    { name: 'UTF-8 with a few NULs stays UTF-8', input: ascii(`${line}GET /\0.jsp HTTP/1.1\n${line}GET /a\0\0b\n${line}`), expected: UTF8 },
    { name: 'UTF-8 with a NUL hole stays UTF-8', input: new Uint8Array([...ascii(line), ...new Uint8Array(600), ...ascii(line)]), expected: UTF8 },
    { name: 'all zeros', input: new Uint8Array(1024), expected: UTF8 },
    { name: 'UTF-32LE is not taken for UTF-16', input: new Uint8Array([...ascii('abcd')].flatMap((c) => [c, 0, 0, 0])), expected: UTF8 },
    { name: 'fixture utf16le-bom.log', input: fixture('utf16le-bom.log'), expected: { encoding: 'utf-16le', bomLength: 2 } },
    { name: 'fixture utf16be-bom.log', input: fixture('utf16be-bom.log'), expected: { encoding: 'utf-16be', bomLength: 2 } },
    { name: 'fixture utf16le-nobom.log', input: fixture('utf16le-nobom.log'), expected: { encoding: 'utf-16le', bomLength: 0 } },
    { name: 'fixture nul-bytes.log', input: fixture('nul-bytes.log'), expected: UTF8 },
    { name: 'fixture latin1.log', input: fixture('latin1.log'), expected: UTF8 },
  ];
  it.each(cases)('$name', ({ input, expected }) => expect(sniffCharset(input)).toEqual(expected));

  it('the BOM-less UTF-16 fixture decodes to the same text as the BOM one', () => {
    const nobom = fixture('utf16le-nobom.log');
    const bom = fixture('utf16le-bom.log');
    const text = (b: Uint8Array) => {
      const cs = sniffCharset(b);
      return new TextDecoder(cs.encoding, { ignoreBOM: true }).decode(b.subarray(cs.bomLength));
    };
    expect(text(nobom)).toBe(text(bom));
    expect(text(fixture('utf16be-bom.log'))).toBe(text(bom));
    expect(text(bom)).toContain('« Windows Update »');
    expect(text(bom)).toContain('🔒');
  });
});

describe('isProbablyBinary', () => {
  let s = 99;
  const random = new Uint8Array(8192).map(() => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
  const cases: { name: string; input: Uint8Array; charset?: Charset; expected: boolean }[] = [
    { name: 'syslog text', input: ascii(line.repeat(50)), expected: false },
    { name: 'empty', input: new Uint8Array(0), expected: false },
    { name: 'fixture binary.png (signature)', input: fixture('binary.png'), expected: true },
    { name: 'fixture random.bin', input: fixture('random.bin'), expected: true },
    { name: 'other random bytes', input: random, expected: true },
    { name: 'ELF header', input: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, ...new Uint8Array(57)]), expected: true },
    { name: 'PE executable', input: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new Uint8Array(200)]), expected: true },
    { name: 'EVTX file header', input: new Uint8Array([...ascii('ElfFile\0'), ...new Uint8Array(120)]), expected: true },
    { name: 'a log line starting with "MZ" is text', input: ascii(`MZ-router: ${line}`.repeat(5)), expected: false },
    { name: 'a line starting with "BZh" is text', input: ascii(`BZh91AY is a host name ${line}`), expected: false },
    { name: 'bzip2 header', input: new Uint8Array([...ascii('BZh91AY&SY'), 0x12, 0x34]), expected: true },
    { name: 'fixture nul-bytes.log (a few NULs and a NUL hole)', input: fixture('nul-bytes.log'), expected: false },
    { name: 'fixture latin1.log', input: fixture('latin1.log'), expected: false },
    { name: 'Cyrillic in a single-byte charset (CP1251)', input: new Uint8Array([...ascii('Jan 15 host app: ')].concat(Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? 0x20 : 0xe0 + (i % 32))))), expected: false },
    { name: 'ANSI colour codes', input: ascii(`\x1b[32mINFO\x1b[0m started\n`.repeat(40)), expected: false },
    { name: 'fixture crlf.log', input: fixture('crlf.log'), expected: false },
    { name: 'fixture html-payloads.log', input: fixture('html-payloads.log'), expected: false },
    { name: 'fixture deep-nesting.json', input: fixture('deep-nesting.json'), expected: false },
    { name: 'fixture utf16le-bom.log', input: fixture('utf16le-bom.log'), charset: { encoding: 'utf-16le', bomLength: 2 }, expected: false },
    { name: 'fixture utf16be-bom.log', input: fixture('utf16be-bom.log'), charset: { encoding: 'utf-16be', bomLength: 2 }, expected: false },
    { name: 'fixture utf16le-nobom.log', input: fixture('utf16le-nobom.log'), charset: { encoding: 'utf-16le', bomLength: 0 }, expected: false },
    { name: 'random bytes read as UTF-16', input: random, charset: { encoding: 'utf-16le', bomLength: 0 }, expected: true },
    { name: 'nothing but NULs', input: new Uint8Array(4096), expected: true },
    { name: 'a 10 MB single line (its 64 KiB head)', input: new Uint8Array(10 * 1024 * 1024).fill(0x61).subarray(0, 65536), expected: false },
    { name: 'control bytes in every line', input: ascii('\x01\x02\x03 data\n'.repeat(100)), expected: true },
  ];
  it.each(cases)('$name', ({ input, charset, expected }) => expect(isProbablyBinary(input, charset ?? sniffCharset(input))).toBe(expected));
});

describe('charset of corpus files', needsCorpus, () => {
  it('the Tomcat attack log (CRLF, 4 NULs, a TLS handshake) is UTF-8 text', () => {
    const b = new Uint8Array(readFileSync(corpusPath('evtx-attack-samples/Command and Control/web_attack_and_isp_webshell_localhost_access_log.txt')));
    expect(b.filter((x) => x === 0).length).toBe(4);
    for (const head of [b.subarray(0, 65536), b]) {
      const cs = sniffCharset(head);
      expect(cs).toEqual(UTF8);
      expect(isProbablyBinary(head, cs)).toBe(false);
    }
  });
});

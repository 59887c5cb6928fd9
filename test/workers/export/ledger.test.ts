// Ledger exports: RFC 4180 quoting, formula neutralisation, and the same records in CSV and JSON.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { FileLedgerEntry } from '../../../src/workers/api.ts';
import { csvCell, ledgerCsv } from '../../../src/workers/export/ledger-csv.ts';
import { ledgerJson } from '../../../src/workers/export/ledger-json.ts';
import { LEDGER_COLUMNS } from '../../../src/workers/export/ledger-rows.ts';

function entry(over: Partial<FileLedgerEntry> = {}): FileLedgerEntry {
  return {
    id: 1, path: 'logs.zip/var/log/auth.log', size: 2048, sha256: 'ab'.repeat(32), parserId: 'syslog3164', confidence: 0.9,
    state: 'done', bytesRead: 2048, events: 10, unparsed: 2, meta: 1, firstTs: Date.UTC(2026, 11, 10, 6, 55, 46),
    lastTs: Date.UTC(2026, 11, 10, 7, 0, 0), tzOffsetMinutes: 120, timeGuess: 'year,zone',
    issues: [{ line: 3, reason: 'no syslog header' }, { offset: 4096, reason: 'bad chunk' }, { reason: 'archive damaged' }],
    ...over,
  };
}

describe('csvCell', () => {
  it.each([
    { name: 'plain text', input: 'auth.log', expected: 'auth.log' },
    { name: 'formula =', input: '=HYPERLINK("http://x")', expected: '"\'=HYPERLINK(""http://x"")"' },
    { name: 'formula +', input: '+1+1', expected: "'+1+1" },
    { name: 'formula -', input: '-2+3', expected: "'-2+3" },
    { name: 'formula @', input: '@SUM(A1)', expected: "'@SUM(A1)" },
    { name: 'leading tab', input: '\tcmd', expected: "'\tcmd" },
    { name: 'leading CR', input: '\rcmd', expected: '"\'\rcmd"' },
    { name: 'comma', input: 'a,b', expected: '"a,b"' },
    { name: 'quote', input: 'say "hi"', expected: '"say ""hi"""' },
    { name: 'newline', input: 'a\nb', expected: '"a\nb"' },
    { name: 'an = inside is harmless', input: 'a=b', expected: 'a=b' },
    { name: 'numbers stay numbers, negative too', input: -120, expected: '-120' },
  ])('$name', ({ input, expected }) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('ledgerCsv', () => {
  it('writes a header and one row per file that a CSV reader reads back', () => {
    const csv = ledgerCsv([entry(), entry({ id: 2, path: '=cmd|calc.log', sha256: '', message: 'a "quoted", message', forcedYear: 2015 })]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const [header, first, second] = parsed.data;
    expect(header).toEqual([...LEDGER_COLUMNS]);
    const row = Object.fromEntries(header.map((h, i) => [h, first[i]]));
    expect(row).toMatchObject({
      path: 'logs.zip/var/log/auth.log', size_bytes: '2048', sha256: 'ab'.repeat(32), parser: 'syslog3164', confidence: '0.9',
      events: '10', unparsed: '2', first_ts: '2026-12-10T06:55:46.000Z', last_ts: '2026-12-10T07:00:00.000Z',
      time_zone: '+02:00', forced_year: '', time_assumed: 'year,zone',
      issues: 'line 3: no syslog header\nbyte 4096: bad chunk\narchive damaged',
    });
    expect(second[0]).toBe("'=cmd|calc.log");
    expect(second[LEDGER_COLUMNS.indexOf('message')]).toBe('a "quoted", message');
    expect(second[LEDGER_COLUMNS.indexOf('forced_year')]).toBe('2015');
  });

  it('writes only the header for an empty case', () => {
    expect(ledgerCsv([])).toBe(`${LEDGER_COLUMNS.join(',')}\r\n`);
  });
});

describe('ledgerJson', () => {
  it('holds the case, the hash note and the same records', () => {
    const doc = JSON.parse(ledgerJson('Case <1>', [entry()], Date.UTC(2026, 0, 2))) as Record<string, unknown>;
    expect(doc.case).toBe('Case <1>');
    expect(doc.exported).toBe('2026-01-02T00:00:00.000Z');
    expect(doc.hash).toMatch(/decompressed/);
    expect(doc.files).toEqual([expect.objectContaining({
      path: 'logs.zip/var/log/auth.log', sha256: 'ab'.repeat(32), time_zone: '+02:00', forced_year: '', size_bytes: 2048,
      issues: ['line 3: no syslog header', 'byte 4096: bad chunk', 'archive damaged'],
    })]);
  });
});

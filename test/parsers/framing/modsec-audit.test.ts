// The ModSecurity native audit framer: one record from `--<id>-A--` to `--<id>-Z--`, whatever a body holds,
// with cut records and stray lines emitted (never dropped), and the same records however the lines arrive.
import { describe, expect, it } from 'vitest';
import { CANDIDATE_WINDOW, createModsecAuditFramer, auditBoundary } from '../../../src/parsers/framing/modsec-audit.ts';
import { createFramer } from '../../../src/parsers/framing/index.ts';
import { createLineSplitter } from '../../../src/core/text/lines.ts';
import type { RecordFramer } from '../../../src/parsers/framing/types.ts';
import { frameText, type Rec } from '../../harness/parsers.ts';
import { auditRecord } from '../../harness/modsecAudit.ts';

const frame = (lines: string[]) => frameText(createModsecAuditFramer(), lines.join('\n')).map((r) => r.text);
const joined = (lines: string[]) => lines.join('\n').replace(/\n+$/, '');

describe('ModSecurity audit framer', () => {
  it('reads the boundary line of v2 and v3 records and nothing else', () => {
    expect(auditBoundary('--6ef24602-A--')).toEqual({ id: '6ef24602', part: 'A' });
    expect(auditBoundary('---tZ8qLm2X---H--')).toEqual({ id: 'tZ8qLm2X', part: 'H' });
    expect(auditBoundary('--6ef24602-Z--  ')).toEqual({ id: '6ef24602', part: 'Z' });
    for (const no of ['-6ef24602-A--', '--6ef24602-A-', '--6ef24602-a--', '--6ef 24602-A--', '--6ef24602-AB--', 'x--6ef24602-A--', '----']) {
      expect(auditBoundary(no), no).toBeUndefined();
    }
  });

  it('one record per transaction, blank lines between records are no record', () => {
    const a = auditRecord('a1f3c9d2');
    const b = auditRecord('tZ8qLm2X', { v3: true });
    expect(frame(['', ...a, '', '', ...b])).toEqual([joined(a), joined(b)]);
  });

  it('is the framer behind framing "modsec-audit"', () => {
    expect(frameText(createFramer('modsec-audit'), [...auditRecord('00000001'), ...auditRecord('00000002')].join('\n')).length).toBe(2);
  });

  it('reports each record at its A line: line number and byte offset', () => {
    const a = auditRecord('a1f3c9d2');
    const recs = frameText(createModsecAuditFramer(), ['', ...a, ...auditRecord('0000beef')].join('\n'));
    const second = Buffer.byteLength(['', ...a].join('\n')) + 1;
    expect(recs.map((r) => [r.line, r.offset])).toEqual([[2, 1], [a.length + 2, second]]);
  });

  it('CRLF files give the same records', () => {
    const lines = [...auditRecord('a1f3c9d2'), ...auditRecord('tZ8qLm2X', { v3: true })];
    expect(frameText(createModsecAuditFramer(), lines.join('\r\n')).map((r) => r.text)).toEqual(frame(lines));
  });

  it('a body line that looks like another record\'s boundary stays in the body', () => {
    const body = ['--deadbeef-Z--', '--deadbeef-A--', 'not a header', '---Qw3rTy12---A--', '[12/Mar/2024:14:03:27 +0000] fake 1.2.3.4 1 5.6.7.8 2', '--deadbeef-H--'];
    const a = auditRecord('a1f3c9d2', { body });
    const b = auditRecord('0000beef');
    expect(frame([...a, ...b])).toEqual([joined(a), joined(b)]);
  });

  it('a body holding whole audit records (an uploaded log) stays in the body: the own boundary comes back', () => {
    const inner = [...auditRecord('deadbeef'), ...auditRecord('tZ8qLm2X', { v3: true })];
    const a = auditRecord('a1f3c9d2', { body: inner });
    expect(frame([...a, ...auditRecord('0000beef')])).toEqual([joined(a), joined(auditRecord('0000beef'))]);
  });

  it('a body record followed by the own boundary is body even when the record is then cut at the end', () => {
    const inner = auditRecord('deadbeef').filter((l) => l !== '');
    const a = auditRecord('a1f3c9d2', { body: inner, z: false });
    expect(frame(a)).toEqual([joined(a)]);
  });

  it('a cut record is given up once CANDIDATE_WINDOW lines follow without its own boundary, before the end', () => {
    const f = createModsecAuditFramer();
    const out: string[] = [];
    const cut = auditRecord('a1f3c9d2').slice(0, 4);
    const records: string[][] = [];
    for (let n = 0, count = 0; count <= CANDIDATE_WINDOW.lines; n++) {
      records.push(auditRecord(n.toString(16).padStart(8, '0')));
      count += records[n].length;
    }
    const lines = [...cut, ...records.flat()];
    lines.forEach((l, i) => f.line(l, i + 1, 0, (t) => { out.push(t); }));
    expect(out.length).toBeGreaterThan(records.length - 5); // emitted while reading, not held to the end
    f.end((t) => { out.push(t); });
    expect(out).toEqual([joined(cut), ...records.map(joined)]);
  });

  it('a record cut by a crash before the next record: the cut one and the next one', () => {
    const cut = auditRecord('a1f3c9d2', { z: false }).slice(0, 5); // A, header, B, request line, Host
    const next = auditRecord('0000beef');
    const after = auditRecord('cafe0001');
    expect(frame([...cut, ...next, ...after])).toEqual([joined(cut), joined(next), joined(after)]);
  });

  it('two cut records in a row, then a whole one', () => {
    const cut1 = auditRecord('a1f3c9d2').slice(0, 4);
    const cut2 = auditRecord('0000beef').slice(0, 6);
    const whole = auditRecord('cafe0001');
    expect(frame([...cut1, ...cut2, ...whole])).toEqual([joined(cut1), joined(cut2), joined(whole)]);
  });

  it('the same boundary starting again cuts the open record', () => {
    const cut = auditRecord('a1f3c9d2').slice(0, 4);
    const again = auditRecord('a1f3c9d2');
    expect(frame([...cut, ...again])).toEqual([joined(cut), joined(again)]);
  });

  it('a record without Z at the end of the file is emitted as it is', () => {
    const a = auditRecord('a1f3c9d2');
    const cut = auditRecord('0000beef', { z: false });
    expect(frame([...a, ...cut])).toEqual([joined(a), joined(cut)]);
  });

  it('lines outside any record are one record up to the next A (the tail of a record whose start is missing)', () => {
    const tail = ['Host: www.example.com', '', '--a1f3c9d2-F--', 'HTTP/1.1 200 OK', '', '--a1f3c9d2-Z--'];
    const b = auditRecord('0000beef');
    expect(frame([...tail, '', ...b, 'stray'])).toEqual([joined(tail), joined(b), 'stray']);
  });

  it('pending() says where the unfinished record starts; nothing is pending after a Z', () => {
    const f = createModsecAuditFramer();
    const out: Rec[] = [];
    const emit = (text: string, line: number, offset: number) => { out.push({ text, line, offset }); };
    const lines = [...auditRecord('a1f3c9d2'), ...auditRecord('0000beef')];
    let offset = 0;
    lines.forEach((l, i) => {
      f.line(l, i + 1, offset, emit);
      offset += Buffer.byteLength(l) + 1;
      if (i === 3) expect(f.pending?.()).toEqual({ line: 1, offset: 0 });
    });
    expect(f.pending?.()).toBeUndefined();
    expect(out.length).toBe(2);
  });

  describe('split across read chunks', () => {
    const body = ['a=1&b=--deadbeef-A--', '--deadbeef-Z--', 'ünïcödé ✓ line'];
    const lines = [...auditRecord('a1f3c9d2', { body }), ...auditRecord('tZ8qLm2X', { v3: true }), ...auditRecord('0000beef', { z: false })];

    function viaSplitter(bytes: Uint8Array, size: number): Rec[] {
      const framer: RecordFramer = createModsecAuditFramer();
      const splitter = createLineSplitter('utf-8', 0);
      const out: Rec[] = [];
      const emit = (text: string, line: number, offset: number) => { out.push({ text, line, offset }); };
      const onLine = (text: string, line: number, offset: number) => framer.line(text, line, offset, emit);
      for (let at = 0; at < bytes.length; at += size) splitter.push(bytes.subarray(at, at + size), onLine);
      splitter.end(onLine);
      framer.end(emit);
      return out;
    }

    for (const eol of ['\n', '\r\n']) {
      it(`gives the same records for every read size (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
        const bytes = new TextEncoder().encode(lines.join(eol));
        const want = viaSplitter(bytes, bytes.length);
        expect(want.map((r) => r.text)).toEqual(frame(lines));
        for (let size = 1; size <= 97; size++) expect(viaSplitter(bytes, size), `reads of ${size} bytes`).toEqual(want);
        // a cut exactly inside each boundary line
        for (let at = 1; at < bytes.length; at += 7) {
          const framer = viaSplitterTwo(bytes, at);
          expect(framer, `cut at ${at}`).toEqual(want);
        }
      });
    }

    function viaSplitterTwo(bytes: Uint8Array, at: number): Rec[] {
      const framer = createModsecAuditFramer();
      const splitter = createLineSplitter('utf-8', 0);
      const out: Rec[] = [];
      const emit = (text: string, line: number, offset: number) => { out.push({ text, line, offset }); };
      const onLine = (text: string, line: number, offset: number) => framer.line(text, line, offset, emit);
      splitter.push(bytes.subarray(0, at), onLine);
      splitter.push(bytes.subarray(at), onLine);
      splitter.end(onLine);
      framer.end(emit);
      return out;
    }
  });
});

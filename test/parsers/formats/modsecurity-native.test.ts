// The ModSecurity native audit log through the worker's own ingest: content sniffing picks it, one event per
// transaction, cut or damaged records counted as unparsed with their reason (raw kept), and the same events
// whatever the read size or line ending.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ingestFile, type FileIngestResult } from '../../../src/workers/ingest/ingestFile.ts';
import { eventAt } from '../../../src/workers/chunk/chunk.ts';
import { modsecurityNative } from '../../../src/parsers/formats/modsecurity-native.ts';
import { makeCtx, parseFile } from '../../harness/parsers.ts';
import { auditRecord } from '../../harness/modsecAudit.ts';

async function run(text: string, chunk: number): Promise<{ res: FileIngestResult; events: EventFields[] }> {
  const bytes = new TextEncoder().encode(text);
  const events: EventFields[] = [];
  const res = await ingestFile({
    path: 'modsec_audit.log', lastModified: Date.UTC(2024, 0, 1),
    open: () => new ReadableStream<Uint8Array>({
      start(c) { for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk)); c.close(); },
    }),
  }, { hideName: true, templates: false }, (c) => { for (let row = 0; row < c.count; row++) events.push(eventAt(c, row)); });
  return { res, events };
}

const whole1 = auditRecord('a1f3c9d2', { body: ['user=alice&note=--deadbeef-A--', '--deadbeef-Z--'] });
const cut = auditRecord('0000beef').slice(0, 5); // A, header, B, request line, Host: then a crash
const v3 = auditRecord('tZ8qLm2X', { v3: true, time: '12/Mar/2024:14:05:02 +0000' });
const noZ = auditRecord('cafe0001', { z: false, time: '12/Mar/2024:14:06:00 +0000' });
const FILE = [...whole1, ...cut, ...v3, ...noZ];

describe('ModSecurity native audit log', () => {
  it('refuses damaged records with the reason', () => {
    const damaged = parseFile(modsecurityNative, [
      '--11111111-A--', '--11111111-B--', 'GET / HTTP/1.1', '', '--11111111-Z--', // A section without its header line
      '--22222222-A--', '[99/Foo/2024:25:00:00 +0000] id 192.0.2.1 1 192.0.2.2 2', '--22222222-Z--', // unreadable time
      ...noZ,
    ].join('\n'));
    expect(damaged.events).toEqual([]);
    expect(damaged.unparsed.map((u) => u.error)).toEqual([
      'ModSecurity audit record 11111111: the A section has no header line ([time] unique-id client-ip port server-ip port)',
      'ModSecurity audit record 22222222: unreadable time "99/Foo/2024:25:00:00 +0000"',
      'ModSecurity audit record cafe0001 cut: no Z section (--cafe0001-Z--); it ends in section H',
    ]);
    const stray = modsecurityNative.parse('Host: www.example.com\n--a1f3c9d2-Z--', makeCtx());
    expect(stray).toEqual({ ok: false, error: 'not a ModSecurity audit record: it does not start with an A section line (--<boundary>-A--)' });
  });

  it('one event per transaction; cut records are unparsed with their raw text, never dropped', async () => {
    const { res, events } = await run(FILE.join('\n'), 1 << 20);
    expect(res.parserId).toBe('modsecurity-native');
    expect(res.events).toBe(2);
    expect(res.unparsed).toBe(2);
    expect(res.issues.map((i) => [i.line, i.reason])).toEqual([
      [whole1.length + 1, 'ModSecurity audit record 0000beef cut: no Z section (--0000beef-Z--); it ends in section B'],
      [whole1.length + cut.length + v3.length + 1, 'ModSecurity audit record cafe0001 cut: no Z section (--cafe0001-Z--); it ends in section H'],
    ]);
    expect(events.map((e) => e['parser.name'])).toEqual(['modsecurity-native', 'unparsed', 'modsecurity-native', 'unparsed']);
    expect(events[0]).toMatchObject({ 'session.id': 'uid-a1f3c9d2', 'web.request.method': 'POST', 'target.uri.path': '/upload', 'web.request.rc': 200, action: 'pass' });
    expect(events[0].raw).toBe(whole1.join('\n').trimEnd());
    expect(events[1].raw).toBe(cut.join('\n'));
    expect(events[2]).toMatchObject({ ts: Date.UTC(2024, 2, 12, 14, 5, 2), 'session.id': 'uid-tZ8qLm2X', 'init.host.ip': '203.0.113.5' });
    // every line of the file is in some event's raw text (blank lines between records aside)
    const rawLines = events.flatMap((e) => String(e.raw).split('\n'));
    expect(rawLines.filter((l) => l !== '')).toEqual(FILE.filter((l) => l !== ''));
  });

  it('a file that starts inside a record (rotated mid-write): the tail is one unparsed record, not claimed by another parser', async () => {
    const tail = whole1.slice(whole1.indexOf('--a1f3c9d2-F--'));
    const { res, events } = await run([...tail, ...v3].join('\n'), 1 << 20);
    expect(res.parserId).toBe('modsecurity-native');
    expect([res.events, res.unparsed]).toEqual([1, 1]);
    expect(events[0]).toMatchObject({ 'parser.name': 'unparsed', raw: tail.join('\n').trimEnd() });
    expect(events[0]['parse.error']).toMatch(/^not a ModSecurity audit record/);
  });

  it('the same events for every read size and for CRLF', async () => {
    const want = (await run(FILE.join('\n'), 1 << 20)).events;
    for (const size of [1, 2, 3, 7, 13, 64, 100]) {
      expect((await run(FILE.join('\n'), size)).events, `reads of ${size}`).toEqual(want);
    }
    const crlf = (await run(FILE.join('\r\n'), 5)).events;
    const noOffset = (e: EventFields) => ({ ...e, 'col.offset': 0 });
    expect(crlf.map(noOffset)).toEqual(want.map(noOffset));
  });
});

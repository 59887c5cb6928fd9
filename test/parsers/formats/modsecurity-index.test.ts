// The ModSecurity Concurrent audit log index through the worker's own ingest: content sniffing picks it over
// apache-access (whose pattern reads the start of each line as a vhost access line), a line cut short is still
// read (by apache-access, as a mixed file: counted in the ledger), a line nobody reads is refused with the
// reason, and a plain vhost access log still goes to apache-access.
import { describe, expect, it } from 'vitest';
import { ingestSources } from '../../harness/ingest.ts';
import { sourceFromBytes } from '../../harness/ingest.ts';
import { modsecurityIndex } from '../../../src/parsers/formats/modsecurity-index.ts';
import { makeCtx } from '../../harness/parsers.ts';

const INDEX = [
  // v2: Referer and User-Agent are always "-"; the record's file, offset, size, MD5
  'portal.example.com 203.0.113.9 - - [14/Mar/2024:09:00:01 +0000] "GET /login HTTP/1.1" 200 512 "-" "-" ZfLCsX8AAQEAAC1jQ9QAAAAA "-" /20240314/20240314-0900/20240314-090001-ZfLCsX8AAQEAAC1jQ9QAAAAA 0 1804 md5:0f343b0931126a20f133d67c2b018a3b ',
  'portal.example.com 203.0.113.9 - - [14/Mar/2024:09:00:02 +0000] "POST /login HTTP/1.1" 403 199 "-" "-" ZfLCsn8AAQEAAC1jQ9UAAAAB "-" /20240314/20240314-0900/20240314-090002-ZfLCsn8AAQEAAC1jQ9UAAAAB 0 3120 md5:4e732ced3463d06de0ca9a15b6153677 ',
  // a line cut by a crash: no record file, size or hash
  'portal.example.com 198.51.100.4 - - [14/Mar/2024:09:00:03 +0000] "GET /admin HTTP/1.1" 403 199 "-" "-" ZfLCs38AAQ',
  'portal.example.com 198.51.100.4 - - [14/Mar/2024:09:00:04 -0500] "GET /admin/ HTTP/1.1" 404 209 "-" "-" ZfLCtH8AAQEAAC1jQ9cAAAAD "-" /20240314/20240314-0900/20240314-090004-ZfLCtH8AAQEAAC1jQ9cAAAAD 0 1650 md5:5eb63bbbe01eeed093cb22bb8f5acdc3 ',
];

describe('ModSecurity audit index (Concurrent mode)', () => {
  it('is picked by content, one event per transaction, a cut line read as an access line', async () => {
    const bytes = new TextEncoder().encode(INDEX.join('\n') + '\n');
    const { events, ledger } = await ingestSources([sourceFromBytes('index', bytes, Date.UTC(2024, 2, 14))], { hideNames: true });
    expect(ledger[0].parserId).toBe('modsecurity-index');
    expect([ledger[0].events, ledger[0].unparsed]).toEqual([4, 0]);
    expect(ledger[0].parserCounts).toEqual({ 'modsecurity-index': 3, 'apache-access': 1 });
    expect(events.map((e) => e['parser.name'])).toEqual(['modsecurity-index', 'modsecurity-index', 'apache-access', 'modsecurity-index']);
    expect(events[1]).toMatchObject({
      ts: Date.UTC(2024, 2, 14, 9, 0, 2), 'init.host.ip': '203.0.113.9', 'target.host.name': 'portal.example.com', 'web.request.method': 'POST',
      'web.request.rc': 403, 'session.id': 'ZfLCsn8AAQEAAC1jQ9UAAAAB', 'data.modsec.file': '/20240314/20240314-0900/20240314-090002-ZfLCsn8AAQEAAC1jQ9UAAAAB',
      'data.modsec.size': '3120', 'data.modsec.md5': '4e732ced3463d06de0ca9a15b6153677',
    });
    expect(events[1]['web.header.referer']).toBeUndefined();
    expect(events[2]).toMatchObject({ 'web.request.method': 'GET', 'target.uri.path': '/admin', 'web.request.rc': 403, raw: INDEX[2] });
    expect(modsecurityIndex.parse(INDEX[2], makeCtx())).toEqual({
      ok: false, error: 'not a ModSecurity audit index line (host client user [time] "request" status bytes ... file offset size md5:hash)',
    });
    expect(events[3].ts).toBe(Date.UTC(2024, 2, 14, 14, 0, 4));
  });

  it('reads v2 zones written with a doubled sign, and refuses a line whose time is unreadable', () => {
    const line = (zone: string) => `h 192.0.2.1 - - [01/Jun/2024:10:00:00 ${zone}] "GET / HTTP/1.1" 200 1 "-" "-" id1 "-" /20240601/20240601-1000/20240601-100000-id1 0 10 md5:00000000000000000000000000000000 `;
    const ts = (zone: string) => {
      const r = modsecurityIndex.parse(line(zone), makeCtx());
      return r.ok ? r.value.ts : r.error;
    };
    expect(ts('+0200')).toBe(Date.UTC(2024, 5, 1, 8));
    expect(ts('--0300')).toBe(Date.UTC(2024, 5, 1, 13));
    expect(ts('--03-30')).toBe(Date.UTC(2024, 5, 1, 13, 30));
    // releases before 2.9 printed the minutes as seconds: -1800 for half an hour, 051800 for +05:30
    expect(ts('--03-1800')).toBe(Date.UTC(2024, 5, 1, 13, 30));
    expect(ts('+051800')).toBe(Date.UTC(2024, 5, 1, 4, 30));
    expect(ts('+0000').toString()).not.toMatch(/unreadable/);
    const bad = modsecurityIndex.parse(line('+0000').replace('01/Jun/2024:10', '01/Foo/2024:10'), makeCtx());
    expect(bad).toEqual({ ok: false, error: 'ModSecurity audit index line: unreadable time "01/Foo/2024:10:00:00 +0000"' });
  });

  it('leaves vhost access logs to apache-access', async () => {
    const access = 'www.example.com:443 203.0.113.5 - - [01/Feb/2024:08:00:00 +0100] "POST /login.php HTTP/2.0" 401 512 "-" "curl/8.5.0"\n';
    const { ledger } = await ingestSources([sourceFromBytes('x', new TextEncoder().encode(access.repeat(3)), Date.UTC(2024, 1, 1))], { hideNames: true });
    expect(ledger[0].parserId).toBe('apache-access');
  });
});

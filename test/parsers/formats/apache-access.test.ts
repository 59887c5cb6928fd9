import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apacheAccess } from '../../../src/parsers/formats/apache-access.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx, parseOk } from '../../harness/parsers.ts';

const lines = (rel: string) =>
  new TextDecoder('utf-8').decode(readFileSync(corpusPath(rel))).split(/\r?\n/).filter((l) => l !== '');

describe('apache-access cases', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'dash request', input: '192.168.105.83 - - [01/Jan/1970:03:00:00 +0300] "-" 400 -', expected: { ts: 0, 'data.request': '-', 'web.request.rc': 400 } },
    { name: 'NUL in path', input: '192.168.105.83 - - [11/Jul/2018:09:32:26 +0300] "GET /\0.jsp HTTP/1.1" 400 -', expected: { 'target.uri.path': '/\0.jsp' } },
    { name: 'no protocol', input: '1.2.3.4 - - [11/Jul/2018:09:32:26 +0300] "GET /index.jsp " 200 11424', expected: { 'web.request.method': 'GET', 'target.uri.path': '/index.jsp' } },
    { name: 'proxy absolute URI', input: '1.2.3.4 - - [11/Jul/2018:09:32:26 +0300] "GET http://evil.example:8080/x?y=1 HTTP/1.1" 200 1', expected: { 'target.host.name': 'evil.example', 'target.host.port': 8080, 'target.uri.path': '/x', 'target.uri.query': 'y=1' } },
    { name: 'CONNECT', input: '1.2.3.4 - - [11/Jul/2018:09:32:26 +0300] "CONNECT 10.0.0.1:443 HTTP/1.1" 200 1', expected: { 'web.request.method': 'CONNECT', 'target.uri.full': '10.0.0.1:443' } },
    { name: 'IPv6 client', input: '::1 - - [11/Jul/2018:09:32:26 +0300] "GET / HTTP/1.1" 200 1', expected: { 'init.host.ip': '::1' } },
    { name: 'NUL hole before the record', input: '\u0000\u0000\u0000192.168.105.83 - - [11/Jul/2018:09:33:00 +0300] "GET / HTTP/1.1" 200 11250', expected: { 'init.host.ip': '192.168.105.83', 'data.leading_nuls': '3' } },
    { name: 'CRLF', input: '1.2.3.4 - - [11/Jul/2018:09:32:26 +0300] "GET / HTTP/1.1" 200 1\r', expected: { 'session.out.byte': 1 } },
  ];
  for (const c of cases) it(c.name, () => expect(parseOk(apacheAccess, c.input)).toMatchObject(c.expected));

  it('refuses an error log line', () => {
    expect(apacheAccess.parse('[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok', makeCtx()).ok).toBe(false);
  });

  it('reads all 10,000 lines of apache_logs', needsCorpus, () => {
    const all = lines('elastic-examples/Common Data Formats/apache_logs/apache_logs');
    expect(all.length).toBe(10000);
    const ctx = makeCtx();
    let withMethod = 0;
    for (const l of all) if (parseOk(apacheAccess, l, ctx)['web.request.method'] !== undefined) withMethod++;
    expect(withMethod).toBe(all.length);
  });

  it('reads every line of the Tomcat attack log (TLS junk, NUL bytes, invalid UTF-8)', needsCorpus, () => {
    const all = lines('evtx-attack-samples/Command and Control/web_attack_and_isp_webshell_localhost_access_log.txt');
    const ctx = makeCtx();
    for (const l of all) {
      const ev = parseOk(apacheAccess, l, ctx);
      expect(typeof ev['web.request.rc']).toBe('number');
      expect(ev['init.host.ip']).toMatch(/^192\.168\./);
    }
  });
});

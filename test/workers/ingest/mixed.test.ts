// Mixed files, never silent (issue 12): lines the file's parser rejects are read by another parser when one
// knows them; the ledger counts events per parser; a line nobody knows stays unparsed with its reason.
import { describe, expect, it } from 'vitest';
import { ingestSources, sourceFromBytes, REFERENCE_MS } from '../../harness/ingest.ts';

const LINES = [
  'Mar  2 08:14:01 web01 sshd[2201]: Failed password for root from 203.0.113.9 port 50122 ssh2',
  'Mar  2 08:14:02 web01 sshd[2201]: Failed password for root from 203.0.113.9 port 50123 ssh2',
  'Mar  2 08:14:03 web01 sshd[2201]: Accepted password for root from 203.0.113.9 port 50124 ssh2',
  '{"timestamp":"2025-03-02T08:14:04Z","level":"info","msg":"payload line","src_ip":"10.0.0.1"}',
  'Mar  2 08:14:05 web01 CRON[2250]: (root) CMD (true)',
  '<34>1 2025-03-02T08:14:06.003Z web01 su - ID47 - \'su root\' failed for alice on /dev/pts/8',
  '\u0001\u0002 not a log line at all',
];

describe('mixed files', () => {
  it('each line goes to a parser that reads it; the ledger counts per parser', async () => {
    const bytes = new TextEncoder().encode(LINES.join('\n') + '\n');
    const { events, ledger } = await ingestSources([sourceFromBytes('mixed.log', bytes, REFERENCE_MS)], { parserId: 'syslog3164' });
    expect(events.map((e) => e['parser.name'])).toEqual(['syslog3164', 'syslog3164', 'syslog3164', 'json', 'syslog3164', 'syslog5424', 'unparsed']);
    const [row] = ledger;
    expect(row.parserId).toBe('syslog3164');
    expect(row.parserCounts).toEqual({ syslog3164: 4, json: 1, syslog5424: 1 });
    expect(events[3]).toMatchObject({ message: 'payload line' });
    expect(events[5]).toMatchObject({ 'app.name': 'su', 'obs.host.name': 'web01' });
    expect(events[6]).toMatchObject({ 'data.parser.tried': 'syslog3164' });
    expect(String(events[6]['parse.error'])).toContain('RFC 3164');
    expect(row.unparsed).toBe(1);
  });

  it('a file read by one parser has no per-parser counts', async () => {
    const bytes = new TextEncoder().encode(LINES.slice(0, 3).join('\n') + '\n');
    const { ledger } = await ingestSources([sourceFromBytes('auth.log', bytes, REFERENCE_MS)]);
    expect(ledger[0]).toMatchObject({ parserId: 'syslog3164', events: 3, unparsed: 0 });
    expect(ledger[0].parserCounts).toBeUndefined();
  });
});

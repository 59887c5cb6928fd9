// Structured corpus files through the worker's own ingest function (DESIGN practice 3): content sniffing with
// the name hidden picks the parser, nothing is unparsed, and 100-byte chunks give the same events.
import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { ingestFile, type FileIngestResult } from '../../../src/workers/ingest/ingestFile.ts';
import { eventAt } from '../../../src/workers/chunk/chunk.ts';
import { corpusPath } from '../../harness/corpus.ts';
import { itEachCorpus } from '../../harness/corpusEach.ts';
import { otrfMembers } from './otrf.ts';

async function run(path: string, bytes: Uint8Array, chunk: number): Promise<{ res: FileIngestResult; events: EventFields[] }> {
  const events: EventFields[] = [];
  const res = await ingestFile({
    path, lastModified: Date.UTC(2024, 0, 1),
    open: () => new ReadableStream<Uint8Array>({
      start(c) { for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk)); c.close(); },
    }),
  }, { hideName: true }, (c) => { for (let row = 0; row < c.count; row++) events.push(eventAt(c, row)); });
  return { res, events };
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff; out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); out[2 + 2 * i] = c & 0xff; out[3 + 2 * i] = c >> 8; }
  return out;
}

interface Case { name: string; bytes: Uint8Array; parser: string; events: number }

function cases(): Case[] {
  const file = (rel: string) => new Uint8Array(readFileSync(corpusPath(rel)));
  const member = (rel: string, i = 0) => otrfMembers(rel)[i].bytes;
  const evv = readFileSync(corpusPath('windows-xml/tutto_malseclogon.eventviewer.xml'), 'utf8');
  return [
    { name: 'wevtutil XML', bytes: file('windows-xml/DE_sysmon-3-rdp-tun.wevtutil.xml'), parser: 'windows-xml', events: 73 },
    { name: 'Event Viewer XML', bytes: file('windows-xml/tutto_malseclogon.eventviewer.xml'), parser: 'windows-xml', events: 15 },
    { name: 'Event Viewer XML in UTF-16 LE', bytes: utf16le(evv), parser: 'windows-xml', events: 15 },
    { name: 'Suricata EVE', bytes: file('elastic-beats/x-pack/filebeat/module/suricata/eve/test/eve-small.log'), parser: 'suricata-eve', events: 8 },
    { name: 'Zeek JSON', bytes: file('otrf-security-datasets/datasets/compound/apt29/day1/zeek/individual_zeek_logs/SCRANTON_dns.log'), parser: 'zeek-json', events: 0 },
    { name: 'Zeek TSV', bytes: member('datasets/compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump_zeek_logs.zip'), parser: 'zeek-tsv', events: 0 },
    { name: 'OTRF Windows JSON', bytes: member('datasets/atomic/windows/credential_access/host/psh_lsass_memory_dump_comsvcs.zip'), parser: 'windows-json', events: 184 },
    { name: 'CloudTrail lines', bytes: member('datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration.zip'), parser: 'cloudtrail', events: 103 },
    { name: 'Azure AD', bytes: member('datasets/compound/GoldenSAMLADFSMailAccess/AADAuditEvents.Zip'), parser: 'azure-ad', events: 4 },
    { name: 'loghub structured CSV', bytes: file('loghub/OpenSSH/OpenSSH_2k.log_structured.csv'), parser: 'csv', events: 2000 },
  ];
}

describe('structured corpus through ingestFile', () => {
  itEachCorpus(cases, '$name', async ({ bytes, parser, events }) => {
    const whole = await run('f', bytes, 1 << 20);
    expect(whole.res.parserId).toBe(parser);
    expect(whole.res.unparsed).toBe(0);
    if (events > 0) expect(whole.res.events).toBe(events);
    else expect(whole.res.events).toBeGreaterThan(0);
    const small = await run('f', bytes, 100);
    expect(small.events).toEqual(whole.events);
  });
});

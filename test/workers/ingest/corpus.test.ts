// Every text file and archive of the corpus through the real ingest path (DESIGN practice 3): the expected
// parser chosen from content alone (names hidden), identical output when read 100 bytes at a time,
// reconciled counts (each record is an event or a counted unparsed record), and the CLI on the same files.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { ingestPaths } from '../../harness/ingest.ts';
import { normalize } from '../../../src/cli/normalize.ts';
import { parserById } from '../../../src/parsers/index.ts';

/** corpus file -> the parser each of its entries must get (an archive lists one per entry, in order) */
const EXPECTED: Record<string, string[]> = {
  'elastic-beats/filebeat/module/system/auth/test/test.log': ['syslog3164'],
  'elastic-beats/x-pack/filebeat/module/cef/log/test/cef.log': ['cef'],
  'elastic-beats/x-pack/filebeat/module/juniper/srx/test/flow.log': ['syslog5424'],
  'elastic-beats/x-pack/filebeat/module/squid/log/test/access1.log': ['squid'],
  'elastic-beats/x-pack/filebeat/module/suricata/eve/test/eve-small.log': ['suricata-eve'],
  'elastic-examples/Common Data Formats/apache_logs/apache_logs': ['apache-access'],
  'otrf-security-datasets/datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration.zip': ['cloudtrail'],
  'otrf-security-datasets/datasets/atomic/linux/discovery/host/sh_arp_cache.zip': ['kv'],
  'otrf-security-datasets/datasets/atomic/windows/credential_access/host/psh_lsass_memory_dump_comsvcs.zip': ['windows-json'],
  'otrf-security-datasets/datasets/atomic/windows/discovery/host/cmd_discover_iexplorer_version_registry.zip': ['windows-json'],
  'otrf-security-datasets/datasets/atomic/windows/execution/host/psh_powershell_httplistener.zip': ['windows-json'],
  'otrf-security-datasets/datasets/atomic/windows/other/raccine_samples.zip': ['windows-json'],
  'otrf-security-datasets/datasets/atomic/windows/persistence/host/covenant_persiststartup.tar.gz': ['windows-json'],
  'otrf-security-datasets/datasets/compound/GoldenSAMLADFSMailAccess/AADAuditEvents.Zip': ['azure-ad'],
  'otrf-security-datasets/datasets/compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump_zeek_logs.zip':
    ['zeek-tsv', 'zeek-tsv', 'zeek-tsv', 'zeek-tsv', 'zeek-tsv', 'zeek-tsv'],
  'otrf-security-datasets/datasets/compound/Log4Shell/securityauditing_log4shell_cve2021_44228_java_serialized_object.zip': ['windows-json'],
  'otrf-security-datasets/datasets/compound/Log4Shell/syslog_sysmon_log4shell_cve2021_44228_jndi_reference.zip': ['windows-json'],
  'otrf-security-datasets/datasets/compound/apt29/day1/zeek/individual_zeek_logs/SCRANTON_conn.log': ['zeek-json'],
  'otrf-security-datasets/datasets/compound/apt29/day1/zeek/individual_zeek_logs/SCRANTON_dns.log': ['zeek-json'],
  'otrf-security-datasets/datasets/compound/apt29/day1/zeek/individual_zeek_logs/SCRANTON_http.log': ['zeek-json'],
  'evtx-attack-samples/Command and Control/web_attack_and_isp_webshell_localhost_access_log.txt': ['apache-access'],
  'windows-xml/DE_sysmon-3-rdp-tun.wevtutil.xml': ['windows-xml'],
  'windows-xml/Sysmon_Exec_CompiledHTML.wevtutil.xml': ['windows-xml'],
  'windows-xml/tutto_malseclogon.eventviewer.xml': ['windows-xml'],
};

const isArchive = (f: string) => /\.(zip|gz|tgz|tar)$/i.test(f);

/** The file's lines; a final newline does not make an extra empty one. */
function linesOf(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

describe('corpus through the ingest pipeline', needsCorpus, () => {
  for (const [file, parsers] of Object.entries(EXPECTED)) {
    it(file, async () => {
      const path = corpusPath(file);
      const run = await ingestPaths([path], { hideNames: true });
      expect(run.ledger.map((e) => e.parserId)).toEqual(parsers);
      expect(run.ledger.every((e) => e.state === 'done')).toBe(true);
      // every event delivered is counted in exactly one ledger row, parsed or unparsed
      expect(run.events.length).toBe(run.ledger.reduce((n, e) => n + e.events + e.unparsed, 0));
      const parsedShare = run.ledger.reduce((n, e) => n + e.events, 0) / run.events.length;
      console.log(`${file}: ${run.events.length} records, ${(parsedShare * 100).toFixed(1)}% parsed, parsers ${parsers.join(',')}`);
      if (!isArchive(file) && parserById(parsers[0])?.kind === 'text' && (parserById(parsers[0]) as { framing: string }).framing === 'line') {
        const [e] = run.ledger;
        expect(e.events + e.unparsed + e.meta).toBe(linesOf(path).length);
      }
      const small = await ingestPaths([path], { hideNames: true, chunkSize: 100 });
      expect(small.events).toEqual(run.events);
      expect(small.ledger.map((e) => [e.path, e.events, e.unparsed, e.meta])).toEqual(run.ledger.map((e) => [e.path, e.events, e.unparsed, e.meta]));
    });
  }

  it('the CLI normalizes every one of these files', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    let lines = 0;
    out.on('data', (b: Buffer) => { for (const c of b) if (c === 10) lines++; });
    let summary = '';
    err.on('data', (b: Buffer) => { summary += b.toString(); });
    const ledger = await normalize(Object.keys(EXPECTED).map((f) => corpusPath(f)), {}, out, err);
    expect(ledger.map((e) => e.parserId)).toEqual(Object.values(EXPECTED).flat());
    expect(lines).toBe(ledger.reduce((n, e) => n + e.events + e.unparsed, 0));
    expect(summary.trim().split('\n')).toHaveLength(ledger.length);
  });
});

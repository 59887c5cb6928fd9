// Content sniffing picks the structured-format parsers for their corpus files with the name hidden:
// a Head from the first 64 KiB, name '', best score over PARSERS (earlier wins ties).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusCases, corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { itEachCorpus } from '../../harness/corpusEach.ts';
import { bestParser, makeHead } from '../../harness/parsers.ts';
import { otrfMembers } from './otrf.ts';

interface Case { name: string; bytes: Uint8Array; expected: string }

function cases(): Case[] {
  const out: Case[] = [];
  const file = (rel: string, expected: string) => out.push({ name: rel, bytes: new Uint8Array(readFileSync(corpusPath(rel))), expected });
  const archive = (rel: string, expected: string) => {
    for (const m of otrfMembers(rel)) out.push({ name: `${rel}!${m.name}`, bytes: m.bytes, expected });
  };
  for (const f of listCorpus('windows-xml', (p) => p.endsWith('.xml'))) file(f, 'windows-xml');
  file('elastic-beats/x-pack/filebeat/module/suricata/eve/test/eve-small.log', 'suricata-eve');
  for (const f of listCorpus('otrf-security-datasets', (p) => /SCRANTON_.*\.log$/.test(p))) file(f, 'zeek-json');
  archive('datasets/compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump_zeek_logs.zip', 'zeek-tsv');
  for (const z of [
    'datasets/atomic/windows/discovery/host/cmd_discover_iexplorer_version_registry.zip',
    'datasets/atomic/windows/credential_access/host/psh_lsass_memory_dump_comsvcs.zip',
    'datasets/atomic/windows/execution/host/psh_powershell_httplistener.zip',
    'datasets/atomic/windows/other/raccine_samples.zip',
    'datasets/atomic/windows/persistence/host/covenant_persiststartup.tar.gz',
    'datasets/compound/Log4Shell/securityauditing_log4shell_cve2021_44228_java_serialized_object.zip',
    'datasets/compound/Log4Shell/syslog_sysmon_log4shell_cve2021_44228_jndi_reference.zip',
  ]) archive(z, 'windows-json');
  archive('datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration.zip', 'cloudtrail');
  archive('datasets/compound/GoldenSAMLADFSMailAccess/AADAuditEvents.Zip', 'azure-ad');
  for (const f of listCorpus('sigma/regression_data', (p) => p.endsWith('.json'))) file(f, 'windows-json');
  for (const f of listCorpus('loghub', (p) => p.endsWith('.csv'))) file(f, 'csv');
  return out;
}

describe('sniffing structured formats with the name hidden', () => {
  const all = corpusCases(cases);
  it('finds the corpus files', needsCorpus, () => expect(all.length).toBeGreaterThan(40));
  itEachCorpus(() => all, '$name -> $expected', ({ bytes, expected }) => {
    const best = bestParser(makeHead(bytes, ''));
    expect(best.id).toBe(expected);
    expect(best.score).toBeGreaterThan(0.4);
  });
});

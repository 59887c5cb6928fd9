// Content sniffing over THE registry picks the right parser for each corpus file, with the name hidden:
// the head is the first 64 KiB, its first 50 complete lines; best score wins, the earlier parser on a tie.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { PARSERS } from '../../../src/parsers/index.ts';
import type { Head } from '../../../src/parsers/types.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';

function headOf(all: Uint8Array): Head {
  const bytes = all.subarray(0, 64 * 1024);
  const text = new TextDecoder().decode(bytes);
  const parts = text.split('\n');
  if (bytes.length === all.length && parts[parts.length - 1] !== '') {
    // the whole file is in the head: its last line is complete even without a final newline
  } else parts.pop(); // the last piece may be cut mid-line
  const lines = parts.slice(0, 50).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  return { name: '', bytes, text, lines };
}

function best(head: Head): { id: string; score: number; runnerUp: string } {
  let top = -1, id = '', second = -1, secondId = '';
  for (const p of PARSERS) {
    const s = p.sniff(head);
    if (s > top) {
      second = top; secondId = id;
      top = s; id = p.id;
    } else if (s > second) {
      second = s; secondId = p.id;
    }
  }
  return { id, score: top, runnerUp: `${secondId} ${second.toFixed(2)}` };
}

const FILES: [file: string, parser: string][] = [
  ['loghub/OpenSSH/OpenSSH_2k.log', 'syslog3164'],
  ['loghub/Linux/Linux_2k.log', 'syslog3164'],
  ['loghub/Apache/Apache_2k.log', 'apache-error'],
  ['loghub/Proxifier/Proxifier_2k.log', 'proxifier'],
  ['loghub/HDFS/HDFS_2k.log', 'hdfs'],
  ['loghub/Windows/Windows_2k.log', 'cbs'],
  ['elastic-beats/x-pack/filebeat/module/juniper/srx/test/flow.log', 'syslog5424'],
  ['elastic-examples/Common Data Formats/apache_logs/apache_logs', 'apache-access'],
  ['evtx-attack-samples/Command and Control/web_attack_and_isp_webshell_localhost_access_log.txt', 'apache-access'],
  ['elastic-beats/x-pack/filebeat/module/squid/log/test/access1.log', 'squid'],
  ['elastic-beats/x-pack/filebeat/module/cef/log/test/cef.log', 'cef'],
];

describe('sniff picks the parser from content alone', () => {
  for (const [file, expected] of FILES) {
    it(`${file} -> ${expected}`, needsCorpus, () => {
      const b = best(headOf(readFileSync(corpusPath(file))));
      console.log(`${file}: ${b.id} ${b.score.toFixed(2)} (runner-up ${b.runnerUp})`);
      expect(b.id).toBe(expected);
    });
  }

  it('OTRF auditd (sh_arp_cache.zip) -> kv', needsCorpus, () => {
    const zip = unzipSync(readFileSync(corpusPath('otrf-security-datasets/datasets/atomic/linux/discovery/host/sh_arp_cache.zip')));
    const [data] = Object.values(zip);
    expect(best(headOf(data)).id).toBe('kv');
  });

  it('free text falls to generic, an empty head scores nothing specific', () => {
    const text = 'hello world\nsomething else happened\n';
    const b = best({ name: '', bytes: new TextEncoder().encode(text), text, lines: ['hello world', 'something else happened'] });
    expect(b.id).toBe('generic');
  });
});

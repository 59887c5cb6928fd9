// `logdrop normalize` called as a function: every event once, in file order, keys in canonical order.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../src/cli/normalize.ts';
import { corpusPath, needsCorpus } from '../harness/corpus.ts';

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('logdrop normalize', needsCorpus, () => {
  it('prints the 2,000 OpenSSH events in line order and a summary line per file', async () => {
    const out = new Collect(), err = new Collect();
    const ledger = await normalize([corpusPath('loghub/OpenSSH/OpenSSH_2k.log')], {}, out, err);
    const lines = out.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2000);
    expect(lines.map((e) => e['col.line'])).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(Object.keys(lines[0])[0]).toBe('ts');
    expect(ledger.map((f) => [f.state, f.events])).toEqual([['done', 2000]]);
    expect(err.text).toMatch(/^OpenSSH_2k\.log\tformat=syslog3164 \(\d+%\)\tevents=2000\tunparsed=0/);
  });

  it('accepts .evtx files: one event per record with the System fields', async () => {
    const out = new Collect(), err = new Collect();
    const file = 'evtx-attack-samples/Credential Access/CA_4624_4625_LogonType2_LogonProc_chrome.evtx';
    const ledger = await normalize([corpusPath(file)], {}, out, err);
    const truth = JSON.parse(readFileSync(corpusPath('evtx_truth.json'), 'utf8')) as Record<string, { records: number }>;
    const lines = out.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ledger[0]).toMatchObject({ parserId: 'evtx', state: 'done', unparsed: 0 });
    expect(lines).toHaveLength(truth[file].records);
    expect(lines[0]).toMatchObject({ 'parser.name': 'evtx' });
    expect(lines.every((e) => typeof e['data.EventID'] === 'string' && typeof e.ts === 'number')).toBe(true);
  });

  it('stops archives at the visible --max-expanded budget and says so in the summary (issue 9 item 6)', async () => {
    const out = new Collect(), err = new Collect();
    const bomb = join(import.meta.dirname, '../fixtures/hostile/zip-bomb-ish.zip');
    const ledger = await normalize([bomb], { maxExpandedBytes: 8 * 1024 * 1024 }, out, err);
    expect(ledger.map((f) => [f.path, f.state, f.sha256])).toEqual([['zip-bomb-ish.zip/bomb.log', 'incomplete', '']]);
    expect(err.text).toMatch(/\tstate=incomplete\t.* {2}stopped after .* of 40\.0 MiB: the expansion budget of 8\.0 MiB \(the limit set with --max-expanded\) is used up/);
  });

  it('--parser generic: the summary names the learned time layout, its share and the header columns', async () => {
    const out = new Collect(), err = new Collect();
    const ledger = await normalize([corpusPath('loghub/HDFS/HDFS_2k.log')], { parserId: 'generic' }, out, err);
    expect(ledger[0].layout).toMatchObject({ timeChoice: 'yymmdd', timeShare: 1, header: ['time', 'pid', 'level', 'tag'] });
    expect(err.text).toContain('\ttime=compact yyMMdd HHmmss, e.g. "081109 203615", field 1 (100% of events)\theader=time,pid,level,tag');
    const first = JSON.parse(out.text.split('\n')[0]) as Record<string, unknown>;
    expect(first).toMatchObject({ 'obs.process.id': '148', 'alarm.sev': 'INFO', 'app.name': 'dfs.DataNode$PacketResponder' });
  });
});

// Every line of six loghub *_2k.log files against loghub's own *_structured.csv truth: timestamp parts,
// host/component/app, pid, level and Content == message (both trimmed: loghub strips trailing spaces).
// Column meanings differ per file (OpenSSH "Component" is the host; Linux "Level" is the host and
// "Component" the tag): each file names its own comparisons.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { EventFields } from '../../../src/core/schema.ts';
import type { TextParser } from '../../../src/parsers/types.ts';
import { syslog3164 } from '../../../src/parsers/formats/syslog3164.ts';
import { apacheError } from '../../../src/parsers/formats/apache-error.ts';
import { proxifier } from '../../../src/parsers/formats/proxifier.ts';
import { hdfs } from '../../../src/parsers/formats/hdfs.ts';
import { cbs } from '../../../src/parsers/formats/cbs.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx } from '../../harness/parsers.ts';
import { day, hms, iso, mon, type Check, type Row } from '../../harness/loghub.ts';

const f = (name: string) => (ev: EventFields) => ev[name];
const msg = (ev: EventFields) => String(ev.message ?? '').trim();

const FILES: { file: string; parser: TextParser; checks: Check[] }[] = [
  {
    file: 'loghub/OpenSSH/OpenSSH_2k.log', parser: syslog3164,
    checks: [['Date', mon], ['Day', day], ['Time', hms], ['Component', f('obs.host.name')], ['Pid', f('obs.process.id')], ['Content', msg]],
  },
  {
    file: 'loghub/Linux/Linux_2k.log', parser: syslog3164,
    checks: [['Month', mon], ['Date', day], ['Time', hms], ['Level', f('obs.host.name')], ['Component', f('app.name')], ['PID', (ev) => ev['obs.process.id'] ?? ''], ['Content', msg]],
  },
  {
    file: 'loghub/Apache/Apache_2k.log', parser: apacheError,
    checks: [['Time', f('ts.raw')], ['Level', f('alarm.sev')], ['Content', msg], ['Time', (ev) => iso(ev).slice(11, 19) === String(ev['ts.raw']).slice(11, 19) ? ev['ts.raw'] : 'ts mismatch']],
  },
  {
    file: 'loghub/Proxifier/Proxifier_2k.log', parser: proxifier,
    checks: [['Time', f('ts.raw')], ['Time', (ev) => `${iso(ev).slice(5, 7)}.${iso(ev).slice(8, 10)} ${hms(ev)}`], ['Program', f('data.program')], ['Content', msg]],
  },
  {
    file: 'loghub/HDFS/HDFS_2k.log', parser: hdfs,
    checks: [
      ['Date', (ev) => iso(ev).slice(2, 10).replace(/-/g, '')], ['Time', (ev) => hms(ev).replace(/:/g, '')], ['Pid', f('obs.process.id')],
      ['Level', f('alarm.sev')], ['Component', f('app.name')], ['Content', msg],
    ],
  },
  {
    file: 'loghub/Windows/Windows_2k.log', parser: cbs,
    checks: [['Date', (ev) => iso(ev).slice(0, 10)], ['Time', hms], ['Level', f('alarm.sev')], ['Component', f('app.name')], ['Content', msg]],
  },
];

describe('loghub agreement', needsCorpus, () => {
  for (const { file, parser, checks } of FILES) {
    it(`${file} (${parser.id})`, () => {
      const lines = new TextDecoder().decode(readFileSync(corpusPath(file))).split(/\r?\n/);
      if (lines[lines.length - 1] === '') lines.pop();
      const truth = Papa.parse<Row>(readFileSync(corpusPath(`${file}_structured.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
      expect(lines.length).toBe(truth.length);
      const ctx = makeCtx();
      let events = 0, unparsed = 0, agree = 0;
      const disagreements: string[] = [];
      lines.forEach((line, i) => {
        const r = parser.isMeta?.(line, ctx) === true ? undefined : parser.parse(line, ctx);
        if (r === undefined || !r.ok) {
          unparsed++;
          return;
        }
        events++;
        const bad = checks.filter(([col, get]) => String(get(r.value) ?? '').trim() !== (truth[i][col] ?? '').trim());
        if (bad.length === 0) agree++;
        else if (disagreements.length < 5) disagreements.push(`line ${i + 1}: ${bad.map(([c, g]) => `${c}=${JSON.stringify(truth[i][c])} got ${JSON.stringify(g(r.value))}`).join('; ')}`);
      });
      const rate = agree / lines.length;
      console.log(`${file}: ${lines.length} lines, ${events} events, ${unparsed} unparsed, agreement ${(rate * 100).toFixed(2)}%${disagreements.length ? `\n  ${disagreements.join('\n  ')}` : ''}`);
      expect(events + unparsed).toBe(lines.length);
      expect(rate).toBeGreaterThanOrEqual(0.99);
    });
  }
});

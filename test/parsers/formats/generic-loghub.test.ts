// The learned layout of the generic parser against loghub's structured truth (issue 12 "Done when"): each
// *_2k.log read by generic alone, as `--parser generic` does (prepare() with the file's head, then every
// line), must agree with the truth's timestamp, level, component and pid on >= 99% of lines.
// loghub's column names differ per set: OpenSSH "Component" is the host, Linux "Level" is the host and
// "Component" the tag; each set names the comparisons that mean timestamp, level, component, pid and host.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { EventFields } from '../../../src/core/schema.ts';
import { generic } from '../../../src/parsers/formats/generic.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx } from '../../harness/parsers.ts';
import { day, hms, iso, mon, type Check, type Row } from '../../harness/loghub.ts';

const f = (name: string) => (ev: EventFields) => ev[name] ?? '';

export const LOGHUB_SETS: { file: string; checks: Check[] }[] = [
  { file: 'loghub/OpenSSH/OpenSSH_2k.log', checks: [['Date', mon], ['Day', day], ['Time', hms], ['Component', f('obs.host.name')], ['Pid', f('obs.process.id')]] },
  { file: 'loghub/Linux/Linux_2k.log', checks: [['Month', mon], ['Date', day], ['Time', hms], ['Level', f('obs.host.name')], ['Component', f('app.name')], ['PID', f('obs.process.id')]] },
  {
    file: 'loghub/Apache/Apache_2k.log',
    checks: [['Time', (ev) => { const d = new Date(Number(ev.ts)); return `${'SunMonTueWedThuFriSat'.slice(d.getUTCDay() * 3, d.getUTCDay() * 3 + 3)} ${mon(ev)} ${String(d.getUTCDate()).padStart(2, '0')} ${hms(ev)} ${d.getUTCFullYear()}`; }], ['Level', f('alarm.sev')]],
  },
  { file: 'loghub/Proxifier/Proxifier_2k.log', checks: [['Time', (ev) => `${iso(ev).slice(5, 7)}.${iso(ev).slice(8, 10)} ${hms(ev)}`], ['Program', f('app.name')]] },
  {
    file: 'loghub/HDFS/HDFS_2k.log',
    checks: [['Date', (ev) => iso(ev).slice(2, 10).replace(/-/g, '')], ['Time', (ev) => hms(ev).replace(/:/g, '')], ['Pid', f('obs.process.id')], ['Level', f('alarm.sev')], ['Component', (ev) => String(ev['app.name'] ?? '')]],
  },
  { file: 'loghub/Windows/Windows_2k.log', checks: [['Date', (ev) => iso(ev).slice(0, 10)], ['Time', hms], ['Level', f('alarm.sev')], ['Component', f('app.name')]] },
];

export function readSet(file: string): { lines: string[]; truth: Row[] } {
  const lines = new TextDecoder().decode(readFileSync(corpusPath(file))).split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const truth = Papa.parse<Row>(readFileSync(corpusPath(`${file}_structured.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
  return { lines, truth };
}

/** The generic parser over a whole file as the ingest runs it: prepare() with the head, then each line. */
export function genericEvents(lines: string[]): (EventFields | undefined)[] {
  const ctx = makeCtx();
  const headText = lines.join('\n').slice(0, 64 * 1024);
  generic.prepare!({ name: '', bytes: new Uint8Array(), text: headText, lines: lines.slice(0, 50) }, ctx);
  return lines.map((l) => {
    const r = generic.parse(l, ctx);
    return r.ok ? r.value : undefined;
  });
}


describe('generic learned layout vs loghub truth', needsCorpus, () => {
  const figures: string[] = [];
  for (const { file, checks } of LOGHUB_SETS) {
    it(file, () => {
      const { lines, truth } = readSet(file);
      expect(lines.length).toBe(truth.length);
      const events = genericEvents(lines);
      let agree = 0;
      const bad: string[] = [];
      events.forEach((ev, i) => {
        const wrong = ev === undefined ? checks : checks.filter(([col, get]) => String(get(ev) ?? '').trim() !== (truth[i][col] ?? '').trim());
        if (wrong.length === 0) agree++;
        else if (bad.length < 5) bad.push(`line ${i + 1}: ${wrong.map(([c, g]) => `${c}=${JSON.stringify(truth[i][c])} got ${JSON.stringify(ev && g(ev))}`).join('; ')}`);
      });
      const rate = agree / lines.length;
      figures.push(`${file}: ${(rate * 100).toFixed(2)}% of ${lines.length} lines agree (${checks.map((c) => c[0]).join(', ')})`);
      console.log(figures[figures.length - 1] + (bad.length > 0 ? `\n  ${bad.join('\n  ')}` : ''));
      expect(rate, bad.join('\n')).toBeGreaterThanOrEqual(0.99);
    });
  }
});

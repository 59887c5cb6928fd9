// Threat-intelligence cost at ingest, in Node (`npm run bench:ti`; BENCH_LINES, default 1M): the generated
// auth.log is parsed into chunks once, then indexed without and with the ti.* derivation (an offline list
// holding every 5th distinct address of the case, so a fifth of the addresses have a verdict), and the whole
// case is re-derived as when a list is loaded or a lookup ends. GeoIP alone and GeoIP + ti for comparison.
// Medians of 3.
import { readFileSync } from 'node:fs';
import { authLog } from './generate.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import type { EventChunk } from '../src/workers/chunk/chunk.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import type { Derivation } from '../src/workers/query/derived.ts';
import { loadCliGeo } from '../src/cli/geo.ts';
import { TiService } from '../src/workers/enrich/ti/tiService.ts';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeIndex(chunks: EventChunk[], derivations: Derivation[]): number {
  const t = performance.now();
  const idx = new CaseIndex();
  idx.setDerivations(derivations);
  for (const c of chunks) idx.addChunk(c);
  return performance.now() - t;
}

async function main() {
  const path = await authLog(LINES);
  const bytes = new Uint8Array(readFileSync(path));
  const chunks: EventChunk[] = [];
  const t0 = performance.now();
  await ingestFile({ path: 'auth.log', lastModified: Date.UTC(2026, 5, 1), open: () => new Blob([bytes]).stream() }, { fileId: 1 }, (c) => chunks.push(c));
  const parseMs = performance.now() - t0;

  const probe = new CaseIndex();
  for (const c of chunks) probe.addChunk(c);
  const ips = probe.field('init.host.ip');
  const distinct = ips !== undefined && ips.kind === 'dict' ? ips.values : [];
  const listed = distinct.filter((_, i) => i % 5 === 0);
  const ti = new TiService(() => 0, false);
  const csv = 'ip,score,label,source\n' + listed.map((ip, i) => `${ip},${(i * 37) % 101},bench,bench list`).join('\n');
  ti.setLists([{ id: 'bench', name: 'bench.csv', scope: 'case', addedMs: 0, bytes: new TextEncoder().encode(csv) }]);
  const geo = await loadCliGeo([]);

  const plain: number[] = [], withTi: number[] = [], geoOnly: number[] = [], geoTi: number[] = [], rederive: number[] = [];
  for (let run = 0; run < 3; run++) {
    plain.push(timeIndex(chunks, []));
    withTi.push(timeIndex(chunks, ti.derivations()));
    geoOnly.push(timeIndex(chunks, geo.derivations()));
    geoTi.push(timeIndex(chunks, [...geo.derivations(), ...ti.derivations()]));
    const t = performance.now();
    probe.setDerivations(ti.derivations());
    rederive.push(performance.now() - t);
  }
  const hits = probe.field('ti.score');
  const pct = (a: number[], b: number[]) => `${(median(a) - median(b)).toFixed(0)} ms = ${((median(a) - median(b)) / (parseMs + median(plain)) * 100).toFixed(1)}% of parse + index`;
  console.log(`Threat intelligence at ingest, ${LINES.toLocaleString('en-US')} lines, ${distinct.length.toLocaleString('en-US')} distinct init.host.ip, ${listed.length.toLocaleString('en-US')} on the list, ${(hits?.kind === 'dict' ? hits.present : 0).toLocaleString('en-US')} events with ti.score (Node, medians of 3)`);
  console.log(`  parse into chunks (once):       ${parseMs.toFixed(0)} ms`);
  console.log(`  index, no derivation:           ${median(plain).toFixed(0)} ms`);
  console.log(`  index + ti:                     ${median(withTi).toFixed(0)} ms  (+${pct(withTi, plain)})`);
  console.log(`  index + GeoIP:                  ${median(geoOnly).toFixed(0)} ms  (+${pct(geoOnly, plain)})`);
  console.log(`  index + GeoIP + ti:             ${median(geoTi).toFixed(0)} ms  (ti on top of GeoIP: +${pct(geoTi, geoOnly)})`);
  console.log(`  re-derive ti on the whole case: ${median(rederive).toFixed(0)} ms`);
}

await main();

// GeoIP cost at ingest, in Node (`npm run bench:geoip`; BENCH_LINES, default 1M): the generated auth.log is
// parsed into chunks once, then indexed with and without the GeoIP derivations (built-in country + ASN tables),
// and the whole case is re-derived as when the user loads GeoIP data. Also the tables' sizes. Medians of 3.
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import { authLog } from './generate.ts';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import type { EventChunk } from '../src/workers/chunk/chunk.ts';
import { CaseIndex } from '../src/workers/query/caseIndex.ts';
import { loadCliGeo } from '../src/cli/geo.ts';
import { buildGeoData } from '../scripts/geoip/build.ts';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const path = await authLog(LINES);
  const bytes = new Uint8Array(readFileSync(path));
  const chunks: EventChunk[] = [];
  const t0 = performance.now();
  await ingestFile({ path: 'auth.log', lastModified: Date.UTC(2026, 5, 1), open: () => new Blob([bytes]).stream() }, { fileId: 1 }, (c) => chunks.push(c));
  const parseMs = performance.now() - t0;
  const geo = await loadCliGeo([]);
  const derivations = geo.derivations();
  const plain: number[] = [], enriched: number[] = [], rederive: number[] = [];
  let distinct = 0;
  for (let run = 0; run < 3; run++) {
    let t = performance.now();
    const a = new CaseIndex();
    for (const c of chunks) a.addChunk(c);
    plain.push(performance.now() - t);
    t = performance.now();
    const b = new CaseIndex();
    b.setDerivations(derivations);
    for (const c of chunks) b.addChunk(c);
    enriched.push(performance.now() - t);
    t = performance.now();
    a.setDerivations(geo.derivations());
    rederive.push(performance.now() - t);
    const f = b.field('init.host.ip');
    distinct = f !== undefined && f.kind === 'dict' ? f.values.length : 0;
  }
  const files = await buildGeoData();
  console.log(`GeoIP at ingest, ${LINES.toLocaleString('en-US')} lines, ${distinct.toLocaleString('en-US')} distinct init.host.ip (Node, medians of 3)`);
  console.log(`  parse into chunks (once):          ${parseMs.toFixed(0)} ms`);
  console.log(`  index without GeoIP:               ${median(plain).toFixed(0)} ms`);
  console.log(`  index with GeoIP derivations:      ${median(enriched).toFixed(0)} ms  (+${(median(enriched) - median(plain)).toFixed(0)} ms = ${((median(enriched) - median(plain)) / (parseMs + median(plain)) * 100).toFixed(1)}% of parse + index)`);
  console.log(`  re-derive the whole case:          ${median(rederive).toFixed(0)} ms`);
  for (const [name, p] of files) {
    const gz = statSync(p).size;
    console.log(`  table ${name}: ${(gz / 1e6).toFixed(2)} MB download (gzip inside), ${(gunzipSync(readFileSync(p)).length / 1e6).toFixed(2)} MB decoded format`);
  }
}

await main();

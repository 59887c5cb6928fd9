// `node --import tsx bench/text-bytes-node.ts FILE [RUNS]`: the ingest worker's share of an ingest (ingestFile +
// packChunk, as ingest.worker.ts posts chunks) with text columns built as strings then packed, against built
// straight as bytes (textAsBytes, chunk/byteText.ts), alternated, in CPU time (process.cpuUsage), medians.
// The SHA-256 runs in this thread (in the app it is the hash worker's): both modes pay it alike.
// E.g. FILE = .bench/events-100264.evtx (bench/generate.ts evtxFile) or a JSON-lines file.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ingestFile } from '../src/workers/ingest/ingestFile.ts';
import { packChunk } from '../src/workers/chunk/packedDict.ts';
import { byteSource } from './byteSource.ts';
import { median } from './browser.ts';

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (path === undefined) throw new Error('usage: bench/text-bytes-node.ts FILE [RUNS]');
  const runs = Number(process.argv[3] ?? 3);
  const bytes = new Uint8Array(readFileSync(path));
  const res = { strings: [] as number[], bytes: [] as number[] };
  for (let r = 0; r < runs; r++) {
    for (const mode of ['strings', 'bytes'] as const) {
      const t = cpuNow();
      await ingestFile(byteSource(path, bytes), { templates: true, textAsBytes: mode === 'bytes' }, (chunk) => void packChunk(chunk));
      res[mode].push(cpuNow() - t);
    }
  }
  const s = median(res.strings), b = median(res.bytes);
  console.log(`${path}: ingestFile + packChunk, CPU-ms per run: strings ${res.strings.map(Math.round).join(', ')} (median ${s.toFixed(0)}); bytes ${res.bytes.map(Math.round).join(', ')} (median ${b.toFixed(0)}); ${(s / b).toFixed(2)}x less CPU; load ${loadavg()[0].toFixed(1)}`);
}

void main();

// Builds the built-in GeoIP data from openly licensed npm data packages (see SOURCES below and the
// README's "GeoIP data" section) into compact range tables. Runs at build time (the Vite plugin in
// vite.config.ts calls it) and for the CLI and tests; the result is cached by package version.
// Run by hand: node --import tsx scripts/geoip/build.ts
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { encodeRanges, type RangeTableData } from '../../src/workers/enrich/geo/rangeCodec.ts';
import { flatten, type Span } from '../../src/workers/enrich/geo/flatten.ts';
import { BUILTIN_GEO_SOURCES, type BuiltinGeoSource } from '../../src/workers/enrich/geo/sources.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const GEOIP_CACHE = join(ROOT, 'node_modules/.cache/logdrop-geoip');

/** How each built-in table is made: its package's numeric CSVs (first,last,values...) and their columns. */
interface Recipe { columns: string[]; v4: string; v6: string }

const RECIPES: Record<string, Recipe> = {
  'country.ldgeo': { columns: ['country_short'], v4: 'geo-whois-asn-country-ipv4-num.csv', v6: 'geo-whois-asn-country-ipv6-num.csv' },
  'asn.ldgeo': { columns: ['asn', 'org'], v4: 'asn-ipv4-num.csv', v6: 'asn-ipv6-num.csv' },
};

function packageDir(pkg: string): string {
  return join(ROOT, 'node_modules', pkg);
}

function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
}

/** One CSV line: first,last,values... where a value may be "quoted, with commas". */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1, v = '';
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) { v += line.slice(j); j = line.length; break; }
        v += line.slice(j, q);
        if (line[q + 1] === '"') { v += '"'; j = q + 2; } else { j = q + 1; break; }
      }
      out.push(v);
      i = j + 1;
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

async function readSource(src: BuiltinGeoSource, recipe: Recipe): Promise<RangeTableData> {
  const records: string[][] = [];
  const recordIds = new Map<string, number>();
  const recordOf = (values: string[]) => {
    const key = values.join('\u0000');
    let id = recordIds.get(key);
    if (id === undefined) {
      id = records.length;
      records.push(values);
      recordIds.set(key, id);
    }
    return id;
  };
  const data: RangeTableData = { columns: recipe.columns, records, v4: [], v6: [] };
  for (const [file, v6] of [[recipe.v4, false], [recipe.v6, true]] as const) {
    const lines = createInterface({ input: createReadStream(join(packageDir(src.pkg), file)), crlfDelay: Infinity });
    const ranges: Span[] = [];
    for await (const line of lines) {
      if (line === '') continue;
      const [first, last, ...values] = splitCsv(line);
      const a = BigInt(first), b = BigInt(last);
      if (b < a) throw new Error(`${src.pkg}/${file}: range ends before it starts: ${line}`);
      ranges.push({ first: a, last: b, record: recordOf(recipe.columns.map((_, i) => values[i] ?? '')) });
    }
    for (const r of flatten(ranges)) {
      if (v6) data.v6.push(r);
      else data.v4.push({ first: Number(r.first), last: Number(r.last), record: r.record });
    }
  }
  return data;
}

/** Builds (or reuses, when the package version is unchanged) every built-in table; returns their paths. */
export async function buildGeoData(log: (msg: string) => void = () => {}): Promise<Map<string, string>> {
  mkdirSync(GEOIP_CACHE, { recursive: true });
  const out = new Map<string, string>();
  for (const src of BUILTIN_GEO_SOURCES) {
    const path = join(GEOIP_CACHE, src.file);
    const stamp = `${path}.version`;
    const version = packageVersion(src.pkg);
    if (!existsSync(path) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
      const t0 = Date.now();
      const data = await readSource(src, RECIPES[src.file]);
      const bytes = gzipSync(encodeRanges(data), { level: 9 });
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      writeFileSync(stamp, version);
      log(`geoip: ${src.file} from ${src.pkg}@${version}: ${data.v4.length} IPv4 + ${data.v6.length} IPv6 ranges, ${data.records.length} records, ${(bytes.length / 1e6).toFixed(2)} MB gzip (${Date.now() - t0} ms)`);
    }
    out.set(src.file, path);
  }
  return out;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await buildGeoData(console.log);
}

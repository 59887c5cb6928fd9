// Resources carried inside the single-file build (dist-single/logdrop.html, made by scripts/single/build.ts).
// A page opened from file:// can fetch nothing, so its worker scripts, the built-in GeoIP tables and the demo
// bundle travel in the page's data block (<script type="application/json" id="logdrop-embed">). The page reads
// the block; every worker it starts gets what it needs as a prelude of its blob script, and passes the same
// on to the workers it starts. In every other build nothing is embedded and the callers use their URLs.

/** What the data block holds. The build writes it; only this module reads it. */
export interface Embedded {
  /** worker name (engine, ingest, hash) -> its classic (IIFE) script */
  workers: Record<string, string>;
  /** built-in GeoIP table (country.ldgeo ...) -> base64 of its bytes; only the engine worker gets them */
  geo: Record<string, string>;
  /** demo file path (manifest.json, var/log/auth.log ...) -> base64 of its gzip; only the page gets them */
  demo: Record<string, string>;
}

export const EMBED_ELEMENT_ID = 'logdrop-embed';
const GLOBAL = '__LOGDROP_EMBED__';
type EmbedGlobal = { [GLOBAL]?: Embedded };

function embedded(): Embedded | undefined {
  const g = globalThis as EmbedGlobal;
  if (g[GLOBAL] === undefined && typeof document !== 'undefined') {
    const block = document.getElementById(EMBED_ELEMENT_ID);
    if (block?.textContent) {
      g[GLOBAL] = JSON.parse(block.textContent) as Embedded;
      block.remove(); // the parsed copy is enough: let the DOM drop its few megabytes of text
    }
  }
  return g[GLOBAL];
}

/** True in the single-file build. */
export function isSingleFile(): boolean {
  return embedded() !== undefined;
}

/**
 * Starts an embedded worker from a blob URL (no fetch, so it works from file://); undefined outside the
 * single-file build, where the caller starts it from its script URL. The blob URL is kept: a worker may
 * load its script after this returns, and each kind of worker is started once.
 */
export function embeddedWorker(kind: string, name: string): Worker | undefined {
  const e = embedded();
  if (e === undefined) return undefined;
  const code = e.workers[kind];
  if (code === undefined) throw new Error(`this single-file build carries no ${kind} worker`);
  const workers = { ...e.workers };
  delete workers[kind];
  const child: Embedded = { workers, geo: kind === 'engine' ? e.geo : {}, demo: {} };
  const prelude = `self.${GLOBAL}=${JSON.stringify(child)};\n`;
  const url = URL.createObjectURL(new Blob([prelude, code], { type: 'text/javascript' }));
  return new Worker(url, { name });
}

/** A built-in GeoIP table's bytes when embedded; undefined when not (other builds, or built without GeoIP). */
export function embeddedGeoTable(file: string): Uint8Array | undefined {
  const b64 = embedded()?.geo[file];
  return b64 === undefined ? undefined : fromBase64(b64);
}

/** A demo file as a Response (so callers read it as they read a fetched one); undefined outside the single file. */
export async function embeddedDemoFile(path: string): Promise<Response | undefined> {
  const e = embedded();
  if (e === undefined) return undefined;
  const b64 = e.demo[path];
  if (b64 === undefined) return new Response(null, { status: 404 });
  const gz = new Blob([fromBase64(b64) as Uint8Array<ArrayBuffer>]);
  return new Response(gz.stream().pipeThrough(new DecompressionStream('gzip')));
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

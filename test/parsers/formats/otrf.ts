// Reads one member of an OTRF Security-Datasets archive in the corpus, in memory (never copied to the repo).
import { readFileSync } from 'node:fs';
import { gunzipSync, unzipSync } from 'fflate';
import { corpusPath } from '../../harness/corpus.ts';

export interface CorpusMember { name: string; bytes: Uint8Array; text: string }

/** Members of a .zip (or the first member of a .tar.gz) below otrf-security-datasets/, decoded as UTF-8. */
export function otrfMembers(rel: string): CorpusMember[] {
  const buf = new Uint8Array(readFileSync(corpusPath('otrf-security-datasets', rel)));
  const out: CorpusMember[] = [];
  if (/\.tar\.gz$/i.test(rel)) {
    // one stray byte follows the gzip stream of covenant_persiststartup.tar.gz: fflate stops at the member end
    const tar = gunzipSync(buf);
    let off = 0;
    while (off + 512 <= tar.length && tar[off] !== 0) {
      const name = new TextDecoder().decode(tar.subarray(off, off + 100)).replace(/\0.*$/s, '');
      const size = parseInt(new TextDecoder().decode(tar.subarray(off + 124, off + 136)).replace(/\0.*$/s, '').trim() || '0', 8);
      const type = String.fromCharCode(tar[off + 156]);
      if ((type === '0' || type === '\0') && size > 0) {
        const bytes = tar.subarray(off + 512, off + 512 + size);
        out.push({ name, bytes, text: new TextDecoder().decode(bytes) });
      }
      off += 512 + Math.ceil(size / 512) * 512;
    }
    return out;
  }
  const files = unzipSync(buf);
  for (const name of Object.keys(files).sort()) {
    if (name.endsWith('/') || name.startsWith('__MACOSX')) continue;
    out.push({ name, bytes: files[name], text: new TextDecoder().decode(files[name]) });
  }
  return out;
}

/** The single data member of an archive. */
export function otrfFile(rel: string): CorpusMember {
  const m = otrfMembers(rel);
  if (m.length === 0) throw new Error(`no member in ${rel}`); // a test setup bug, not bad input
  return m[0];
}

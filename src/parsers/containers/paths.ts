// Names of entries inside a bundle: how member paths are cleaned and joined (see types.ts).
// Reference: APPNOTE 4.4.17 (zip names use '/'), POSIX pax "path" keyword; gzip RFC 1952 2.3.1 (FNAME).
//
// Example: joinPath('logs.zip', '/var/./log/../log/auth.log') -> 'logs.zip/var/log/auth.log'
//          gunzipName('auth.log.gz') -> 'auth.log'; gunzipName('case.tgz') -> 'case.tar'

/**
 * A member name as written in an archive -> a clean relative path, '' when nothing is left (the
 * archive root or a bare directory). Why: names come from the archive's author; '..' or a leading
 * '/' must not make an entry look like it sits outside its archive, and Windows tools write '\'.
 */
export function cleanMemberPath(raw: string): string {
  const out: string[] = [];
  for (const seg of raw.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/**
 * A member's cleaned name for its path, and the name as written when cleaning hid something the user must see:
 * '..' steps or a leading '/' (path traversal), or a name that cleans to nothing ('..', '/'), which becomes
 * '[entry N]' (N: its 1-based position in the archive) so its data is read under a name of its own.
 */
export function memberName(raw: string, position: number): { name: string; rawName?: string } {
  const name = cleanMemberPath(raw);
  if (name === '') return { name: `[entry ${position}]`, rawName: raw };
  const unix = raw.replace(/\\/g, '/');
  const traversal = unix.startsWith('/') || unix.split('/').includes('..');
  return traversal ? { name, rawName: raw } : { name };
}

export function joinPath(parent: string, member: string): string {
  return `${parent}/${member}`;
}

/** The last segment of a path. */
export function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/**
 * The name of what a gzip file holds: its own name without the suffix gzip(1) adds.
 * Why not FNAME from the header: it is optional (gzip -n, most HTTP tools omit it) and the outer
 * name is the one the user sees. A gzip found by its magic bytes under another name keeps its name.
 */
export function gunzipName(path: string): string {
  const base = baseName(path);
  const lower = base.toLowerCase();
  if (lower.endsWith('.tgz') || lower.endsWith('.taz')) return `${base.slice(0, -4)}.tar`;
  for (const suffix of ['.gz', '.gzip', '-gz', '.z', '_z']) {
    if (lower.endsWith(suffix) && base.length > suffix.length) return base.slice(0, -suffix.length);
  }
  return base;
}

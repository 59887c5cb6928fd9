// Deterministic large inputs for the benchmarks: an auth.log with brute-force patterns and a JSON-lines
// file of the same events. Written once to .bench/ and reused while their size matches.
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from '../src/core/hash/crc32.ts';
import { corpusPath } from '../test/harness/corpus.ts';
import { rng } from '../scripts/rng.ts';

export const BENCH_DIR = join(import.meta.dirname, '../.bench');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];


interface AuthEvent { ms: number; host: string; app: string; pid: number; msg: string }

function* authEvents(lines: number): Generator<AuthEvent> {
  const rand = rng(42);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const users = ['root', 'admin', 'test', 'oracle', 'postgres', 'ubuntu', 'git', 'deploy', 'alice', 'bob'];
  const hosts = ['web01', 'web02', 'db01', 'bastion'];
  let ms = Date.UTC(2026, 2, 1);
  for (let i = 0; i < lines; i++) {
    ms += int(1, 120);
    const r = rand();
    const host = hosts[i % hosts.length];
    const ip = r < 0.6 ? `203.0.113.${int(1, 40)}` : `${int(11, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
    const user = users[int(0, users.length - 1)];
    const port = int(1024, 65535);
    let app = 'sshd', msg: string;
    if (r < 0.55) msg = `Failed password for ${user === 'root' ? '' : 'invalid user '}${user} from ${ip} port ${port} ssh2`;
    else if (r < 0.7) msg = `Invalid user ${user} from ${ip} port ${port}`;
    else if (r < 0.78) msg = `Disconnected from authenticating user ${user} ${ip} port ${port} [preauth]`;
    else if (r < 0.82) msg = `Accepted publickey for ${user} from ${ip} port ${port} ssh2: RSA SHA256:${(i * 2654435761 >>> 0).toString(36)}`;
    else if (r < 0.88) msg = `pam_unix(sshd:session): session opened for user ${user}(uid=${1000 + (i % 50)}) by (uid=0)`;
    else if (r < 0.93) { app = 'CRON'; msg = `(root) CMD (cd / && run-parts --report /etc/cron.hourly)`; }
    else if (r < 0.97) { app = 'sudo'; msg = `${user} : TTY=pts/${i % 9} ; PWD=/home/${user} ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx`; }
    else msg = `Received disconnect from ${ip} port ${port}:11: Bye Bye [preauth]`;
    yield { ms, host, app, pid: 1000 + (i % 30000), msg };
  }
}

function syslogLine(e: AuthEvent): string {
  const d = new Date(e.ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${e.host} ${e.app}${e.app === 'sudo' ? '' : `[${e.pid}]`}: ${e.msg}`;
}

function jsonLine(e: AuthEvent): string {
  return JSON.stringify({ '@timestamp': new Date(e.ms).toISOString(), host: e.host, process: { name: e.app, pid: e.pid }, level: 'info', message: e.msg });
}

async function write(path: string, lines: number, format: (e: AuthEvent) => string): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  // a marker written after the data: a half-written file from an interrupted run is never reused
  const marker = `${path}.done`;
  if (existsSync(path) && existsSync(marker) && readFileSync(marker, 'utf8') === String(lines)) return path;
  const out = createWriteStream(path);
  let buf = '';
  for (const e of authEvents(lines)) {
    buf += format(e) + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  writeFileSync(marker, String(lines));
  return path;
}

function accessLine(e: AuthEvent): string {
  const d = new Date(e.ms);
  const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
  const ip = /from (\S+)/.exec(e.msg)?.[1] ?? '198.51.100.9';
  const path = ['/', '/login', '/wp-login.php', '/api/v1/items?id=' + (e.pid % 977), '/static/app.js', '/.env'][e.pid % 6];
  const status = [200, 200, 200, 404, 302, 401][e.pid % 6];
  return `${ip} - - [${stamp}] "GET ${path} HTTP/1.1" ${status} ${(e.pid * 37) % 50000} "-" "Mozilla/5.0 (X11; Linux x86_64) bench/${e.host}"`;
}

export const authLog = (lines: number) => write(join(BENCH_DIR, `auth-${lines}.log`), lines, syslogLine);
export const jsonLines = (lines: number) => write(join(BENCH_DIR, `app-${lines}.jsonl`), lines, jsonLine);
export const accessLog = (lines: number) => write(join(BENCH_DIR, `access-${lines}.log`), lines, accessLine);

const EVTX_HEADER = 4096;
const EVTX_CHUNK = 65536;

/**
 * A large valid EVTX made of the corpus's densest chunks (the first chunk of every file with 15+ records)
 * repeated behind one fixed file header, until it holds at least `records` records.
 */
export function evtxFile(records: number): { path: string; records: number } {
  const truth = JSON.parse(readFileSync(corpusPath('evtx_truth.json'), 'utf8')) as Record<string, { records: number }>;
  const dense = Object.entries(truth).filter(([, t]) => t.records >= 15);
  const chunks: Uint8Array[] = [];
  let perRound = 0;
  let header: Uint8Array | undefined;
  for (const [rel, t] of dense) {
    const file = new Uint8Array(readFileSync(corpusPath(rel)));
    header ??= file.slice(0, EVTX_HEADER);
    chunks.push(file.subarray(EVTX_HEADER, EVTX_HEADER + EVTX_CHUNK));
    perRound += t.records;
  }
  if (!header) throw new Error('bug: no corpus EVTX file found');
  const rounds = Math.ceil(records / perRound);
  const path = join(BENCH_DIR, `events-${rounds * perRound}.evtx`);
  if (existsSync(path)) return { path, records: rounds * perRound };
  const n = rounds * chunks.length;
  const bytes = new Uint8Array(EVTX_HEADER + n * EVTX_CHUNK);
  const dv = new DataView(bytes.buffer);
  bytes.set(header, 0);
  dv.setBigUint64(8, 0n, true); // first chunk
  dv.setBigUint64(16, BigInt(n - 1), true); // last chunk
  dv.setUint16(42, Math.min(n, 0xffff), true); // chunk count
  dv.setUint32(120, 0, true); // flags: clean
  dv.setUint32(124, crc32(bytes, 0, 120), true);
  for (let i = 0; i < n; i++) bytes.set(chunks[i % chunks.length], EVTX_HEADER + i * EVTX_CHUNK);
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(path, bytes);
  return { path, records: rounds * perRound };
}

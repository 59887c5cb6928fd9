// The engine headless in Node: `npm run --silent logdrop -- <command> ...`.
import { normalize } from './normalize.ts';
import { DEFAULT_FACET_VALUES, query } from './query.ts';
import { detect } from './detect.ts';
import { exportCommand, FORMATS } from './export.ts';
import { terminalText } from './terminal.ts';
import { loadCliGeo } from './geo.ts';
import { serveStatic } from './serve.ts';
import { startRelay } from './relay.ts';
import { RELAY_ORIGIN } from '../workers/enrich/ti/origins.ts';
import { follow } from './follow.ts';

const USAGE = `usage: logdrop <command> [options] FILE...
commands:
  normalize FILE...     one normalized event per line (JSON) on stdout; per-file summary on stderr
  query 'QUERY' FILE... the events matching QUERY (the app's search language) as JSON lines, oldest
                        first; a query error is shown with a caret under its position (exit 2)
  export --format F FILE...
                        the events (all, or --query's) written by one of the app's exporters on stdout:
                        csv, analyst, all, timesketch, timeline-explorer, ndjson, ecs, bulk, template
  serve [DIR]           the built app (DIR, default dist: npm run build) on http://127.0.0.1 with its
                        security headers, until stopped (Ctrl-C)
  relay                 the local relay for threat-intelligence lookups from the browser: listens on
                        ${RELAY_ORIGIN} only, forwards only to api.abuseipdb.com and www.virustotal.com,
                        adds the CORS headers the page needs; the key stays in the browser's request
  follow PATH...        keep reading files (and new files in folders) as they grow: new events as JSON
                        lines, and alerts as they fire or grow ("alert.change": "new"/"updated"); handles
                        rotation and truncation; Ctrl-C stops with a summary on stderr
options:
  --parser ID           force a parser instead of content sniffing
  --tz +HH:MM           zone of zone-less timestamps (default UTC)
  --max-expanded SIZE   stop decompressing archives after SIZE bytes in total (suffix K, M or G;
                        default 100 times the input plus 1 GiB); what was not read is reported
  --facet FIELD         (query, repeatable) count the values of FIELD instead of printing events:
                        a line "# FIELD<TAB>distinct=N<TAB>missing=N", then "COUNT<TAB>VALUE" lines
  --limit N             (query) print at most N events, or N values per facet (default ${DEFAULT_FACET_VALUES})
  --rules PATH          (detect, repeatable) Sigma rules: a rule file, a folder or a zip of rules
  --alerts-only         (follow) print only alerts, not events
  --interval SECONDS    (follow) time between polls (default 1)
  --webhook URL         (follow) POST each new alert to URL (at most one per rule per minute, with a
                        count of the held-back ones); --webhook-format slack (default) or json
  --geoip FILE          (repeatable) your own GeoIP data, before the built-in tables: a MaxMind .mmdb or
                        JSON/CSV ranges (see the README); IPs get <role>.host.loc.* (country, city, asn...)
  --no-geoip            no GeoIP enrichment (the built-in country and ASN tables are used by default)
  --query Q             (export) only the events matching Q
  --columns A,B,...     (export csv) the columns, in order (default: the table's default columns)
  --sort FIELD[:desc]   (export) order by a field (default: time, oldest first)
  --zone ZONE           (export) IANA zone or UTC for written times, always with their offset (default UTC)
  --index NAME          (export bulk, template) the Elasticsearch/OpenSearch index (default logdrop)
  --no-neutralise       (export csv*) write cells starting with = + - @ as they are (default: prefix ')
  --provenance FILE     (export) also write the provenance JSON (query, zone, files with SHA-256) to FILE
  --port N              (serve) the port (default 8080; 0: any free port)
  --allow-origin URL    (relay, repeatable) a page origin besides http://127.0.0.1:* and http://localhost:*`;

function parseTz(v: string): number {
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(v);
  if (!m) throw new UsageError(`--tz expects +HH:MM, got "${v}"`);
  const mins = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -mins : mins;
}

function parseSize(v: string | undefined): number {
  const m = /^(\d+)([KMG]?)$/i.exec(v ?? '');
  if (!m) throw new UsageError(`--max-expanded expects a size like 500M or 20G, got "${v ?? ''}"`);
  return Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase());
}

function parseLimit(v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n < 0) throw new UsageError(`--limit expects a whole number, got "${v ?? ''}"`);
  return n;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const files: string[] = [];
  let parserId: string | undefined;
  let tz = 0;
  const facets: string[] = [];
  let limit: number | undefined;
  let maxExpandedBytes: number | undefined;
  const rules: string[] = [];
  const geoFiles: string[] = [];
  let useGeo = true;
  const exp: { format?: string; query?: string; columns?: string[]; sort?: { field: string; dir: 'asc' | 'desc' }; zone?: string; indexName?: string; neutralise?: boolean; provenancePath?: string } = {};
  const value = (i: number, flag: string): string => {
    const v = rest[i];
    if (v === undefined) throw new UsageError(`${flag} expects a value`);
    return v;
  };
  let port = 8080;
  const allowOrigins: string[] = [];
  let alertsOnly = false;
  let interval = 1;
  let webhook: string | undefined;
  let webhookFormat: 'slack' | 'json' = 'slack';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--parser') parserId = rest[++i];
    else if (a === '--tz') tz = parseTz(rest[++i] ?? '');
    else if (a === '--facet') {
      const field = rest[++i];
      if (field === undefined) throw new UsageError('--facet expects a field name');
      facets.push(field);
    }
    else if (a === '--limit') limit = parseLimit(rest[++i]);
    else if (a === '--max-expanded') maxExpandedBytes = parseSize(rest[++i]);
    else if (a === '--rules') {
      const path = rest[++i];
      if (path === undefined) throw new UsageError('--rules expects a rule file, folder or zip');
      rules.push(path);
    }
    else if (a === '--geoip') {
      const file = rest[++i];
      if (file === undefined) throw new UsageError('--geoip expects a file');
      geoFiles.push(file);
    }
    else if (a === '--no-geoip') useGeo = false;
    else if (a === '--format') exp.format = value(++i, a);
    else if (a === '--query') exp.query = value(++i, a);
    else if (a === '--columns') exp.columns = value(++i, a).split(',').map((c) => c.trim()).filter((c) => c !== '');
    else if (a === '--sort') {
      const [field, dir = 'asc'] = value(++i, a).split(':');
      if (dir !== 'asc' && dir !== 'desc') throw new UsageError(`--sort expects FIELD or FIELD:desc, got "${rest[i]}"`);
      exp.sort = { field, dir };
    }
    else if (a === '--zone') exp.zone = value(++i, a);
    else if (a === '--index') exp.indexName = value(++i, a);
    else if (a === '--no-neutralise') exp.neutralise = false;
    else if (a === '--provenance') exp.provenancePath = value(++i, a);
    else if (a === '--port') {
      const n = Number(rest[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port expects a port number (0-65535)');
      port = n;
    }
    else if (a === '--allow-origin') {
      const origin = rest[++i];
      if (origin === undefined || !/^https?:\/\/[^/]+$/.test(origin)) throw new UsageError('--allow-origin expects an origin like https://logdrop.example.org');
      allowOrigins.push(origin);
    }
    else if (a === '--alerts-only') alertsOnly = true;
    else if (a === '--interval') {
      interval = Number(rest[++i]);
      if (!(interval >= 0.1 && interval <= 3600)) throw new UsageError('--interval expects seconds between 0.1 and 3600');
    }
    else if (a === '--webhook') {
      webhook = rest[++i];
      if (webhook === undefined || !/^https?:\/\//.test(webhook)) throw new UsageError('--webhook expects an http(s) URL');
    }
    else if (a === '--webhook-format') {
      const f = rest[++i];
      if (f !== 'slack' && f !== 'json') throw new UsageError('--webhook-format expects slack or json');
      webhookFormat = f;
    }
    else files.push(a);
  }
  const geo = useGeo && (command === 'normalize' || command === 'query' || command === 'export') ? await loadCliGeo(geoFiles) : undefined;
  if (command === 'normalize' && files.length > 0) {
    const ledger = await normalize(files, { parserId, tzOffsetMinutes: tz, maxExpandedBytes, geo }, process.stdout, process.stderr);
    return ledger.some((f) => f.state === 'failed') ? 1 : 0;
  }
  if (command === 'query' && files.length > 1) {
    const [text, ...paths] = files;
    const run = await query(paths, text, { parserId, tzOffsetMinutes: tz, maxExpandedBytes, facets, limit, geo }, process.stdout, process.stderr);
    return run.code !== 0 ? run.code : run.ledger.some((f) => f.state === 'failed') ? 1 : 0;
  }
  if (command === 'serve' && files.length <= 1) {
    const server = await serveStatic(files[0] ?? 'dist', port);
    const address = server.address();
    const bound = typeof address === 'object' && address !== null ? address.port : port;
    process.stdout.write(`Logdrop: http://127.0.0.1:${bound}/ (serving ${files[0] ?? 'dist'}; Ctrl-C stops)\n`);
    return 0;
  }
  if (command === 'detect' && files.length > 0) {
    const run = await detect(files, rules, { parserId, tzOffsetMinutes: tz }, process.stdout, process.stderr);
    return run.code !== 0 ? run.code : run.ledger.some((f) => f.state === 'failed') ? 1 : 0;
  }
  if (command === 'export' && files.length > 0) {
    if (exp.format === undefined) throw new UsageError(`export expects --format, one of: ${Object.keys(FORMATS).join(', ')}`);
    const run = await exportCommand(files, { ...exp, format: exp.format, parserId, tzOffsetMinutes: tz, maxExpandedBytes, geo }, process.stdout, process.stderr);
    return run.code !== 0 ? run.code : run.ledger.some((f) => f.state === 'failed') ? 1 : 0;
  }
  if (command === 'relay' && files.length === 0) {
    const relay = await startRelay({ allowOrigins, log: (line) => process.stderr.write(terminalText(line) + '\n') });
    process.stderr.write(`logdrop relay: listening on ${relay.origin} (127.0.0.1 only); forwarding to api.abuseipdb.com and www.virustotal.com. Ctrl-C stops it.\n`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => void relay.close().then(resolve)));
    return 0;
  }
  if (command === 'follow' && files.length > 0) {
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const run = await follow(files, {
      parserId, tzOffsetMinutes: tz, rules, alertsOnly, interval, signal: stop.signal,
      webhook: webhook === undefined ? undefined : { url: webhook, kind: webhookFormat },
    }, process.stdout, process.stderr);
    return run.code;
  }
  process.stderr.write(USAGE + '\n');
  return 2;
}

// `logdrop normalize big.log | head`: a closed pipe is the reader saying it has enough, not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    // plain words for the user; the stack only when asked for (LOGDROP_DEBUG=1), never raw log text
    const message = e instanceof Error ? e.message : String(e);
    const stack = process.env.LOGDROP_DEBUG === '1' && e instanceof Error && e.stack !== undefined ? `\n${e.stack}` : '';
    process.stderr.write(`${e instanceof UsageError ? '' : 'logdrop: '}${terminalText(message)}${terminalText(stack).replace(/\\n/g, '\n')}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);

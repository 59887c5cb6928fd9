// The engine headless in Node: `npm run --silent logdrop -- <command> ...`.
import { normalize } from './normalize.ts';
import { DEFAULT_FACET_VALUES, query } from './query.ts';
import { detect } from './detect.ts';
import { terminalText } from './terminal.ts';
import { loadCliGeo } from './geo.ts';
import { follow } from './follow.ts';

const USAGE = `usage: logdrop <command> [options] FILE...
commands:
  normalize FILE...     one normalized event per line (JSON) on stdout; per-file summary on stderr
  query 'QUERY' FILE... the events matching QUERY (the app's search language) as JSON lines, oldest
                        first; a query error is shown with a caret under its position (exit 2)
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
  --no-geoip            no GeoIP enrichment (the built-in country and ASN tables are used by default)`;

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
  const geo = useGeo && (command === 'normalize' || command === 'query') ? await loadCliGeo(geoFiles) : undefined;
  if (command === 'normalize' && files.length > 0) {
    const ledger = await normalize(files, { parserId, tzOffsetMinutes: tz, maxExpandedBytes, geo }, process.stdout, process.stderr);
    return ledger.some((f) => f.state === 'failed') ? 1 : 0;
  }
  if (command === 'query' && files.length > 1) {
    const [text, ...paths] = files;
    const run = await query(paths, text, { parserId, tzOffsetMinutes: tz, maxExpandedBytes, facets, limit, geo }, process.stdout, process.stderr);
    return run.code !== 0 ? run.code : run.ledger.some((f) => f.state === 'failed') ? 1 : 0;
  }
  if (command === 'detect' && files.length > 0) {
    const run = await detect(files, rules, { parserId, tzOffsetMinutes: tz }, process.stdout, process.stderr);
    return run.code !== 0 ? run.code : run.ledger.some((f) => f.state === 'failed') ? 1 : 0;
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

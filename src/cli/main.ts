// The engine headless in Node: `npm run --silent logdrop -- <command> ...`.
import { normalize } from './normalize.ts';
import { DEFAULT_FACET_VALUES, query } from './query.ts';
import { detect } from './detect.ts';
import { terminalText } from './terminal.ts';
import { loadCliGeo } from './geo.ts';
import { startRelay } from './relay.ts';
import { RELAY_ORIGIN } from '../workers/enrich/ti/origins.ts';

const USAGE = `usage: logdrop <command> [options] FILE...
commands:
  normalize FILE...     one normalized event per line (JSON) on stdout; per-file summary on stderr
  query 'QUERY' FILE... the events matching QUERY (the app's search language) as JSON lines, oldest
                        first; a query error is shown with a caret under its position (exit 2)
  relay                 the local relay for threat-intelligence lookups from the browser: listens on
                        ${RELAY_ORIGIN} only, forwards only to api.abuseipdb.com and www.virustotal.com,
                        adds the CORS headers the page needs; the key stays in the browser's request
options:
  --parser ID           force a parser instead of content sniffing
  --tz +HH:MM           zone of zone-less timestamps (default UTC)
  --max-expanded SIZE   stop decompressing archives after SIZE bytes in total (suffix K, M or G;
                        default 100 times the input plus 1 GiB); what was not read is reported
  --facet FIELD         (query, repeatable) count the values of FIELD instead of printing events:
                        a line "# FIELD<TAB>distinct=N<TAB>missing=N", then "COUNT<TAB>VALUE" lines
  --limit N             (query) print at most N events, or N values per facet (default ${DEFAULT_FACET_VALUES})
  --rules PATH          (detect, repeatable) Sigma rules: a rule file, a folder or a zip of rules
  --geoip FILE          (repeatable) your own GeoIP data, before the built-in tables: a MaxMind .mmdb or
                        JSON/CSV ranges (see the README); IPs get <role>.host.loc.* (country, city, asn...)
  --no-geoip            no GeoIP enrichment (the built-in country and ASN tables are used by default)
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
  const allowOrigins: string[] = [];
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
    else if (a === '--allow-origin') {
      const origin = rest[++i];
      if (origin === undefined || !/^https?:\/\/[^/]+$/.test(origin)) throw new UsageError('--allow-origin expects an origin like https://logdrop.example.org');
      allowOrigins.push(origin);
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
  if (command === 'relay' && files.length === 0) {
    const relay = await startRelay({ allowOrigins, log: (line) => process.stderr.write(terminalText(line) + '\n') });
    process.stderr.write(`logdrop relay: listening on ${relay.origin} (127.0.0.1 only); forwarding to api.abuseipdb.com and www.virustotal.com. Ctrl-C stops it.\n`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => void relay.close().then(resolve)));
    return 0;
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

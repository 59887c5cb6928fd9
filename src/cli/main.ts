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
import { Flags, parseCommandArgs, parseLimit, parsePort, parseSize, parseTz, UsageError, type OptionSpec } from './args.ts';

const USAGE = `usage: logdrop <command> [options] FILE...
commands:
  normalize FILE...     one normalized event per line (JSON) on stdout; per-file summary on stderr
  query 'QUERY' FILE... the events matching QUERY (the app's search language) as JSON lines, oldest
                        first; a query error is shown with a caret under its position (exit 2);
                        with --facet and one FILE the query may be left out (every event counted)
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
  --redact              (export) pseudonymise IPs, users, hosts, e-mails, MACs, also inside raw/message text
  --redact-map FILE     (export) redact, and write the mapping table (pseudonym -> original; analyst only) to FILE
  --port N              (serve) the port (default 8080; 0: any free port)
  --allow-origin URL    (relay, repeatable) a page origin besides http://127.0.0.1:* and http://localhost:*`;

const INGEST: OptionSpec = { parser: { type: 'string' }, tz: { type: 'string' }, 'max-expanded': { type: 'string' } };
const GEO: OptionSpec = { geoip: { type: 'string', multiple: true }, 'no-geoip': { type: 'boolean' } };

const ingestOptions = (f: Flags) => ({ parserId: f.string('parser'), tzOffsetMinutes: parseTz(f.string('tz')), maxExpandedBytes: parseSize(f.string('max-expanded')) });
const geoOptions = async (f: Flags) => (f.flag('no-geoip') ? undefined : await loadCliGeo(f.list('geoip')));
const failedRead = (run: { code: number; ledger: { state: string }[] }) => (run.code !== 0 ? run.code : run.ledger.some((r) => r.state === 'failed') ? 1 : 0);

/** One entry per command: the options it takes, how many positionals it needs, and what it does. */
interface Command {
  options: OptionSpec;
  accepts: (positionals: number) => boolean;
  run: (flags: Flags, positionals: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  normalize: {
    options: { ...INGEST, ...GEO },
    accepts: (n) => n > 0,
    run: async (f, files) => {
      const ledger = await normalize(files, { ...ingestOptions(f), geo: await geoOptions(f) }, process.stdout, process.stderr);
      return ledger.some((r) => r.state === 'failed') ? 1 : 0;
    },
  },
  query: {
    options: { ...INGEST, ...GEO, facet: { type: 'string', multiple: true }, limit: { type: 'string' } },
    accepts: (n) => n > 0,
    run: async (f, positionals) => {
      const facets = f.list('facet');
      // with --facet and one path, the query may be left out: the facets count every event of the file
      if (positionals.length === 1 && facets.length === 0) throw new UsageError("query expects 'QUERY' FILE... (or --facet FIELD FILE)");
      const [text, ...paths] = positionals.length === 1 ? ['', ...positionals] : positionals;
      return failedRead(await query(paths, text, {
        ...ingestOptions(f), facets, limit: parseLimit(f.string('limit')), geo: await geoOptions(f),
      }, process.stdout, process.stderr));
    },
  },
  export: {
    options: {
      ...INGEST, ...GEO, format: { type: 'string' }, query: { type: 'string' }, columns: { type: 'string' }, sort: { type: 'string' },
      zone: { type: 'string' }, index: { type: 'string' }, 'no-neutralise': { type: 'boolean' }, provenance: { type: 'string' },
      redact: { type: 'boolean' }, 'redact-map': { type: 'string' },
    },
    accepts: (n) => n > 0,
    run: async (f, files) => {
      const format = f.string('format');
      if (format === undefined) throw new UsageError(`export expects --format, one of: ${Object.keys(FORMATS).join(', ')}`);
      return failedRead(await exportCommand(files, {
        format, query: f.string('query'), columns: parseColumns(f.string('columns')), sort: parseSort(f.string('sort')),
        zone: f.string('zone'), indexName: f.string('index'), neutralise: f.flag('no-neutralise') ? false : undefined,
        provenancePath: f.string('provenance'), redact: f.flag('redact'), redactMapPath: f.string('redact-map'), ...ingestOptions(f), geo: await geoOptions(f),
      }, process.stdout, process.stderr));
    },
  },
  detect: {
    options: { parser: INGEST.parser, tz: INGEST.tz, rules: { type: 'string', multiple: true } },
    accepts: (n) => n > 0,
    run: async (f, files) => failedRead(await detect(files, f.list('rules'), { parserId: f.string('parser'), tzOffsetMinutes: parseTz(f.string('tz')) }, process.stdout, process.stderr)),
  },
  serve: {
    options: { port: { type: 'string' } },
    accepts: (n) => n <= 1,
    run: async (f, [dir = 'dist']) => {
      const port = parsePort(f.string('port'), 8080);
      const server = await serveStatic(dir, port);
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      process.stdout.write(`Logdrop: http://127.0.0.1:${bound}/ (serving ${dir}; Ctrl-C stops)\n`);
      return 0;
    },
  },
  relay: {
    options: { 'allow-origin': { type: 'string', multiple: true } },
    accepts: (n) => n === 0,
    run: async (f) => {
      const allowOrigins = f.list('allow-origin');
      for (const origin of allowOrigins) {
        if (!/^https?:\/\/[^/]+$/.test(origin)) throw new UsageError('--allow-origin expects an origin like https://logdrop.example.org');
      }
      const relay = await startRelay({ allowOrigins, log: (line) => process.stderr.write(terminalText(line) + '\n') });
      process.stderr.write(`logdrop relay: listening on ${relay.origin} (127.0.0.1 only); forwarding to api.abuseipdb.com and www.virustotal.com. Ctrl-C stops it.\n`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => void relay.close().then(resolve)));
      return 0;
    },
  },
  follow: {
    options: {
      parser: INGEST.parser, tz: INGEST.tz, rules: { type: 'string', multiple: true }, 'alerts-only': { type: 'boolean' },
      interval: { type: 'string' }, webhook: { type: 'string' }, 'webhook-format': { type: 'string' },
    },
    accepts: (n) => n > 0,
    run: async (f, files) => {
      const interval = f.string('interval') === undefined ? 1 : Number(f.string('interval'));
      if (!(interval >= 0.1 && interval <= 3600)) throw new UsageError('--interval expects seconds between 0.1 and 3600');
      const webhook = f.string('webhook');
      if (webhook !== undefined && !/^https?:\/\//.test(webhook)) throw new UsageError('--webhook expects an http(s) URL');
      const kind = f.string('webhook-format') ?? 'slack';
      if (kind !== 'slack' && kind !== 'json') throw new UsageError('--webhook-format expects slack or json');
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const run = await follow(files, {
        parserId: f.string('parser'), tzOffsetMinutes: parseTz(f.string('tz')), rules: f.list('rules'), alertsOnly: f.flag('alerts-only'),
        interval, signal: stop.signal, webhook: webhook === undefined ? undefined : { url: webhook, kind },
      }, process.stdout, process.stderr);
      return run.code;
    },
  },
};

function parseColumns(v: string | undefined): string[] | undefined {
  return v?.split(',').map((c) => c.trim()).filter((c) => c !== '');
}

function parseSort(v: string | undefined): { field: string; dir: 'asc' | 'desc' } | undefined {
  if (v === undefined) return undefined;
  const [field, dir = 'asc'] = v.split(':');
  if (dir !== 'asc' && dir !== 'desc') throw new UsageError(`--sort expects FIELD or FIELD:desc, got "${v}"`);
  return { field, dir };
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const { flags, files } = parseCommandArgs(name, rest, command.options);
  if (!command.accepts(files.length)) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  return command.run(flags, files);
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

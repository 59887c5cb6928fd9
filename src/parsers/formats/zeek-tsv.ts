// Zeek logs in their native tab-separated form, with '#' header lines naming the fields.
// Reference: https://docs.zeek.org/en/master/log-formats.html#zeek-tsv-format-logs
// Example:
//   #separator \x09
//   #set_separator	,
//   #empty_field	(empty)
//   #unset_field	-
//   #path	http
//   #fields	ts	uid	id.orig_h	id.orig_p	id.resp_h	id.resp_p	...	status_code ...
//   #types	time	string	addr	port	addr	port	...	count ...
//   1692146065.155950	CNK1kc4qRz0zbDKJh1	192.168.1.43	56904	10.0.5.13	80	...	200 ...
// The header lines are meta records (isMeta) that fill ctx.state; a file may hold several header blocks
// (#close, then #open again) and each replaces the last. '-' is unset (no field), '(empty)' an empty set.
// Records before any #fields (a file cut from its header) use the default conn/dns/http field lists when
// their field count matches one.
import { err, ok } from '../../core/result.ts';
import type { ParseContext, TextParser } from '../types.ts';
import { zeekFields, zeekPathFromName } from '../extract/zeek.ts';
import { nonBlankLines } from '../sniff.ts';

interface Header {
  separator: string;
  setSeparator: string;
  empty: string;
  unset: string;
  path?: string;
  fields: string[];
}

const STATE = 'zeek-tsv.header';

// Default field lists of the common logs (Zeek 6, as in the corpus), told apart by their field count: a log
// cut from its header (a tail, a split file) still reads, as W3C logs fall back to the IIS default columns.
const DEFAULT_FIELDS: ReadonlyMap<number, [string, string[]]> = new Map([
  [21, ['conn', 'ts uid id.orig_h id.orig_p id.resp_h id.resp_p proto service duration orig_bytes resp_bytes conn_state local_orig local_resp missed_bytes history orig_pkts orig_ip_bytes resp_pkts resp_ip_bytes tunnel_parents'.split(' ')]],
  [24, ['dns', 'ts uid id.orig_h id.orig_p id.resp_h id.resp_p proto trans_id rtt query qclass qclass_name qtype qtype_name rcode rcode_name AA TC RD RA Z answers TTLs rejected'.split(' ')]],
  [30, ['http', 'ts uid id.orig_h id.orig_p id.resp_h id.resp_p trans_depth method host uri referrer version user_agent origin request_body_len response_body_len status_code status_msg info_code info_msg tags username password proxied orig_fuids orig_filenames orig_mime_types resp_fuids resp_filenames resp_mime_types'.split(' ')]],
]);
/** a Zeek record line: epoch time with µs, then a connection uid */
const RECORD = /^\d{9,10}\.\d{1,6}\t[CF][A-Za-z0-9]{14,19}\t/;

function header(ctx: ParseContext): Header {
  const h = ctx.state.get(STATE);
  if (h !== undefined) return h as Header; // only this parser writes this key
  const fresh: Header = { separator: '\t', setSeparator: ',', empty: '(empty)', unset: '-', fields: [] };
  ctx.state.set(STATE, fresh);
  return fresh;
}

/** "\x09" -> tab (the #separator line writes its value escaped). */
function unescape(v: string): string {
  return v.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** '#' lines fill the header in ctx.state; blank lines are skipped too. */
function readMeta(line: string, ctx: ParseContext): boolean {
  if (!line.startsWith('#')) return line.trim() === '';
  const h = header(ctx);
  if (line.startsWith('#separator ')) {
    h.separator = unescape(line.slice('#separator '.length).trim()) || '\t';
    return true;
  }
  const parts = line.slice(1).split(h.separator);
  const key = parts[0];
  const value = parts.slice(1);
  if (key === 'set_separator') h.setSeparator = value[0] ?? ',';
  else if (key === 'empty_field') h.empty = value[0] ?? '(empty)';
  else if (key === 'unset_field') h.unset = value[0] ?? '-';
  else if (key === 'path') h.path = value[0];
  else if (key === 'fields') h.fields = value;
  return true;
}

export const zeekTsv: TextParser = {
  kind: 'text',
  id: 'zeek-tsv',
  title: 'Zeek logs (TSV with #fields header)',
  version: '1',
  url: 'https://docs.zeek.org/en/master/log-formats.html#zeek-tsv-format-logs',
  framing: 'line',
  // reading '#fields' (isMeta) is not named: the registry runs samples through parse() one record at a time;
  // test/parsers/formats/zeek.test.ts covers headers
  patterns: ['default-fields'],

  sniff(head) {
    const lines = nonBlankLines(head);
    if (lines.length === 0) return 0;
    if (lines[0].startsWith('#separator ')) return lines.some((l) => l.startsWith('#fields')) ? 0.99 : 0.8;
    // no header (a cut file): Zeek record lines
    return (lines.filter((l) => RECORD.test(l)).length / lines.length) * 0.9;
  },

  isMeta: readMeta,

  parse(line, ctx) {
    if (line.startsWith('#')) {
      readMeta(line, ctx);
      return err('Zeek header line (meta)');
    }
    const h = header(ctx);
    const values = line.split(h.separator);
    let fields = h.fields;
    let path = h.path;
    if (fields.length === 0) {
      const def = DEFAULT_FIELDS.get(values.length);
      if (def === undefined || !RECORD.test(line)) return err('Zeek record before any #fields header');
      ctx.hit?.('default-fields');
      [path, fields] = [path ?? def[0], def[1]];
    } else {
      ctx.hit?.('record');
    }
    if (values.length !== fields.length) return err(`expected ${fields.length} fields, found ${values.length}`);
    const map = new Map<string, string>();
    fields.forEach((f, i) => {
      const v = values[i];
      if (v === h.unset) return;
      map.set(f, v === h.empty ? '' : v);
    });
    const ev = zeekFields((n) => map.get(n), path ?? zeekPathFromName(ctx.file));
    for (const [k, v] of map) ev[`data.${k}`] = v;
    return ok(ev);
  },

  // OTRF LSASS_campaign_02 zeek_logs.zip: the first record of conn.log, dns.log and http.log, without their headers
  samples: [
    {
      input: '1692146028.495991\tCcDO6P1tntZGxYTFn6\t192.168.1.43\t49873\t192.168.1.1\t53\tudp\tdns\t-\t-\t-\tSHR\tT\tT\t0\t^d\t0\t0\t1\t110\t-',
      expect: {
        ts: 1692146028495.991, action: 'conn', 'init.host.ip': '192.168.1.43', 'init.host.port': 49873, 'target.host.ip': '192.168.1.1',
        'target.host.port': 53, 'data.conn_state': 'SHR', 'data.history': '^d', 'session.id': 'CcDO6P1tntZGxYTFn6',
      },
    },
    {
      input: '1692146028.495991\tCcDO6P1tntZGxYTFn6\t192.168.1.43\t49873\t192.168.1.1\t53\tudp\t24668\t-\t-\t-\t-\t-\t-\t2\tSERVFAIL\tF\tF\tF\tF\t0\t-\t-\tT',
      expect: { action: 'dns', type: 'DNS', 'data.rcode_name': 'SERVFAIL', 'data.trans_id': '24668' },
    },
    {
      input: '1692146065.155950\tCNK1kc4qRz0zbDKJh1\t192.168.1.43\t56904\t10.0.5.13\t80\t1\t-\t-\t-\t-\t1.0\t-\t-\t0\t313\t200\tOK\t-\t-\t(empty)\t-\t-\t-\t-\t-\t-\tFJvZNJO4R5UULCV7c\t-\ttext/html',
      expect: {
        ts: 1692146065155.95, action: 'http', type: 'WEB', 'target.host.port': 80, 'web.request.rc': 200, 'data.status_msg': 'OK',
        'data.tags': '', 'data.resp_mime_types': 'text/html',
      },
    },
  ],
};

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
import { err, ok } from '../../core/result.ts';
import type { ParseContext, TextParser } from '../types.ts';
import { zeekFields, zeekPathFromName } from '../extract/zeek.ts';

interface Header {
  separator: string;
  setSeparator: string;
  empty: string;
  unset: string;
  path?: string;
  fields: string[];
}

const STATE = 'zeek-tsv.header';

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

export const zeekTsv: TextParser = {
  kind: 'text',
  id: 'zeek-tsv',
  title: 'Zeek logs (TSV with #fields header)',
  version: '1',
  url: 'https://docs.zeek.org/en/master/log-formats.html#zeek-tsv-format-logs',
  framing: 'line',
  patterns: ['record'],

  sniff(head) {
    const first = head.lines.find((l) => l.trim() !== '');
    if (first === undefined || !first.startsWith('#separator ')) return 0;
    return head.lines.some((l) => l.startsWith('#fields')) ? 0.99 : 0.8;
  },

  isMeta(line, ctx) {
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
  },

  parse(line, ctx) {
    const h = header(ctx);
    if (h.fields.length === 0) return err('Zeek record before any #fields header');
    const values = line.split(h.separator);
    if (values.length !== h.fields.length) return err(`expected ${h.fields.length} fields, found ${values.length}`);
    ctx.hit?.('record');
    const map = new Map<string, string>();
    h.fields.forEach((f, i) => {
      const v = values[i];
      if (v === h.unset) return;
      map.set(f, v === h.empty ? '' : v);
    });
    const ev = zeekFields((n) => map.get(n), h.path ?? zeekPathFromName(ctx.file));
    for (const [k, v] of map) ev[`data.${k}`] = v;
    return ok(ev);
  },

  samples: [
    {
      // OTRF LSASS_campaign_02 zeek_logs.zip, http.log (header and first record)
      input: [
        '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\thttp', '#open\t2023-08-15-21-06-17',
        '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\ttrans_depth\tmethod\thost\turi\treferrer\tversion\tuser_agent\torigin\trequest_body_len\tresponse_body_len\tstatus_code\tstatus_msg\tinfo_code\tinfo_msg\ttags\tusername\tpassword\tproxied\torig_fuids\torig_filenames\torig_mime_types\tresp_fuids\tresp_filenames\tresp_mime_types',
        '#types\ttime\tstring\taddr\tport\taddr\tport\tcount\tstring\tstring\tstring\tstring\tstring\tstring\tstring\tcount\tcount\tcount\tstring\tcount\tstring\tset[enum]\tstring\tstring\tset[string]\tvector[string]\tvector[string]\tvector[string]\tvector[string]\tvector[string]\tvector[string]',
        '1692146065.155950\tCNK1kc4qRz0zbDKJh1\t192.168.1.43\t56904\t10.0.5.13\t80\t1\t-\t-\t-\t-\t1.0\t-\t-\t0\t313\t200\tOK\t-\t-\t(empty)\t-\t-\t-\t-\t-\t-\tFJvZNJO4R5UULCV7c\t-\ttext/html',
      ].join('\n'),
      expect: {
        ts: 1692146065155.95, action: 'http', type: 'WEB', 'init.host.ip': '192.168.1.43', 'init.host.port': 56904,
        'target.host.ip': '10.0.5.13', 'target.host.port': 80, 'web.request.rc': 200, 'data.status_msg': 'OK', 'data.tags': '',
        'data.resp_mime_types': 'text/html', 'session.id': 'CNK1kc4qRz0zbDKJh1',
      },
    },
  ],
};

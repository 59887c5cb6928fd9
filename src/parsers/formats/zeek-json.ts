// Zeek logs written as JSON lines (LogAscii::use_json=T, or shipped through a pipeline that renames fields).
// Reference: https://docs.zeek.org/en/master/log-formats.html#zeek-json-format-logs
// Example: {"@stream":"conn","ts":1588205198.89971,"uid":"Cw1Hz43UWS4qXFei8f","id_orig_h":"10.0.1.4",
//   "id_orig_p":64842,"id_resp_h":"10.0.0.4","id_resp_p":53,"proto":"udp","service":"dns",...}
// The log type comes from _path (Zeek), @stream (the OTRF/RockNSM pipeline) or else the file name
// ("SCRANTON_conn.log"); every key is kept flattened under data.*.
import { ok } from '../../core/result.ts';
import type { TextParser } from '../types.ts';
import { flattenInto, getPath, type JsonObject, jsonShare, own, parseJsonRecord, stringifySafe, text } from '../extract/json.ts';
import { zeekFields, zeekPathFromName } from '../extract/zeek.ts';

function isZeek(o: JsonObject): boolean {
  const ts = own(o, 'ts');
  if (typeof ts !== 'number' && typeof ts !== 'string') return false;
  return typeof own(o, 'uid') === 'string' || own(o, 'id.orig_h') !== undefined || own(o, 'id_orig_h') !== undefined
    || getPath(o, 'id.orig_h') !== undefined || typeof own(o, '_path') === 'string';
}

export const zeekJson: TextParser = {
  kind: 'text',
  id: 'zeek-json',
  title: 'Zeek logs (JSON)',
  version: '1',
  url: 'https://docs.zeek.org/en/master/log-formats.html#zeek-json-format-logs',
  framing: 'json',
  patterns: ['path-field'],

  sniff(head) {
    return jsonShare(head, isZeek) * 0.95;
  },

  parse: parseJsonRecord(isZeek, 'not a Zeek JSON record (no ts with uid or id.orig_h)', (o, ctx) => {
    let path = text(own(o, '_path')) ?? text(own(o, '@stream'));
    if (path !== undefined) ctx.hit?.('path-field');
    else path = zeekPathFromName(ctx.file);
    const get = (name: string) => {
      const v = own(o, name) ?? getPath(o, name);
      if (v === undefined || v === null) return undefined;
      return text(v) ?? stringifySafe(v);
    };
    const ev = zeekFields(get, path);
    flattenInto(ev, 'data.', o);
    return ok(ev);
  }),

  samples: [
    {
      // OTRF apt29 day1 SCRANTON_conn.log, first line
      input: '{"@stream":"conn","@system":"simplerockbuild.simplerock.lan","@proc":"zeek","ts":1588205198.89971,"uid":"Cw1Hz43UWS4qXFei8f","id_orig_h":"10.0.1.4","id_orig_p":64842,"id_resp_h":"10.0.0.4","id_resp_p":53,"proto":"udp","service":"dns","duration":0.0015780925750732422,"orig_bytes":39,"resp_bytes":55,"conn_state":"SF","missed_bytes":0,"history":"Dd","orig_pkts":1,"orig_ip_bytes":67,"resp_pkts":1,"resp_ip_bytes":83,"orig_l2_addr":"00:0d:3a:4d:42:f2","resp_l2_addr":"12:34:56:78:9a:bc"}',
      expect: {
        ts: 1588205198899.71, action: 'conn', 'session.id': 'Cw1Hz43UWS4qXFei8f', 'init.host.ip': '10.0.1.4', 'init.host.port': 64842,
        'target.host.ip': '10.0.0.4', 'target.host.port': 53, 'session.out.byte': 39, 'session.in.byte': 55, 'data.conn_state': 'SF',
      },
    },
    {
      // Zeek's own JSON writer (docs example, http.log) without _path: the type comes from the file name
      input: '{"ts":1591367999.512593,"uid":"C5bLoe2Mvxqhawzqqd","id.orig_h":"192.168.4.76","id.orig_p":46378,"id.resp_h":"31.3.245.133","id.resp_p":80,"trans_depth":1,"method":"GET","host":"testmyids.com","uri":"/","version":"1.1","user_agent":"curl/7.47.0","request_body_len":0,"response_body_len":39,"status_code":200,"status_msg":"OK","tags":[],"resp_fuids":["FEEsZS1w0Z0VJIb5x4"],"resp_mime_types":["text/plain"]}',
      expect: {
        'init.host.ip': '192.168.4.76', 'target.host.port': 80, 'web.request.method': 'GET', 'web.request.rc': 200,
        'target.host.name': 'testmyids.com', 'data.resp_fuids': '["FEEsZS1w0Z0VJIb5x4"]', 'data.id.orig_h': '192.168.4.76',
      },
    },
  ],
};

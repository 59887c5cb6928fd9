// Suricata EVE JSON (eve.json): one JSON object per line, `event_type` says which protocol record it is.
// Reference: https://docs.suricata.io/en/latest/output/eve/eve-json-format.html
// Example: {"timestamp":"2018-07-05T15:07:20.910626-0400","flow_id":904992230150281,"event_type":"alert",
//   "src_ip":"192.168.86.85","src_port":55641,"dest_ip":"192.168.156.70","dest_port":443,"proto":"TCP",
//   "alert":{"action":"allowed","signature_id":2024833,"signature":"ET POLICY ...","severity":1}}
// Roles: src_* is the initiator and dest_* the target of the flow as Suricata oriented it (for a DNS answer
// the server is src). Every key is also kept flattened under data.* (data.alert.category, data.dns.rrname, ...).
// Quirk: flow_id is a 64-bit integer; JSON.parse keeps it exact only below 2^53.
import { ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { flattenInto, getPath, isObject, type JsonObject, jsonShare, own, parseJsonRecord, setTime, text } from '../extract/json.ts';

const KNOWN = ['alert', 'http', 'dns', 'tls', 'flow', 'ssh', 'fileinfo'] as const;
const TYPES: Readonly<Record<string, string>> = { http: 'WEB', dns: 'DNS' };

function isEve(o: JsonObject): boolean {
  return typeof own(o, 'event_type') === 'string' && typeof own(o, 'timestamp') === 'string'
    && (own(o, 'flow_id') !== undefined || own(o, 'src_ip') !== undefined || isObject(own(o, 'stats')));
}

function port(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : Number(text(v));
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined;
}

function count(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function setIf(ev: EventFields, key: string, v: string | number | undefined): void {
  if (v !== undefined && v !== '') ev[key] = v;
}

export const suricataEve: TextParser = {
  kind: 'text',
  id: 'suricata-eve',
  title: 'Suricata EVE JSON',
  version: '1',
  url: 'https://docs.suricata.io/en/latest/output/eve/eve-json-format.html',
  framing: 'json',
  patterns: [...KNOWN, 'other'],

  sniff(head) {
    return jsonShare(head, isEve) * 0.95;
  },

  parse: parseJsonRecord(isEve, 'not a Suricata EVE record (no event_type/timestamp)', (o, ctx) => {
    const kind = String(own(o, 'event_type'));
    ctx.hit?.((KNOWN as readonly string[]).includes(kind) ? kind : 'other');
    const ev: EventFields = { type: TYPES[kind] ?? 'IDS', vendor: 'OISF', 'app.name': 'suricata', action: kind };
    setTime(ev, o, ['timestamp'], ctx.time);
    setIf(ev, 'init.host.ip', text(own(o, 'src_ip')));
    setIf(ev, 'init.host.port', port(own(o, 'src_port')));
    setIf(ev, 'target.host.ip', text(own(o, 'dest_ip')));
    setIf(ev, 'target.host.port', port(own(o, 'dest_port')));
    setIf(ev, 'obs.host.name', text(own(o, 'host')));
    // flow counters: out = what the initiator sent, in = what came back
    setIf(ev, 'session.out.byte', count(getPath(o, 'flow.bytes_toserver')));
    setIf(ev, 'session.in.byte', count(getPath(o, 'flow.bytes_toclient')));
    setIf(ev, 'target.host.name', text(getPath(o, 'tls.sni')) ?? text(getPath(o, 'http.hostname')));
    setIf(ev, 'web.request.method', text(getPath(o, 'http.http_method')));
    setIf(ev, 'web.request.rc', port(getPath(o, 'http.status')));
    setIf(ev, 'target.uri.path', text(getPath(o, 'http.url')));
    setIf(ev, 'web.header.user_agent', text(getPath(o, 'http.http_user_agent')));
    setIf(ev, 'web.header.referer', text(getPath(o, 'http.http_refer')));
    const signature = text(getPath(o, 'alert.signature'));
    if (kind === 'alert' || signature !== undefined) {
      setIf(ev, 'rule.name', signature);
      setIf(ev, 'alarm.name', signature);
      setIf(ev, 'rule.id', text(getPath(o, 'alert.signature_id')));
      setIf(ev, 'alarm.sev', text(getPath(o, 'alert.severity')));
      setIf(ev, 'action', text(getPath(o, 'alert.action')));
      ev.type = 'IDS';
    }
    const src = ev['init.host.ip'] === undefined ? '' : ` ${ev['init.host.ip']}:${ev['init.host.port'] ?? ''} -> ${ev['target.host.ip'] ?? ''}:${ev['target.host.port'] ?? ''}`;
    ev.message = signature ?? `${kind}${src}`;
    flattenInto(ev, 'data.', o);
    return ok(ev);
  }),

  // eve-small.log from elastic/beats x-pack/filebeat/module/suricata (one record of each event_type)
  samples: [
    {
      input: String.raw`{"timestamp":"2018-07-05T15:01:09.820360-0400","flow_id":298824096901438,"in_iface":"en0","event_type":"ssh","src_ip":"192.168.86.85","src_port":55406,"dest_ip":"192.168.253.112","dest_port":22,"proto":"TCP","ssh":{"client":{"proto_version":"2.0","software_version":"OpenSSH_7.6"},"server":{"proto_version":"2.0","software_version":"libssh_0.7.0"}}}`,
      expect: { ts: 1530817269820.36, 'init.host.ip': '192.168.86.85', 'init.host.port': 55406, 'target.host.ip': '192.168.253.112', 'target.host.port': 22, action: 'ssh', 'data.ssh.client.software_version': 'OpenSSH_7.6', 'data.proto': 'TCP' },
    },
    {
      input: String.raw`{"timestamp":"2018-07-05T15:07:20.910626-0400","flow_id":904992230150281,"in_iface":"en0","event_type":"alert","src_ip":"192.168.86.85","src_port":55641,"dest_ip":"192.168.156.70","dest_port":443,"proto":"TCP","tx_id":0,"alert":{"action":"allowed","gid":1,"signature_id":2024833,"rev":3,"signature":"ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)","category":"Potential Corporate Privacy Violation","severity":1},"tls":{"session_resumed":true,"sni":"l2.io","version":"TLS 1.2"},"app_proto":"tls","flow":{"pkts_toserver":4,"pkts_toclient":3,"bytes_toserver":793,"bytes_toclient":343,"start":"2018-07-05T15:07:19.659593-0400"}}`,
      expect: { type: 'IDS', 'rule.name': 'ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)', 'alarm.name': 'ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)', 'rule.id': '2024833', 'alarm.sev': '1', action: 'allowed', 'target.host.name': 'l2.io', 'session.out.byte': 793, 'session.in.byte': 343, message: 'ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)' },
    },
    {
      input: String.raw`{"timestamp":"2018-07-05T15:43:47.690014-0400","flow_id":2115002772430095,"in_iface":"en0","event_type":"http","src_ip":"192.168.86.85","src_port":56119,"dest_ip":"192.168.86.28","dest_port":63963,"proto":"TCP","tx_id":0,"http":{"hostname":"192.168.86.28","url":"\/dd.xml","http_user_agent":"Mozilla\/5.0 (Macintosh; Intel Mac OS X 10_13_5) AppleWebKit\/537.36 (KHTML, like Gecko) Chrome\/67.0.3396.99 Safari\/537.36","http_content_type":"text\/xml","http_method":"GET","protocol":"HTTP\/1.1","status":200,"length":1155}}`,
      expect: { type: 'WEB', 'web.request.method': 'GET', 'web.request.rc': 200, 'target.host.name': '192.168.86.28', 'target.uri.path': '/dd.xml', 'web.header.user_agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/67.0.3396.99 Safari/537.36' },
    },
    {
      input: String.raw`{"timestamp":"2018-07-05T15:44:33.222441-0400","flow_id":2211411903323127,"in_iface":"en0","event_type":"fileinfo","src_ip":"192.168.86.28","src_port":8008,"dest_ip":"192.168.86.85","dest_port":56118,"proto":"TCP","http":{"hostname":"192.168.86.28","url":"\/ssdp\/device-desc.xml","http_user_agent":"Mozilla\/5.0 (Macintosh; Intel Mac OS X 10_13_5) AppleWebKit\/537.36 (KHTML, like Gecko) Chrome\/67.0.3396.99 Safari\/537.36","http_content_type":"application\/xml","http_method":"GET","protocol":"HTTP\/1.1","status":200,"length":1071},"app_proto":"http","fileinfo":{"filename":"\/ssdp\/device-desc.xml","gaps":false,"state":"CLOSED","md5":"427b7337ff37eeb24d74f47d8e04cf21","sha1":"313573490192c685e9e53abef25453ed0d5e2aee","sha256":"f610428ebddf6f8cf9e39322e672583c45fcdcf885efad0ab48fd53a3dfc2c4b","stored":false,"size":1071,"tx_id":0}}`,
      expect: { 'data.fileinfo.filename': '/ssdp/device-desc.xml', 'data.fileinfo.sha256': 'f610428ebddf6f8cf9e39322e672583c45fcdcf885efad0ab48fd53a3dfc2c4b', 'init.host.ip': '192.168.86.28' },
    },
    {
      input: String.raw`{"timestamp":"2018-07-05T15:51:20.213418-0400","flow_id":1684780223079543,"in_iface":"en0","event_type":"dns","src_ip":"192.168.86.1","src_port":53,"dest_ip":"192.168.86.85","dest_port":39464,"proto":"UDP","dns":{"type":"answer","id":12308,"rcode":"NOERROR","rrname":"clients.l.google.com","rrtype":"A","ttl":299,"rdata":"172.217.13.110"}}`,
      expect: { type: 'DNS', 'data.dns.rrname': 'clients.l.google.com', 'data.dns.rdata': '172.217.13.110', 'init.host.port': 53 },
    },
    {
      input: String.raw`{"timestamp":"2018-07-05T15:51:23.009510-0400","event_type":"stats","stats":{"uptime":5400,"capture":{"kernel_packets":430313,"kernel_drops":0,"kernel_ifdrops":0},"decoder":{"pkts":430313,"bytes":335138381,"invalid":2,"ipv4":425873,"ipv6":3785,"ethernet":430313,"raw":0,"null":0,"sll":0,"tcp":370093,"udp":58337,"sctp":0,"icmpv4":186,"icmpv6":1019,"ppp":0,"pppoe":0,"gre":0,"vlan":0,"vlan_qinq":0,"ieee8021ah":0,"teredo":1,"ipv4_in_ipv6":0,"ipv6_in_ipv6":0,"mpls":0,"avg_pkt_size":778,"max_pkt_size":1514,"erspan":0,"ipraw":{"invalid_ip_version":0},"ltnull":{"pkt_too_small":0,"unsupported_type":0},"dce":{"pkt_too_small":0}},"flow":{"memcap":0,"tcp":1113,"udp":1881,"icmpv4":0,"icmpv6":677,"spare":10000,"emerg_mode_entered":0,"emerg_mode_over":0,"tcp_reuse":0,"memuse":11537312},"defrag":{"ipv4":{"fragments":0,"reassembled":0,"timeouts":0},"ipv6":{"fragments":0,"reassembled":0,"timeouts":0},"max_frag_hits":0},"tcp":{"sessions":842,"ssn_memcap_drop":0,"pseudo":0,"pseudo_failed":0,"invalid_checksum":0,"no_flow":0,"syn":1138,"synack":656,"rst":1165,"segment_memcap_drop":0,"stream_depth_reached":63,"reassembly_gap":0,"overlap":5979,"overlap_diff_data":0,"insert_data_normal_fail":0,"insert_data_overlap_fail":0,"insert_list_fail":0,"memuse":4587520,"reassembly_memuse":768000},"detect":{"alert":2},"app_layer":{"flow":{"http":22,"ftp":0,"smtp":0,"tls":560,"ssh":4,"imap":0,"msn":0,"smb":0,"dcerpc_tcp":0,"dns_tcp":0,"failed_tcp":2,"dcerpc_udp":0,"dns_udp":762,"failed_udp":1119},"tx":{"http":25,"ftp":0,"smtp":0,"tls":0,"ssh":0,"smb":0,"dcerpc_tcp":0,"dns_tcp":0,"dcerpc_udp":0,"dns_udp":762}},"flow_mgr":{"closed_pruned":729,"new_pruned":1879,"est_pruned":975,"bypassed_pruned":0,"flows_checked":8,"flows_notimeout":8,"flows_timeout":0,"flows_timeout_inuse":0,"flows_removed":0,"rows_checked":65536,"rows_skipped":65530,"rows_empty":0,"rows_busy":0,"rows_maxlen":2},"file_store":{"open_files":0},"dns":{"memuse":7749,"memcap_state":0,"memcap_global":0},"http":{"memuse":17861,"memcap":0}}}`,
      expect: { action: 'stats', 'data.stats.uptime': '5400', 'data.stats.capture.kernel_packets': '430313' },
    },
    {
      input: String.raw`{"timestamp":"2018-07-05T15:51:50.666597-0400","flow_id":89751777876473,"in_iface":"en0","event_type":"tls","src_ip":"192.168.86.85","src_port":56187,"dest_ip":"17.142.164.13","dest_port":443,"proto":"TCP","tls":{"subject":"CN=*.icloud.com, OU=management:idms.group.506364, O=Apple Inc., ST=California, C=US","issuerdn":"CN=Apple IST CA 2 - G1, OU=Certification Authority, O=Apple Inc., C=US","serial":"5C:9C:E1:09:78:87:F8:07","fingerprint":"6a:ff:ac:a6:5f:8a:05:e7:a9:8c:76:29:b9:08:c7:69:ad:dc:72:47","sni":"p33-btmmdns.icloud.com.","version":"TLS 1.2","notbefore":"2017-02-27T17:54:31","notafter":"2019-03-29T17:54:31"}}`,
      expect: { 'target.host.name': 'p33-btmmdns.icloud.com.', 'data.tls.version': 'TLS 1.2', 'target.host.port': 443 },
    },
    {
      input: String.raw`{"timestamp":"2018-07-05T15:51:54.001329-0400","flow_id":1828507008887644,"event_type":"flow","src_ip":"fe80:0000:0000:0000:fada:0cff:fedc:87f1","src_port":546,"dest_ip":"ff02:0000:0000:0000:0000:0000:0001:0002","dest_port":547,"proto":"UDP","app_proto":"failed","flow":{"pkts_toserver":1,"pkts_toclient":0,"bytes_toserver":110,"bytes_toclient":0,"start":"2018-07-05T15:51:23.453468-0400","end":"2018-07-05T15:51:23.453468-0400","age":0,"state":"new","reason":"timeout","alerted":false}}`,
      expect: { 'init.host.ip': 'fe80:0000:0000:0000:fada:0cff:fedc:87f1', 'target.host.port': 547, 'session.out.byte': 110, 'data.flow.state': 'new' },
    },
  ],
};

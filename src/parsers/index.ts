// THE ordered parser registry (DESIGN practice 2): specific formats first, generic ones last.
// Content sniffing takes the best score; on a tie the earlier parser wins.
import type { Parser } from './types.ts';
import { evtx } from './formats/evtx.ts';
import { syslog3164 } from './formats/syslog3164.ts';
import { windowsXml } from './formats/windows-xml.ts';
import { windowsJson } from './formats/windows-json.ts';
import { cloudtrail } from './formats/cloudtrail.ts';
import { suricataEve } from './formats/suricata-eve.ts';
import { zeekJson } from './formats/zeek-json.ts';
import { zeekTsv } from './formats/zeek-tsv.ts';
import { azureAd } from './formats/azure-ad.ts';
import { journald } from './formats/journald.ts';
import { csv } from './formats/csv.ts';
import { json } from './formats/json.ts';
import { w3c } from './formats/w3c.ts';
import { cef } from './formats/cef.ts';
import { leef } from './formats/leef.ts';
import { syslog5424 } from './formats/syslog5424.ts';
import { syslogIso } from './formats/syslog-iso.ts';
import { ciscoAsa } from './formats/cisco-asa.ts';
import { fortigate } from './formats/fortigate.ts';
import { paloalto } from './formats/paloalto.ts';
import { pfsense } from './formats/pfsense.ts';
import { checkpoint } from './formats/checkpoint.ts';
import { sophos } from './formats/sophos.ts';
import { openvpn } from './formats/openvpn.ts';
import { windowsDhcp } from './formats/windows-dhcp.ts';
import { postfix } from './formats/postfix.ts';
import { exim } from './formats/exim.ts';
import { modsecurity } from './formats/modsecurity.ts';
import { modsecurityAudit } from './formats/modsecurity-audit.ts';
import { modsecurityNative } from './formats/modsecurity-native.ts';
import { modsecurityIndex } from './formats/modsecurity-index.ts';
import { kv } from './formats/kv.ts';
import { apacheAccess } from './formats/apache-access.ts';
import { apacheError } from './formats/apache-error.ts';
import { squid } from './formats/squid.ts';
import { proxifier } from './formats/proxifier.ts';
import { hdfs } from './formats/hdfs.ts';
import { cbs } from './formats/cbs.ts';
import { logcat } from './formats/logcat.ts';
import { log4j } from './formats/log4j.ts';
import { pythonLog } from './formats/python-log.ts';
import { pipe } from './formats/pipe.ts';
import { applog } from './formats/applog.ts';
import { generic } from './formats/generic.ts';

export const PARSERS: readonly Parser[] = [
  // binary formats with a file signature
  evtx,
  // structured formats recognised by their content (framing xml-event / json / line with # headers)
  windowsXml,
  windowsJson,
  cloudtrail,
  suricataEve,
  modsecurityAudit,
  modsecurityNative, // '--<boundary>-A--' then '[time] id ip port ip port': multi-line records (framing modsec-audit)
  zeekJson,
  zeekTsv,
  azureAd,
  journald,
  // line formats with a sure marker ('#Fields:', 'CEF:0|', 'LEEF:1.0|', '<PRI>1 ') before plain syslog
  w3c,
  windowsDhcp, // 'ID,Date,Time,Description,' header after a prose preamble: before csv
  cef,
  leef,
  // network devices whose payload follows any syslog header (3164, 5424, none): before the syslog parsers
  fortigate, // date=/logid= pairs: above kv
  paloalto, // 'n,yyyy/mm/dd hh:mm:ss,serial,TYPE,' CSV
  pfsense, // 'filterlog:' then CSV
  checkpoint, // [key:"value"; ...] or 'Checkpoint: ddMonyyyy'
  sophos, // SFOS device/log_type pairs, UTM 'yyyy:mm:dd-hh:mm:ss host prog: id="n"'
  syslog5424,
  ciscoAsa, // '%ASA-n-nnnnnn:' anywhere, also after a syslog header: before the syslog parsers
  postfix, // syslog lines tagged postfix/<daemon>: before syslog3164
  openvpn, // openvpn[pid]: syslog lines or its own time-prefixed file: before syslog3164
  syslog3164,
  syslogIso, // rsyslog/journalctl RFC 3339 headers: after syslog5424, whose '<PRI>1 ' it never matches
  kv, // k=v lists, also after a syslog header: scores above syslog3164 when the messages are pair lists
  // line formats recognised by their fixed layout
  exim,
  modsecurityIndex, // the Concurrent audit log's index: a vhost access line + record file, size, md5: before apache-access
  apacheAccess,
  modsecurity, // error logs where ModSecurity speaks: just above apache-error
  apacheError,
  squid,
  proxifier,
  hdfs,
  cbs,
  logcat,
  log4j,
  pythonLog,
  pipe,
  // generic structured formats: after every specific parser
  csv,
  json, // LAST of the JSON parsers
  // free text: a leading time and a level word, then anything at all
  applog,
  generic, // LAST: any non-empty line is an event (sniff always 0.05)
];

export function parserById(id: string): Parser | undefined {
  return PARSERS.find((p) => p.id === id);
}

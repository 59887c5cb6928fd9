// Hadoop HDFS daemon log (log4j layout "yyMMdd HHmmss pid LEVEL class: message", as in the loghub HDFS set).
// Spec (best public description): https://github.com/logpai/loghub/tree/master/HDFS ; log4j PatternLayout https://logging.apache.org/log4j/1.x/apidocs/org/apache/log4j/PatternLayout.html
// Example: 081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating
// The class (dfs.DataNode$PacketResponder) is the component: app.name. Block ids go to data.block.
// Roles only where the text names them: "src: /a:p dest: /b:p" (src init, dest target), "Served block … to /ip"
// (the reader is init, this DataNode the target), "Received block … from /ip" (the sender is init).
// Quirks: two-digit year (08 -> 2008), no zone (file zone, flagged); block ids may be negative (blk_-69…).
import { err, ok } from '../../core/result.ts';
import { parseYymmddTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { shareOfLines } from '../sniff.ts';

//                 yyMMdd  HHmmss     pid    LEVEL                     class      message
const LINE = /^(\d{6} \d{6}) (\d+) (INFO|WARN|ERROR|FATAL|DEBUG|TRACE) ([^\s:]+): (.*)$/;
const BLOCK = /\bblk_(-?\d+)/;
const SRC_DEST = /src: \/([\d.]+):(\d+) dest: \/([\d.]+):(\d+)/;
const SERVED = /^([\d.]+):(\d+):? ?(?:Served block|Got exception while serving) blk_-?\d+ to \/([\d.]+)/;
const RECEIVED = /^Received block blk_-?\d+ of size (\d+) from \/([\d.]+)/;

export const hdfs: TextParser = {
  kind: 'text',
  id: 'hdfs',
  title: 'Hadoop HDFS log',
  version: '1',
  url: 'https://github.com/logpai/loghub/tree/master/HDFS',
  framing: 'line',
  patterns: ['line', 'src-dest', 'served', 'received'],

  sniff(head) {
    return shareOfLines(head, LINE) * 0.95;
  },

  parse(line, ctx) {
    const m = LINE.exec(line);
    if (m === null) return err('not an HDFS log line (expected "yyMMdd HHmmss pid LEVEL class: message")');
    ctx.hit?.('line');
    const t = parseYymmddTime(m[1], ctx.time);
    if (t === undefined) return err(`invalid date "${m[1]}"`);
    const msg = m[5];
    const ev: EventFields = {
      ts: t.ts, 'ts.raw': m[1], 'ts.guess': t.guess, type: 'SYS', vendor: 'Apache Hadoop', 'obs.process.id': m[2],
      'alarm.sev': m[3], 'app.name': m[4], message: msg,
    };
    const b = BLOCK.exec(msg);
    if (b !== null) ev['data.block'] = `blk_${b[1]}`;
    let r: RegExpExecArray | null;
    if ((r = SRC_DEST.exec(msg)) !== null) {
      ctx.hit?.('src-dest');
      Object.assign(ev, { 'init.host.ip': r[1], 'init.host.port': Number(r[2]), 'target.host.ip': r[3], 'target.host.port': Number(r[4]) });
    } else if ((r = SERVED.exec(msg)) !== null) {
      ctx.hit?.('served');
      Object.assign(ev, { 'target.host.ip': r[1], 'target.host.port': Number(r[2]), 'init.host.ip': r[3] });
    } else if ((r = RECEIVED.exec(msg)) !== null) {
      ctx.hit?.('received');
      Object.assign(ev, { 'session.in.byte': Number(r[1]), 'init.host.ip': r[2] });
    }
    return ok(ev);
  },

  samples: [
    {
      input: '081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating',
      expect: {
        ts: Date.UTC(2008, 10, 9, 20, 36, 15), 'ts.guess': 'zone', 'obs.process.id': '148', 'alarm.sev': 'INFO', 'app.name': 'dfs.DataNode$PacketResponder',
        message: 'PacketResponder 1 for block blk_38865049064139660 terminating', 'data.block': 'blk_38865049064139660',
      },
    },
    {
      input: '081109 204815 653 INFO dfs.DataNode$DataXceiver: Receiving block blk_5792489080791696128 src: /10.251.30.6:33145 dest: /10.251.30.6:50010',
      expect: { 'init.host.ip': '10.251.30.6', 'init.host.port': 33145, 'target.host.port': 50010 },
    },
    {
      input: '081109 214043 2561 WARN dfs.DataNode$DataXceiver: 10.251.30.85:50010:Got exception while serving blk_-2918118818249673980 to /10.251.90.64:',
      expect: { 'alarm.sev': 'WARN', 'target.host.ip': '10.251.30.85', 'init.host.ip': '10.251.90.64', 'data.block': 'blk_-2918118818249673980' },
    },
    {
      input: '081109 204655 556 INFO dfs.DataNode$PacketResponder: Received block blk_3587508140051953248 of size 67108864 from /10.251.42.84',
      expect: { 'init.host.ip': '10.251.42.84', 'session.in.byte': 67108864 },
    },
  ],
};

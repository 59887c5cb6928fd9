// Java application logs in the log4j / logback default layouts (Spring Boot, Tomcat apps, Hadoop/ZooKeeper…).
// Spec: https://logging.apache.org/log4j/2.x/manual/pattern-layout.html ; https://logback.qos.ch/manual/layouts.html
// Example: 2015-07-29 17:41:44,747 INFO  [main] org.foo.Bar - message
// Two orders are common: "%d %-5p [%t] %c - %m" (log4j) and "%d [%t] %-5level %logger - %msg" (logback);
// ZooKeeper writes "%d - %-5p [%t:%C{1}@%L] - %m". The logger (class) is the component: app.name;
// the thread is data.thread. Quirks: ',' or '.' before milliseconds; the level is padded with spaces;
// zone-less times are read in the file's zone and flagged.
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { nonBlankLines } from '../sniff.ts';

const TS = '(\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?(?:Z|[+-]\\d\\d:?\\d\\d)?)';
const LV = '(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)';
//                         time     level      [thread]          logger       - msg
const THREAD = '\\[((?:[^[\\]]|\\[[^\\]]*\\])*)\\]'; // one level of nested [] (ZooKeeper: [QuorumPeer[myid=1]/…])
const LOG4J = new RegExp(`^${TS}(?: -)? +${LV} +${THREAD} +(?:- )?(?:([\\w.$:@/-]+)(?: +-|:) )?(.*)$`);
const LOGBACK = new RegExp(`^${TS} +${THREAD} +${LV} +([\\w.$:@/-]+) +- ?(.*)$`);

export const log4j: TextParser = {
  kind: 'text',
  id: 'log4j',
  title: 'Java log4j / logback application log',
  version: '1',
  url: 'https://logging.apache.org/log4j/2.x/manual/pattern-layout.html',
  framing: 'line',
  patterns: ['log4j', 'logback'],

  sniff(head) {
    const lines = nonBlankLines(head);
    if (lines.length === 0) return 0;
    // stack traces ("\tat org.foo…", "Caused by:") sit between records: count them as neither
    const records = lines.filter((l) => !/^\s|^Caused by:|^[\w.$]+(?:Exception|Error)\b/.test(l));
    if (records.length === 0) return 0;
    return (records.filter((l) => LOG4J.test(l) || LOGBACK.test(l)).length / records.length) * 0.85;
  },

  parse(line, ctx) {
    let time: string, level: string, thread: string, logger: string | undefined, msg: string;
    let m = LOG4J.exec(line);
    if (m !== null) {
      ctx.hit?.('log4j');
      [, time, level, thread, logger, msg] = m;
    } else {
      m = LOGBACK.exec(line);
      if (m === null) return err('not a log4j/logback line (expected "date time LEVEL [thread] logger - message")');
      ctx.hit?.('logback');
      [, time, thread, level, logger, msg] = m;
    }
    const t = parseIsoTime(time, ctx.time);
    if (t === undefined) return err(`invalid date "${time}"`);
    const ev: EventFields = { ts: t.ts, 'ts.raw': time, 'ts.guess': t.guess, type: 'SYS', 'alarm.sev': level, 'data.thread': thread, message: msg };
    if (logger !== undefined) ev['app.name'] = logger;
    return ok(ev);
  },

  samples: [
    {
      input: '2015-07-29 17:41:44,747 INFO  [main] org.foo.Bar - message',
      expect: { ts: Date.UTC(2015, 6, 29, 17, 41, 44, 747), 'ts.guess': 'zone', 'alarm.sev': 'INFO', 'data.thread': 'main', 'app.name': 'org.foo.Bar', message: 'message' },
    },
    {
      input: '2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200',
      expect: { 'alarm.sev': 'INFO', 'data.thread': 'QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774', message: 'Notification time out: 3200' },
    },
    {
      input: '2024-05-06 07:08:09.123 [http-nio-8080-exec-1] WARN  o.s.web.servlet.PageNotFound - No mapping for GET /favicon.ico',
      expect: { 'alarm.sev': 'WARN', 'data.thread': 'http-nio-8080-exec-1', 'app.name': 'o.s.web.servlet.PageNotFound', message: 'No mapping for GET /favicon.ico' },
    },
  ],
};

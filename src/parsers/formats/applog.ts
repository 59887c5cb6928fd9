// Generic application log: "<timestamp> <LEVEL> <component>: <message>", with any time form
// src/core/time.ts parseLeadingTime knows (ISO, 10/08/2013 20:10:29, 20171223-22:15:29:606, ctime, epoch…).
// Spec: none (the common shape of hand-rolled loggers); see https://github.com/logpai/loghub for many variants
// Example: 10/08/2013 20:10:29 ERROR backup.job: disk /dev/sdb1 not mounted
// After the more specific application formats (log4j, python-log, logcat, HDFS, CBS) and before generic:
// a line must have a leading time AND a level word; the component is optional (a token before ':'),
// "[LEVEL]" and "LEVEL:" spellings are accepted. Slash dates are month/day (US order, see parseSlashTime).
import { err, ok } from '../../core/result.ts';
import { parseLeadingTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { shareOfLines, sniffTime } from '../sniff.ts';

const REST = /^[\s,|-]*[[<]?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRIT|CRITICAL|FATAL|ALERT|EMERG|SEVERE|VERBOSE)[\]>]?(?::|\s+-)?\s+(?:\[?([\w.$/@#-]{1,128}?)\]?:\s+)?(.*)$/i;

export const applog: TextParser = {
  kind: 'text',
  id: 'applog',
  title: 'Application log (timestamp, level, component: message)',
  version: '1',
  url: 'https://github.com/logpai/loghub',
  framing: 'line',
  patterns: ['line', 'component'],

  sniff(head) {
    const { settings, years } = sniffTime();
    return shareOfLines(head, (l) => {
      const t = parseLeadingTime(l, years, settings);
      return t !== undefined && REST.test(l.slice(t.end));
    }) * 0.7;
  },

  parse(line, ctx) {
    const t = parseLeadingTime(line, ctx.years, ctx.time);
    if (t === undefined) return err('no leading timestamp');
    const m = REST.exec(line.slice(t.end));
    if (m === null) return err('no level word after the timestamp');
    ctx.hit?.('line');
    const ev: EventFields = { ts: t.ts, 'ts.raw': t.raw, 'ts.guess': t.guess, type: 'SYS', 'alarm.sev': m[1].toUpperCase(), message: m[3] };
    if (m[2] !== undefined) {
      ctx.hit?.('component');
      ev['app.name'] = m[2];
    }
    return ok(ev);
  },

  samples: [
    {
      input: '10/08/2013 20:10:29 ERROR backup.job: disk /dev/sdb1 not mounted',
      expect: { ts: Date.UTC(2013, 9, 8, 20, 10, 29), 'ts.guess': 'zone', 'alarm.sev': 'ERROR', 'app.name': 'backup.job', message: 'disk /dev/sdb1 not mounted' },
    },
    {
      input: '20171223-22:15:29:606 [INFO] Step_LSC: onStandStepChanged 3579',
      expect: { ts: Date.UTC(2017, 11, 23, 22, 15, 29, 606), 'alarm.sev': 'INFO', 'app.name': 'Step_LSC', message: 'onStandStepChanged 3579' },
    },
    {
      input: '2024-03-04T05:06:07+01:00 warning cache warmed in 32 ms',
      expect: { ts: Date.UTC(2024, 2, 4, 4, 6, 7), 'ts.guess': '', 'alarm.sev': 'WARNING', message: 'cache warmed in 32 ms' },
    },
  ],
};

// Python `logging` output in its common formats.
// Spec: https://docs.python.org/3/library/logging.html#logrecord-attributes
// Example: 2024-01-02 10:11:12,345 - myapp.db - WARNING - connection pool exhausted
// "%(asctime)s - %(name)s - %(levelname)s - %(message)s" (the cookbook format) and
// "%(asctime)s %(levelname)s %(name)s: %(message)s" / "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"
// (Flask). The logger name is the component: app.name.
// Quirks: the basicConfig default "WARNING:root:msg" carries no time: such a line is refused (it becomes a
// counted unparsed record, or the generic parser's when a whole file is written that way); asctime uses ','
// before milliseconds; no zone (file zone, flagged).
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';

const TS = '(\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,6})?)';
const LV = '(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL|NOTSET)';
const DASHED = new RegExp(`^${TS} - (\\S+) - ${LV} - (.*)$`);
const FLASK = new RegExp(`^\\[${TS}\\] ${LV} in (\\S+): (.*)$`);
const SPACED = new RegExp(`^${TS} ${LV} (\\S+?): (.*)$`);
const BASIC = new RegExp(`^${LV}:([^:]*):`);

export const pythonLog: TextParser = {
  kind: 'text',
  id: 'python-log',
  title: 'Python logging output',
  version: '1',
  url: 'https://docs.python.org/3/library/logging.html#logrecord-attributes',
  framing: 'line',
  patterns: ['dashed', 'flask', 'spaced'],

  sniff(head) {
    const lines = head.lines.filter((l) => l.trim() !== '' && !/^\s|^Traceback|^\w+Error:/.test(l));
    if (lines.length === 0) return 0;
    return (lines.filter((l) => DASHED.test(l) || FLASK.test(l) || SPACED.test(l)).length / lines.length) * 0.86;
  },

  parse(line, ctx) {
    let time: string, name: string, level: string, msg: string;
    let m: RegExpExecArray | null;
    if ((m = DASHED.exec(line)) !== null) {
      ctx.hit?.('dashed');
      [, time, name, level, msg] = m;
    } else if ((m = FLASK.exec(line)) !== null) {
      ctx.hit?.('flask');
      [, time, level, name, msg] = m;
    } else if ((m = SPACED.exec(line)) !== null) {
      ctx.hit?.('spaced');
      [, time, level, name, msg] = m;
    } else if (BASIC.test(line)) {
      return err('Python basicConfig line without a time ("LEVEL:logger:message")');
    } else return err('not a Python logging line (expected "date time - logger - LEVEL - message")');
    const t = parseIsoTime(time, ctx.time);
    if (t === undefined) return err(`invalid date "${time}"`);
    const ev: EventFields = { ts: t.ts, 'ts.raw': time, 'ts.guess': t.guess, type: 'SYS', 'alarm.sev': level, 'app.name': name, message: msg };
    return ok(ev);
  },

  samples: [
    {
      input: '2024-01-02 10:11:12,345 - myapp.db - WARNING - connection pool exhausted',
      expect: { ts: Date.UTC(2024, 0, 2, 10, 11, 12, 345), 'ts.guess': 'zone', 'app.name': 'myapp.db', 'alarm.sev': 'WARNING', message: 'connection pool exhausted' },
    },
    {
      input: '[2024-01-02 10:11:12,345] ERROR in app: Exception on /login [POST]',
      expect: { 'app.name': 'app', 'alarm.sev': 'ERROR', message: 'Exception on /login [POST]' },
    },
    {
      input: '2024-01-02 10:11:12,345 INFO werkzeug: 127.0.0.1 - - "GET / HTTP/1.1" 200 -',
      expect: { 'app.name': 'werkzeug', 'alarm.sev': 'INFO', message: '127.0.0.1 - - "GET / HTTP/1.1" 200 -' },
    },
  ],
};

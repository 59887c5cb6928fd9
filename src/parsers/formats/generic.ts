// The catch-all: any non-empty line of any text file becomes an event. LAST in the registry.
// Spec: none (best effort). What it learns per file (prepare(), from the first lines of the head):
//   the timestamp's layout, field and day/month order (src/core/time/learn.ts), and the header columns
//   before it (when the time is not the first field: label, level, host) and after it — level, component or
//   syslog tag[pid], pid, thread, host, request id, further dates and fixed words (../learn/header.ts).
// Example: 2024-01-02 10:11:12 WARN Accepted connection from 10.0.0.5 port 5050 for user bob
// What it fills: ts (the learned layout; another layout where a line lacks it), alarm.sev, app.name,
// obs.process.name/id, obs.host.name, session.id, data.thread from the header, message (the rest), and the
// entity lists data.ips/urls/domains/paths/users; init/target only where the text says "from <ip>"/"src=<ip>"
// or "to <ip>"/"dst=<ip>". Entities come from the message only when the line's header columns were read by the
// learned layout and each has a field (a logger "sshd.bastion" is app.name, no domain); a layout with an untyped
// column (a 'word' or 'time' column, kept only in raw: it may hold an address) keeps extraction on the line.
// Quirks: sniff is always a low positive score, so any specific parser that recognises the file wins;
// an empty (or whitespace-only) line is meta (skipped and counted), never an event. Without prepare()
// (a single line parsed on its own), the layout is learned from that first line.
import { err, ok } from '../../core/result.ts';
import { parseLeadingTime } from '../../core/time.ts';
import { TimeReader, allChoices, choiceOf, describeLearned, learnTime } from '../../core/time/learn.ts';
import { findTimes } from '../../core/time/find.ts';
import type { EventFields } from '../../core/schema.ts';
import type { Head, ParseContext, TextParser } from '../types.ts';
import { extractEntities } from '../extract/entities.ts';
import { learnHeader, learnPrefix, readHeader, readPrefix, type ColumnKind } from '../learn/header.ts';

const LEVEL = /^[[(<]?(TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|ERR|CRIT(?:ICAL)?|FATAL|ALERT|EMERG(?:ENCY)?|SEVERE|VERBOSE)[\])>:]?(?=\s|$)\s*/i;
// a separator some writers put after the time: ",", " - ", " | ", ":"
const SEP = /^\s*(?:[,|:]|-(?=\s))?\s*/;
// what closes a bracketed time, and a separator after it
const AFTER_TIME = /^[\])]?[,;]?\s*/;
/** Where the text after a time starts: past a ']' or ')' closing it, a ',' or ';', and spaces (AFTER_TIME without a copy of the line). */
function afterTime(line: string, end: number): number {
  let i = end;
  let c = line.charCodeAt(i);
  if (c === 93 || c === 41) c = line.charCodeAt(++i);
  if (c === 44 || c === 59) c = line.charCodeAt(++i);
  while (c === 32 || c === 9 || c === 11 || c === 12 || c === 160) c = line.charCodeAt(++i);
  return i;
}

/** lines of the head the layout is learned from */
const LEARN_LINES = 200;

interface Layout {
  reader?: TimeReader;
  /** the columns before the time when it is not the first field ("- 1131566461 2005.11.09 ...") */
  prefix: ColumnKind[];
  header: ColumnKind[];
  /**
   * every column before the message has a field of its own (no 'word' or 'time' column, which are kept only
   * in raw): entities then come from the message alone, since the header holds none that is not typed already
   */
  typed: boolean;
}

const UNTYPED: ReadonlySet<ColumnKind> = new Set(['word', 'time']);

const STATE_KEY = 'generic.layout';

function learn(lines: string[], ctx: ParseContext): Layout {
  const learned = learnTime(lines, ctx.timeLayout, ctx.time.referenceMs);
  const layout: Layout = { prefix: [], header: [], typed: false };
  if (learned !== undefined) {
    layout.reader = new TimeReader(learned, ctx.years, ctx.time);
    // the header is learned from the lines whose time sits where the layout says: the columns before that
    // time (when it is not the first field) and after it
    const before: string[] = [];
    const after: string[] = [];
    for (const line of lines) {
      const c = findTimes(line).find((x) => x.layout === learned.layout && x.field === learned.field);
      if (c === undefined) continue;
      before.push(line.slice(0, c.start));
      after.push(line.slice(c.end).replace(AFTER_TIME, ''));
    }
    if (learned.field > 0) layout.prefix = learnPrefix(before, learned.field);
    if (learned.field === 0 || layout.prefix.length > 0) layout.header = learnHeader(after);
    layout.typed = ![...layout.prefix, ...layout.header].some((k) => UNTYPED.has(k));
  }
  ctx.learned = {
    time: learned === undefined ? undefined : describeLearned(learned),
    timeChoice: learned === undefined ? undefined : choiceOf(learned),
    lines: 0, timeLines: 0, header: learned === undefined ? [] : [...layout.prefix, 'time', ...layout.header],
  };
  ctx.state.set(STATE_KEY, layout);
  return layout;
}

export const generic: TextParser = {
  kind: 'text',
  id: 'generic',
  title: 'Any text log (learned time and header, entities)',
  // 3: the forms read since issue 12 part 2 (zone abbreviations, ms after a third ':', Snort, Erlang, MySQL 5,
  // Redis 2, glog/klog times; columns before the time; BGL components)
  // 4: entities from the message only when the learned header's columns, all typed, were read
  version: '4',
  url: 'https://github.com/logdrop/logdrop/blob/main/src/parsers/formats/generic.ts',
  framing: 'line',
  patterns: ['learned-time', 'other-time', 'no-time', 'header'],

  sniff(head) {
    return head.text.length > 0 ? 0.05 : 0.01;
  },

  isMeta(line) {
    return line.trim() === '';
  },

  prepare(head: Head, ctx: ParseContext) {
    const lines = head.text.split('\n', LEARN_LINES + 1).slice(0, LEARN_LINES).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    // a cut last line says nothing
    if (head.lines.length > 0 && lines.length > head.lines.length && lines.length === LEARN_LINES + 1) lines.pop();
    learn(lines.filter((l) => l.trim() !== ''), ctx);
  },

  timeLayouts: allChoices,

  parse(line, ctx) {
    if (line.trim() === '') return err('empty line');
    const layout = (ctx.state.get(STATE_KEY) as Layout | undefined) ?? learn([line], ctx);
    const ev: EventFields = { type: 'SYS' };
    let rest = line;
    // the line's header columns were read by the learned layout: when they are all typed fields, entities come
    // from the free text after them only
    let header = false;
    if (ctx.learned !== undefined) ctx.learned.lines++;
    const before = layout.reader?.matched ?? 0;
    const t = layout.reader?.read(line);
    if (t !== undefined) {
      ev.ts = t.ts;
      ev['ts.raw'] = t.raw;
      ev['ts.guess'] = t.guess;
      const atLayout = layout.reader!.matched > before;
      if (atLayout && ctx.learned !== undefined) ctx.learned.timeLines++;
      ctx.hit?.(atLayout ? 'learned-time' : 'other-time');
      const from = afterTime(line, t.end);
      if (t.start === 0 || line.slice(0, t.start).trim() === '[') {
        let at = from;
        if (atLayout && layout.header.length > 0) {
          at = readHeader(line, layout.header, ev, from);
          header = at > from;
          if (header) ctx.hit?.('header');
        }
        rest = line.slice(at);
      } else if (atLayout && layout.prefix.length > 0 && readPrefix(line, layout.prefix, ev, t.start)) {
        // the columns before the time, the time, the columns after it: the rest is the message
        const at = readHeader(line, layout.header, ev, from);
        ctx.hit?.('header');
        header = true;
        rest = line.slice(at);
      } else if (atLayout && layout.prefix.length === 0 && layout.header.length > 0) {
        readHeader(line, layout.header, ev, from);
      }
    } else if (layout.reader === undefined) {
      // nothing learned: a time at the start of this line in any known form, and a level word after it
      const lt = parseLeadingTime(line, ctx.years, ctx.time);
      if (lt !== undefined) {
        ctx.hit?.('other-time');
        ev.ts = lt.ts;
        ev['ts.raw'] = lt.raw;
        ev['ts.guess'] = lt.guess;
        rest = line.slice(lt.end).replace(SEP, '');
        const lv = LEVEL.exec(rest);
        if (lv !== null) {
          ev['alarm.sev'] = lv[1];
          rest = rest.slice(lv[0].length);
        }
      } else ctx.hit?.('no-time');
    } else ctx.hit?.('no-time');
    ev.message = rest.trim();
    extractEntities(header && layout.typed ? ev.message : line, ev);
    return ok(ev);
  },

  samples: [
    {
      input: '2024-01-02 10:11:12 (WARN) Accepted connection from 10.0.0.5 port 5050 for user bob',
      expect: {
        ts: Date.UTC(2024, 0, 2, 10, 11, 12), 'ts.guess': 'zone', 'alarm.sev': 'WARN', message: 'Accepted connection from 10.0.0.5 port 5050 for user bob',
        'init.host.ip': '10.0.0.5', 'init.host.port': 5050, 'data.ips': '10.0.0.5', 'data.users': 'bob',
      },
    },
    {
      input: 'WARNING:root:disk almost full on /var/lib/docker (see https://docs.example.org/disk)',
      expect: { message: 'WARNING:root:disk almost full on /var/lib/docker (see https://docs.example.org/disk)', 'data.paths': '/var/lib/docker', 'data.urls': 'https://docs.example.org/disk', 'data.domains': 'docs.example.org' },
    },
    {
      input: '[10/Oct/2000:13:55:36 -0700] copied C:\\Users\\bob\\secret.docx to 192.0.2.7:445',
      expect: { ts: Date.UTC(2000, 9, 10, 20, 55, 36), 'ts.guess': '', 'data.paths': 'C:\\Users\\bob\\secret.docx', 'target.host.ip': '192.0.2.7', 'target.host.port': 445 },
    },
    {
      input: 'something happened between 10.1.1.1 and 2001:db8::1 (version 6.1.7601.23505)',
      expect: { 'data.ips': '10.1.1.1,2001:db8::1', message: 'something happened between 10.1.1.1 and 2001:db8::1 (version 6.1.7601.23505)' },
    },
    {
      // the time after a file-name prefix (OpenStack), then pid, level and logger
      input: 'nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server [req-38101a0b-2096-447d-96ea-a692162415ae] 10.11.10.1 "GET /v2/servers HTTP/1.1" status: 200',
      expect: { ts: Date.UTC(2017, 4, 16, 0, 0, 0, 8), 'ts.raw': '2017-05-16 00:00:00.008' },
    },
    {
      input: '    at com.example.Foo.bar(Foo.java:12)',
      before: ['2024-01-02 10:11:12 boom'],
      expect: { message: 'at com.example.Foo.bar(Foo.java:12)' },
    },
    {
      input: '2024-01-02 10:11:13 Jan 02 2024 10:11:14 UTC other',
      before: ['Jan 02 2024 10:11:12 UTC boom'],
      expect: { ts: Date.UTC(2024, 0, 2, 10, 11, 14), 'ts.raw': 'Jan 02 2024 10:11:14 UTC' },
    },
  ],
};

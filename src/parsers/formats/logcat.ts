// Android logcat ("threadtime" and "time" formats, as `adb logcat -v threadtime` and bug reports write them).
// Spec: https://developer.android.com/tools/logcat#outputFormat
// Example: 03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken = AppWindowToken{9f4ef63 token=Token{a64f992 ActivityRecord{de9231d u0 com.tencent.qt.qtl/.activity.info.NewsDetailXmlActivity t761}}}, allDrawn= false, startingDisplayed =  false, startingMoved =  false, isRelaunching =  false
// Priority letters V D I W E F A -> alarm.sev (VERBOSE … ASSERT); the tag is the component (app.name);
// pid -> obs.process.id, tid -> data.tid. Quirks: no year and no zone (MM-DD: inferred and flagged
// 'year,zone'); pids are right-aligned with several spaces; tags may contain spaces and end at ': '.
import { err, ok } from '../../core/result.ts';
import { parseMonthDayTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';

//                          MM-DD HH:MM:SS.mmm              pid      tid     P          tag     msg
const THREADTIME = /^(\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\s+(\d+)\s+(\d+) ([VDIWEFA]) (.*?)\s*: (.*)$/;
const TIME = /^(\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) ([VDIWEFA])\/(.*?)\(\s*(\d+)\): (.*)$/;
const PRIORITY: Readonly<Record<string, string>> = { V: 'VERBOSE', D: 'DEBUG', I: 'INFO', W: 'WARN', E: 'ERROR', F: 'FATAL', A: 'ASSERT' };

export const logcat: TextParser = {
  kind: 'text',
  id: 'logcat',
  title: 'Android logcat',
  version: '1',
  url: 'https://developer.android.com/tools/logcat#outputFormat',
  framing: 'line',
  patterns: ['threadtime', 'time'],

  sniff(head) {
    const lines = head.lines.filter((l) => l.trim() !== '' && !l.startsWith('--------- beginning of'));
    if (lines.length === 0) return 0;
    return (lines.filter((l) => THREADTIME.test(l) || TIME.test(l)).length / lines.length) * 0.9;
  },

  isMeta(line) {
    return line.startsWith('--------- beginning of') || line.trim() === '';
  },

  parse(line, ctx) {
    let time: string, pid: string, tid: string | undefined, prio: string, tag: string, msg: string;
    let m = THREADTIME.exec(line);
    if (m !== null) {
      ctx.hit?.('threadtime');
      [, time, pid, tid, prio, tag, msg] = m;
    } else {
      m = TIME.exec(line);
      if (m === null) return err('not a logcat line (expected "MM-DD HH:MM:SS.mmm pid tid P tag: message")');
      ctx.hit?.('time');
      [, time, prio, tag, pid, msg] = m;
    }
    const t = parseMonthDayTime(time, ctx.years, ctx.time);
    if (t === undefined) return err(`invalid date "${time}"`);
    const ev: EventFields = {
      ts: t.ts, 'ts.raw': time, 'ts.guess': t.guess, type: 'SYS', 'alarm.sev': PRIORITY[prio], 'app.name': tag.trim(), 'obs.process.id': pid, message: msg,
    };
    if (tid !== undefined) ev['data.tid'] = tid;
    return ok(ev);
  },

  samples: [
    {
      input: '03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken = AppWindowToken{9f4ef63 token=Token{a64f992 ActivityRecord{de9231d u0 com.tencent.qt.qtl/.activity.info.NewsDetailXmlActivity t761}}}, allDrawn= false, startingDisplayed =  false, startingMoved =  false, isRelaunching =  false',
      expect: { ts: Date.UTC(2025, 2, 17, 16, 13, 38, 811), 'ts.guess': 'year,zone', 'obs.process.id': '1702', 'data.tid': '2395', 'alarm.sev': 'DEBUG', 'app.name': 'WindowManager' },
    },
    {
      input: '03-17 16:13:47.518 E/AndroidRuntime( 2733): FATAL EXCEPTION: main',
      expect: { 'alarm.sev': 'ERROR', 'app.name': 'AndroidRuntime', 'obs.process.id': '2733', message: 'FATAL EXCEPTION: main' },
    },
  ],
};

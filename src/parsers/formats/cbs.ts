// Windows Component-Based Servicing log (C:\Windows\Logs\CBS\CBS.log): CBS and CSI (component store) lines.
// Spec (best public description): https://learn.microsoft.com/en-us/troubleshoot/windows-server/deployment/fix-windows-update-errors ; samples: https://github.com/logpai/loghub/tree/master/Windows
// Example: 2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505 with Core: C:\Windows\winsxs\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_6.1.7601.23505_none_681aa442f6fed7f0\cbscore.dll
// Level (Info/Warning/Error) is padded to a column, then the component (CBS, CSI, DPX…) and the text.
// Quirks: the time is local with no zone (file zone, flagged); CSI lines start with "00000001@2016/9/27:20:30:31.455"
// (a sequence number and a UTC time, kept in data.csi_seq / data.csi_time); "[HRESULT = 0x800f080d - NAME]"
// marks a failed operation (outcome failure, data.hresult).
import { err, ok } from '../../core/result.ts';
import { parseIsoTime } from '../../core/time.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { shareOfLines } from '../sniff.ts';

//                 date       time                level      component  message
const LINE = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d), (\w+)\s+([A-Za-z]\w*)\s+(.*)$/;
const HRESULT = /\[HRESULT = (0x[0-9a-fA-F]{8})(?: - (\w+))?\]/;
const CSI = /^([0-9a-f]{8})@(\d{4}\/\d\d?\/\d\d?:\d\d:\d\d:\d\d\.\d+) /;
const SNIFF = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d, (?:Info|Warning|Error|Perf)\s+\w+\s/;

export const cbs: TextParser = {
  kind: 'text',
  id: 'cbs',
  title: 'Windows CBS.log (Component-Based Servicing)',
  version: '1',
  url: 'https://learn.microsoft.com/en-us/troubleshoot/windows-server/deployment/fix-windows-update-errors',
  framing: 'line',
  patterns: ['line', 'hresult', 'csi'],

  sniff(head) {
    return shareOfLines(head, SNIFF) * 0.95;
  },

  parse(line, ctx) {
    const m = LINE.exec(line);
    if (m === null) return err('not a CBS.log line (expected "yyyy-mm-dd hh:mm:ss, Level Component text")');
    ctx.hit?.('line');
    const t = parseIsoTime(m[1], ctx.time);
    if (t === undefined) return err(`invalid date "${m[1]}"`);
    const msg = m[4];
    const ev: EventFields = {
      ts: t.ts, 'ts.raw': m[1], 'ts.guess': t.guess, type: 'SYS', vendor: 'Microsoft', 'alarm.sev': m[2], 'app.name': m[3], message: msg,
    };
    const h = HRESULT.exec(msg);
    if (h !== null) {
      ctx.hit?.('hresult');
      ev['data.hresult'] = h[1];
      if (h[2] !== undefined) ev['alarm.name'] = h[2];
      // S_OK and other success codes have the high bit clear
      ev.outcome = parseInt(h[1], 16) >= 0x80000000 ? 'failure' : 'success';
    }
    const c = CSI.exec(msg);
    if (c !== null) {
      ctx.hit?.('csi');
      ev['data.csi_seq'] = c[1];
      ev['data.csi_time'] = c[2];
    }
    return ok(ev);
  },

  samples: [
    {
      input: '2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505 with Core: C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_6.1.7601.23505_none_681aa442f6fed7f0\\cbscore.dll',
      expect: {
        ts: Date.UTC(2016, 8, 28, 4, 30, 30), 'ts.guess': 'zone', 'alarm.sev': 'Info', 'app.name': 'CBS', type: 'SYS',
        message: 'Loaded Servicing Stack v6.1.7601.23505 with Core: C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_6.1.7601.23505_none_681aa442f6fed7f0\\cbscore.dll',
      },
    },
    {
      input: '2016-09-28 04:30:31, Info                  CBS    SQM: Failed to start standard sample upload. [HRESULT = 0x80004005 - E_FAIL]',
      expect: { outcome: 'failure', 'data.hresult': '0x80004005', 'alarm.name': 'E_FAIL' },
    },
    {
      input: '2016-09-28 04:30:31, Info                  CSI    00000001@2016/9/27:20:30:31.455 WcpInitialize (wcp.dll version 0.0.0.6) called (stack @0x7fed806eb5d @0x7fef9fb9b6d @0x7fef9f8358f @0xff83e97c @0xff83d799 @0xff83db2f)',
      expect: { 'app.name': 'CSI', 'data.csi_seq': '00000001', 'data.csi_time': '2016/9/27:20:30:31.455' },
    },
  ],
};

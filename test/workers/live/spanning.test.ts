// Records spanning lines (pretty-printed JSON, quoted CSV fields holding line breaks, Windows <Event> XML)
// whose end a poll cut off: the follower holds the unfinished record and reads it whole on the next poll, so
// it becomes one event, never an unparsed half; a record whose end never comes is read as it is once the file
// was quiet for quietMs (it becomes unparsed, nothing is lost).
import { describe, expect, it } from 'vitest';
import { Follower } from '../../../src/workers/live/follower.ts';
import { MemoryFs } from './memoryFs.ts';
import { MemoryCase } from './memoryCase.ts';
import { auditRecord } from '../../harness/modsecAudit.ts';

const pretty = (i: number) =>
  `{\n  "time": "2024-10-17T12:00:${String(i).padStart(2, '0')}.250Z",\n  "level": "warn",\n  "msg": "disk almost full ${i}",\n  "host": "db1"\n}\n`;

/** a follower whose clock the test moves */
function setup(quietMs = 5000) {
  const fs = new MemoryFs(false);
  const store = new MemoryCase();
  const clock = { t: 1_000_000 };
  const f = new Follower(fs, store, { quietMs, now: () => clock.t });
  return { fs, store, clock, f };
}

describe('Follower: records spanning lines cut by a poll', () => {
  it('pretty-printed JSON: the cut record waits and becomes one event with its own line and offset', async () => {
    const { fs, store, f } = setup();
    const r2 = pretty(2);
    const cut = r2.indexOf('"msg"');
    fs.append('app.json', pretty(1) + r2.slice(0, cut));
    const p1 = await f.poll();
    expect(p1).toMatchObject({ events: 1, unparsed: 0, partial: 1 });
    expect(f.states()[0].pendingBytes).toBe(cut);
    fs.append('app.json', r2.slice(cut) + pretty(3));
    const p2 = await f.poll();
    expect(p2).toMatchObject({ events: 2, unparsed: 0, partial: 0 });
    expect(store.events.map((e) => e.message ?? e['data.msg'])).toHaveLength(3);
    expect(store.events.map((e) => e.raw)).toEqual([pretty(1), r2, pretty(3)].map((r) => r.trimEnd()));
    const text = pretty(1) + r2 + pretty(3);
    expect(store.events.map((e) => e['col.line'])).toEqual([1, 7, 13]);
    expect(store.events.map((e) => e['col.offset'])).toEqual([0, pretty(1).length, pretty(1).length + r2.length]);
    const [row] = store.rows.values();
    expect(row).toMatchObject({ events: 3, unparsed: 0, bytesRead: text.length, parserId: 'json' });
    expect(f.states()[0]).toMatchObject({ offset: text.length, lines: 18, pendingBytes: 0 });
  });

  it('CSV: a quoted field holding a line break, cut between its lines, is one row with the header columns', async () => {
    const { fs, store, f } = setup();
    const header = 'time,host,file,program,message,src_ip,user,outcome\n';
    const row1 = '2024-10-17T12:00:00.000Z,web01,auth.log,sshd,Failed password for root from 203.0.113.9 port 51515 ssh2,203.0.113.9,root,failure\n';
    const row2 = '2024-10-17T12:00:05.000Z,web01,auth.log,sshd,"Received disconnect from 203.0.113.9: 11: ""Bye""\n[preauth]",203.0.113.9,,unknown\n';
    const cut = row2.indexOf('\n') + 1;
    fs.append('export.csv', header + row1 + row2.slice(0, cut));
    expect(await f.poll()).toMatchObject({ events: 1, unparsed: 0, partial: 1 });
    fs.append('export.csv', row2.slice(cut));
    expect(await f.poll()).toMatchObject({ events: 1, unparsed: 0, partial: 0 });
    expect(store.events[1]).toMatchObject({ message: 'Received disconnect from 203.0.113.9: 11: "Bye"\n[preauth]', outcome: 'unknown', 'col.line': 3 });
  });

  it('Windows XML: an <Event> element cut inside <System> is read whole on the next poll', async () => {
    const { fs, store, f } = setup();
    const ev = (id: number) => [
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
      `  <System><Provider Name="Microsoft-Windows-Security-Auditing"/><EventID>${id}</EventID>`,
      '    <TimeCreated SystemTime="2019-07-26T07:39:14.375565400Z"/><EventRecordID>4348</EventRecordID>',
      '    <Channel>Security</Channel><Computer>WS01</Computer></System>',
      '  <EventData><Data Name="TargetUserName">alice</Data></EventData>',
      '</Event>',
    ].join('\n') + '\n';
    const second = ev(4625);
    const cut = second.indexOf('    <Channel>');
    fs.append('sec.xml', ev(4624) + second.slice(0, cut));
    expect(await f.poll()).toMatchObject({ events: 1, unparsed: 0, partial: 1 });
    fs.append('sec.xml', second.slice(cut));
    expect(await f.poll()).toMatchObject({ events: 1, unparsed: 0, partial: 0 });
    expect(store.events.map((e) => e['col.line'])).toEqual([1, 7]);
    expect(store.events[1]['parser.name']).toBe(store.events[0]['parser.name']);
  });

  it('ModSecurity native audit log: a transaction cut inside its H section is read whole on the next poll', async () => {
    const { fs, store, f } = setup();
    const first = auditRecord('a1f3c9d2').join('\n');
    const second = auditRecord('0000beef', { time: '12/Mar/2024:14:03:28 +0000' }).join('\n');
    const cut = second.indexOf('Stopwatch');
    fs.append('modsec_audit.log', first + second.slice(0, cut));
    expect(await f.poll()).toMatchObject({ events: 1, unparsed: 0, partial: 1 });
    fs.append('modsec_audit.log', second.slice(cut));
    expect(await f.poll()).toMatchObject({ events: 1, unparsed: 0, partial: 0 });
    expect(store.events.map((e) => e['parser.name'])).toEqual(['modsecurity-native', 'modsecurity-native']);
    expect(store.events.map((e) => e['session.id'])).toEqual(['uid-a1f3c9d2', 'uid-0000beef']);
    expect(store.events[1].raw).toBe(second.trimEnd());
  });

  it('a record whose end never comes is read as it is once the file was quiet: unparsed, not lost', async () => {
    const { fs, store, clock, f } = setup(5000);
    const r2 = pretty(2);
    const cut = r2.indexOf('  "level"');
    fs.append('app.json', pretty(1) + r2.slice(0, cut));
    expect(await f.poll()).toMatchObject({ events: 1, unparsed: 0, partial: 1 });
    clock.t += 2000;
    expect(await f.poll()).toMatchObject({ events: 0, unparsed: 0, partial: 1 });
    clock.t += 3000;
    const p3 = await f.poll();
    expect(p3).toMatchObject({ events: 0, unparsed: 1, partial: 0 });
    expect(store.events[1].raw).toBe(r2.slice(0, cut).trimEnd());
    const [row] = store.rows.values();
    expect(row).toMatchObject({ events: 1, unparsed: 1, bytesRead: pretty(1).length + cut });
    // the file goes on: the next record is read normally
    fs.append('app.json', pretty(3));
    expect(await f.poll()).toMatchObject({ events: 1, unparsed: 0 });
  });

  it('line formats are not held: a poll reads every whole line at once', async () => {
    const { fs, f } = setup();
    fs.append('auth.log', 'Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for root from 203.0.113.9 port 51515 ssh2\n'.repeat(3));
    expect(await f.poll()).toMatchObject({ events: 3, partial: 0 });
  });
});

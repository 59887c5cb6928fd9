import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { windowsJson } from '../../../src/parsers/formats/windows-json.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';
import { makeCtx, parseFile } from '../../harness/parsers.ts';
import { otrfFile } from './otrf.ts';

describe('windows-json', () => {
  const cases: { name: string; input: string; expected: Record<string, string | number> }[] = [
    { name: 'zone-less TimeCreated is flagged', input: '{"EventID":4689,"Channel":"Security","Hostname":"W5","TimeCreated":"2020-10-18 07:50:06.220"}', expected: { ts: Date.UTC(2020, 9, 18, 7, 50, 6, 220), 'ts.guess': 'zone' } },
    { name: 'zoned @timestamp wins over a zone-less time', input: '{"EventID":1,"Channel":"X","EventTime":"2019-12-04 23:41:55","@timestamp":"2019-12-05T04:41:55.000Z"}', expected: { ts: Date.UTC(2019, 11, 5, 4, 41, 55) } },
    { name: 'EventData field clashing with System gets a suffix', input: '{"EventID":1,"Channel":"X","EventData":"<EventData><Data Name=\\"Channel\\">y</Data></EventData>"}', expected: { 'data.Channel': 'X', 'data.Channel_2': 'y' } },
    { name: '__proto__ and constructor keys are data', input: '{"EventID":1,"Channel":"X","__proto__":"p","constructor":"c"}', expected: { 'data.__proto__': 'p', 'data.constructor': 'c' } },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    const r = windowsJson.parse(input, makeCtx());
    expect(r.ok && r.value).toMatchObject(expected);
  });

  it('rejects JSON that is no Windows event', () => {
    expect(windowsJson.parse('{"a":1}', makeCtx()).ok).toBe(false);
    expect(windowsJson.parse('[1]', makeCtx()).ok).toBe(false);
  });

  const files = [
    { zip: 'datasets/atomic/windows/discovery/host/cmd_discover_iexplorer_version_registry.zip', events: 68 },
    { zip: 'datasets/atomic/windows/credential_access/host/psh_lsass_memory_dump_comsvcs.zip', events: 184 },
    { zip: 'datasets/atomic/windows/execution/host/psh_powershell_httplistener.zip', events: 110 },
    { zip: 'datasets/atomic/windows/other/raccine_samples.zip', events: 6 },
    { zip: 'datasets/atomic/windows/persistence/host/covenant_persiststartup.tar.gz', events: 1238 },
    { zip: 'datasets/compound/Log4Shell/securityauditing_log4shell_cve2021_44228_java_serialized_object.zip', events: 39 },
    { zip: 'datasets/compound/Log4Shell/syslog_sysmon_log4shell_cve2021_44228_jndi_reference.zip', events: 93 },
  ];
  it.each(files)('OTRF $zip: every record parses with EventID, host, time', needsCorpus, ({ zip, events }) => {
    const { text } = otrfFile(zip);
    const res = parseFile(windowsJson, text, zip);
    expect(res.unparsed).toEqual([]);
    expect(res.events.length).toBe(events);
    for (const ev of res.events) {
      expect(ev['alarm.id']).toMatch(/^\d+$/);
      expect(ev['data.EventID']).toBe(ev['alarm.id']);
      expect(typeof ev.ts).toBe('number');
      expect(ev['obs.host.name']).toBeTruthy();
      expect(ev['data.Channel']).toBeTruthy();
    }
  });

  it('SigmaHQ regression JSON (pretty-printed evtx_dump) parses', needsCorpus, () => {
    const path = 'sigma/regression_data/rules/windows/process_creation/proc_creation_win_wmic_uninstall_application/b53317a0-8acf-4fd1-8de8-a5401e776b96.json';
    const res = parseFile(windowsJson, readFileSync(corpusPath(path), 'utf8'));
    expect(res.unparsed).toEqual([]);
    expect(res.events[0]).toMatchObject({ 'data.EventID': '1', 'data.Computer': 'swachchhanda', 'data.OriginalFileName': 'wmic.exe' });
  });
});

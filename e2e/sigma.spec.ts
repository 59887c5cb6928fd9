// Sigma rules as a responder uses them: load a few rule files onto the demo through the alerts view, see their
// alerts beside the detectors' and jump to one's evidence, turn a rule off and see it gone, read the coverage
// report (inactive and rejected with file and line), turn a level off, and try a rule in the tester.
// The rules are written by the test itself (nothing outside the repository is read).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { LogdropPage } from './logdrop.page.ts';

const RULES: Record<string, string> = {
  'net.yml': `title: Net.exe account discovery
id: e2e00000-0000-4000-8000-000000000001
level: medium
logsource: { product: windows, category: process_creation }
detection:
  selection: { Image|endswith: '\\net.exe' }
  condition: selection
`,
  'svc.yml': `title: Service installed
id: e2e00000-0000-4000-8000-000000000002
level: high
logsource: { product: windows, service: system }
detection:
  selection: { EventID: 7045 }
  condition: selection
`,
  // two documents: one good, one rejected (its line is reported)
  'clear.yml': `title: Security log cleared
id: e2e00000-0000-4000-8000-000000000003
level: critical
logsource: { product: windows, service: security }
detection:
  selection: { EventID: 1102 }
  condition: selection
---
title: Broken rule
id: e2e00000-0000-4000-8000-000000000004
level: low
logsource: { product: windows, service: security }
detection:
  selection: { EventID|nosuch: 1 }
  condition: selection
`,
  // no DNS events in the demo: inactive
  'dns.yml': `title: DNS query to a paste site
id: e2e00000-0000-4000-8000-000000000005
level: medium
logsource: { product: windows, category: dns_query }
detection:
  selection: { QueryName|endswith: 'pastebin.com' }
  condition: selection
`,
};

function writeRules(): string[] {
  const dir = join(tmpdir(), 'logdrop-e2e', 'sigma');
  mkdirSync(dir, { recursive: true });
  return Object.entries(RULES).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

test('Sigma rules load onto the demo, alert with evidence, turn off, show their coverage; the tester answers live', async ({ page }) => {
  const app = new LogdropPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load demo bundle' }).click();
  await app.waitForIdle();
  await app.openView('Alerts');
  await expect(app.status()).toHaveText('64 alerts: 13 critical, 26 high, 24 medium, 1 low');

  // load the rule files
  const sections = page.getByRole('group', { name: 'Alerts sections' });
  await sections.getByRole('button', { name: /^Sigma rules/ }).click();
  await page.getByLabel('Load Sigma rule files').setInputFiles(writeRules());
  await app.waitForIdle();
  const rules = page.getByRole('region', { name: 'Sigma rules' });
  await expect(rules).toContainText('Read 4 rule files.');
  await expect(rules).toContainText('4 rule files, 5 documents: 3 active, 1 inactive, 1 rejected; 4 Sigma alerts');
  await expect(app.status()).toHaveText('68 alerts: 14 critical, 27 high, 26 medium, 1 low');
  await expect(sections.getByRole('button', { name: /^Sigma rules/ })).toHaveText('Sigma rules (3 active)');

  // the coverage report: inactive with why, rejected with file and line
  const report = page.getByRole('region', { name: 'Coverage report' });
  await report.getByLabel('Coverage status').selectOption('rejected');
  await expect(report.getByRole('row')).toHaveCount(2);
  await expect(report.getByRole('row').nth(1)).toContainText("EventID|nosuch: unknown modifier 'nosuch'");
  await expect(report.getByRole('row').nth(1)).toContainText('clear.yml:14');
  await report.getByLabel('Coverage status').selectOption('inactive');
  await expect(report.getByRole('row').nth(1)).toContainText('DNS query to a paste site');
  await expect(report.getByRole('row').nth(1)).toContainText('no events of this log source (product: windows, category: dns_query) in the case');

  // the Sigma alerts in the list, with their evidence one click away
  await sections.getByRole('button', { name: 'Alert list' }).click();
  const net = page.getByRole('region', { name: 'Net.exe account discovery' });
  await expect(net.getByRole('heading', { level: 3 })).toContainText('2 alerts');
  await expect(net).toContainText('Sigma rule from');
  await net.getByRole('button', { name: /Process net\.exe started by svc_sql/ }).first().click();
  const detail = page.getByRole('region', { name: 'Alert details' });
  await expect(detail).toContainText('e2e00000-0000-4000-8000-000000000001');
  await detail.getByRole('button', { name: 'Show the 1 evidence events in search' }).click();
  await app.waitForIdle();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(/^\(col\.file:.*Sysmon\.xml"? and col\.line:\(\d+\)\)$/);
  await app.expectStatus(/^1 of [\d,]+ events/);
  await expect(page.getByRole('table')).toContainText('net.exe');

  // turn the rule off: its alerts go
  await app.openView('Alerts');
  await page.getByRole('button', { name: 'Turn off rule Net.exe account discovery' }).click();
  await app.waitForIdle();
  await expect(page.getByRole('region', { name: 'Net.exe account discovery' })).toHaveCount(0);
  await expect(app.status()).toHaveText('66 alerts: 14 critical, 27 high, 24 medium, 1 low');

  // the report says why, and a level can be turned off as a whole
  await sections.getByRole('button', { name: /^Sigma rules/ }).click();
  await report.getByLabel('Filter rules').fill('net.exe');
  await expect(report.getByRole('row').nth(1)).toContainText('turned off');
  await expect(report.getByLabel('Enable rule Net.exe account discovery')).not.toBeChecked();
  // the boxes follow the engine's answer (a click asks, the answer checks): click, then wait for it
  await page.getByLabel('Run critical rules').click();
  await app.waitForIdle();
  await expect(page.getByLabel('Run critical rules')).not.toBeChecked();
  await expect(app.status()).toHaveText('65 alerts: 13 critical, 27 high, 24 medium, 1 low');
  await page.getByLabel('Run critical rules').click();
  await app.waitForIdle();
  await report.getByLabel('Enable rule Net.exe account discovery').click();
  await app.waitForIdle();
  await expect(report.getByLabel('Enable rule Net.exe account discovery')).toBeChecked();
  await expect(app.status()).toHaveText('68 alerts: 14 critical, 27 high, 26 medium, 1 low');

  // the built-in detectors travel to a SIEM as Sigma correlation rules
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export built-in detectors as Sigma' }).click();
  const exported = await download;
  expect(exported.suggestedFilename()).toBe('logdrop-detectors.sigma.yml');
  const yaml = readFileSync((await exported.path())!, 'utf8');
  expect(yaml).toMatch(/^ {2}type: event_count$/m);
  expect(yaml).toMatch(/^ {2}type: temporal_ordered$/m);

  // the tester: a rule typed in runs over the case as it changes
  await sections.getByRole('button', { name: 'Rule tester' }).click();
  const tester = page.getByRole('region', { name: 'Rule tester' });
  await tester.getByLabel('Sigma rule to test').fill(`title: Binaries run from Temp
id: tester-1
logsource: { product: windows, category: process_creation }
detection:
  temp: { Image|contains: '\\Temp\\' }
  net: { Image|endswith: '\\net.exe' }
  gp: { Image|endswith: '\\gpupdate.exe' }
  condition: (temp or net) and not gp
`);
  await app.waitForIdle();
  const result = tester.getByRole('region', { name: 'Test result' });
  await expect(result).toContainText('3 matching events');
  await expect(result).toContainText('Binaries run from Temp (rule, product: windows, category: process_creation): active');
  const updsvc = result.getByRole('list', { name: 'Matching events' }).getByRole('listitem').filter({ hasText: 'updsvc.exe' });
  await expect(updsvc).toHaveCount(1);
  await expect(updsvc).toContainText('✓ temp✗ net✗ gp');
  await expect(updsvc).toContainText('Image (data.Image) = C:\\Windows\\Temp\\updsvc.exe');
  // an error is shown with its line as it is typed
  await tester.getByLabel('Sigma rule to test').fill('title: x\nid: t\nlogsource: { product: windows }\ndetection:\n  a: { Image: x }\n  condition: a and b\n');
  await app.waitForIdle();
  await expect(tester.getByRole('list', { name: 'Rule errors' })).toContainText(/line 6, column \d+: .*b/);
  // nothing the tester ran is kept
  await expect(app.status()).toHaveText('68 alerts: 14 critical, 27 high, 26 medium, 1 low');
});

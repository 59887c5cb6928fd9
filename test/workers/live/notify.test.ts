// The alert as a message (plain text, Markdown, Slack and JSON webhook bodies) and the per-rule throttle of
// notifications and webhook posts.
import { describe, expect, it } from 'vitest';
import { alertMessage, webhookBody } from '../../../src/workers/alerts/alertMessage.ts';
import { RuleThrottle, atLeast } from '../../../src/workers/live/throttle.ts';
import { AlertWatch } from '../../../src/workers/live/alertWatch.ts';

const alert = {
  id: 'a1', ruleId: 'builtin.bruteforce.ip', ruleName: 'Brute force from one address', severity: 'high', count: 6,
  ts: Date.UTC(2025, 2, 3, 2, 0, 0), lastTs: Date.UTC(2025, 2, 3, 2, 0, 25),
  message: '6 failed logons from 203.0.113.45 in 25 s', group: { 'init.host.ip': '203.0.113.45', 'target.usr.name': 'ad\u202emin*`x`' }, host: 'web01',
};

describe('alert messages', () => {
  it('plain text names the rule, time range, group and host; invisible characters are escaped', () => {
    const t = alertMessage(alert, 'text', 'Case 7');
    expect(t.split('\n')).toEqual([
      '[HIGH] Brute force from one address',
      '6 failed logons from 203.0.113.45 in 25 s',
      'When: 2025-03-03T02:00:00Z to 2025-03-03T02:00:25Z (6 events)',
      'init.host.ip: 203.0.113.45',
      'target.usr.name: ad\\u{202E}min*`x`',
      'Host: web01',
      'Rule: builtin.bruteforce.ip · Case: Case 7 · Logdrop',
    ]);
  });

  it('Markdown escapes log text so a value cannot format or link the message', () => {
    const m = alertMessage({ ...alert, message: '[click](http://evil.example) **now**' }, 'markdown');
    expect(m).toContain('**HIGH: Brute force from one address**');
    expect(m).toContain('\\[click\\]\\(http://evil.example\\) \\*\\*now\\*\\*');
    expect(m).toContain("- target.usr.name: `ad\\u{202E}min*'x'`");
  });

  it('webhook bodies: Slack { text } with the held-back count, or a generic JSON object', () => {
    const slack = JSON.parse(webhookBody(alert, 'slack', { suppressed: 3 })) as { text: string };
    expect(slack.text.startsWith('*HIGH: Brute force from one address*')).toBe(true);
    expect(slack.text).toContain('(+3 more of this rule in the last minute)');
    expect(JSON.parse(webhookBody(alert, 'json'))).toMatchObject({ source: 'logdrop', ruleId: 'builtin.bruteforce.ip', severity: 'high', count: 6, suppressed: 0 });
  });
});

describe('RuleThrottle', () => {
  it('lets one message per rule per minute through and counts the ones held back', () => {
    let now = 0;
    const t = new RuleThrottle<{ ruleId: string }>(60_000, () => now);
    expect(t.offer({ ruleId: 'a' })).toEqual({ item: { ruleId: 'a' }, suppressed: 0 });
    expect(t.offer({ ruleId: 'b' })).toBeDefined();
    now = 30_000;
    expect(t.offer({ ruleId: 'a' })).toBeUndefined();
    expect(t.offer({ ruleId: 'a' })).toBeUndefined();
    now = 61_000;
    expect(t.offer({ ruleId: 'a' })).toEqual({ item: { ruleId: 'a' }, suppressed: 2 });
  });

  it('severity threshold', () => {
    expect(atLeast('critical', 'high')).toBe(true);
    expect(atLeast('high', 'high')).toBe(true);
    expect(atLeast('medium', 'high')).toBe(false);
  });
});

describe('AlertWatch', () => {
  it('tells new alerts from grown ones and stays quiet for those seen before', () => {
    const w = new AlertWatch<{ id: string; count: number }>();
    w.prime([{ id: 'old', count: 3 }]);
    expect(w.diff([{ id: 'old', count: 3 }, { id: 'x', count: 5 }])).toEqual([{ alert: { id: 'x', count: 5 }, change: 'new' }]);
    expect(w.diff([{ id: 'old', count: 3 }, { id: 'x', count: 7 }])).toEqual([{ alert: { id: 'x', count: 7 }, change: 'updated' }]);
  });
});

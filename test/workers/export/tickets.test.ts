// Ticket Markdown from hostile alert text: nothing in a log value becomes a link, HTML, a table cell or a heading.
import { describe, expect, it } from 'vitest';
import { ticketMarkdown, ticketOf } from '../../../src/workers/export/tickets.ts';
import type { AlertRecord } from '../../../src/workers/export/alerts.ts';

const record: AlertRecord = {
  id: 'a1', alert_type: 'Brute force', rule_id: 'brute-force', rule_source: 'builtin', severity: 'high',
  timestamp: '2026-01-05T09:00:00.000+01:00', last_timestamp: '2026-01-05T10:00:00.000+01:00',
  message: '<img src=x onerror=alert(1)> [click](http://evil/) | cell', source_ip: '203.0.113.9', user: 'a`b|c', host: 'web01',
  count: 12, status: 'new', note: '', owner: '', remediation: 'Block the address.', evidence_query: 'init.host.ip:203.0.113.9',
  evidence: [{ file: 'auth.log', line: 7, timestamp: '2026-01-05T09:00:00.000+01:00', message: '# not a heading\nsecond `line`' }],
};

describe('tickets', () => {
  it('escapes log text in Markdown and keeps the fields', () => {
    const t = ticketOf(record, '', Date.UTC(2026, 0, 6));
    expect(t).toMatchObject({ owner: 'unassigned', summary: 'Brute force from 203.0.113.9 against a`b|c', opened: '2026-01-06T00:00:00.000Z' });
    const md = ticketMarkdown(t);
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\> \\[click\\]\\(http://evil/\\) \\| cell');
    expect(md).toContain('| Account | `` a`b\\|c `` |');
    expect(md).toContain('- 2026-01-05T09:00:00.000+01:00 ` auth.log:7 ` `` # not a heading second `line` ``');
    expect(md).not.toMatch(/^# not/m);
    expect(md).toContain('### Next steps\n\nBlock the address.');
  });
});

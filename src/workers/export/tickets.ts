// Tickets: one per alert, as incident-response courses sketch them (id, severity, summary, source IP, status,
// owner, evidence), in JSON (one object per alert, in an array) and Markdown (one section per alert, ready to
// paste into a tracker). Built from the same AlertRecord as the alerts JSON/CSV, so redaction and time zone apply.
// Example (Markdown): "## [HIGH] Brute force against an account — 203.0.113.45\n\n| id | a1b2… |…"
import type { AlertRecord } from './alerts.ts';

export interface Ticket {
  id: string;
  severity: string;
  summary: string;
  source_ip: string;
  user: string;
  host: string;
  status: string;
  /** who takes it: the alert's owner, else the owner given at export, else unassigned */
  owner: string;
  opened: string;
  first_seen: string;
  last_seen: string;
  rule: string;
  description: string;
  analyst_note: string;
  next_steps: string;
  evidence: { count: number; query: string; events: AlertRecord['evidence'] };
}

export function ticketOf(r: AlertRecord, defaultOwner: string, openedMs: number): Ticket {
  const owner = r.owner.trim() !== '' ? r.owner : defaultOwner;
  return {
    id: r.id, severity: r.severity, summary: `${r.alert_type}${r.source_ip !== '' ? ` from ${r.source_ip}` : ''}${r.user !== '' ? ` against ${r.user}` : ''}`,
    source_ip: r.source_ip, user: r.user, host: r.host, status: r.status, owner: owner.trim() === '' ? 'unassigned' : owner.trim(),
    opened: new Date(openedMs).toISOString(), first_seen: r.timestamp, last_seen: r.last_timestamp,
    rule: `${r.rule_id} (${r.rule_source})`, description: r.message, analyst_note: r.note, next_steps: r.remediation,
    evidence: { count: r.count, query: r.evidence_query, events: r.evidence },
  };
}

export function ticketsJson(tickets: readonly Ticket[]): string {
  return JSON.stringify(tickets, null, 2) + '\n';
}

/** Markdown text of a log value: inline code with a fence longer than any backtick run inside it. */
function code(s: string): string {
  if (s === '') return '—';
  const runs = s.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  return `${fence} ${s.replace(/[\r\n]+/g, ' ')} ${fence}`;
}

/** Markdown prose from log-derived text: no HTML, links or emphasis can come from it. */
function prose(s: string): string {
  return s === '' ? '—' : s.replace(/[\\`*_{}[\]()#+!|<>~]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

export function ticketMarkdown(t: Ticket): string {
  const rows: [string, string][] = [
    ['ID', code(t.id)], ['Severity', t.severity.toUpperCase()], ['Status', t.status], ['Owner', prose(t.owner)],
    ['Source IP', code(t.source_ip)], ['Account', code(t.user)], ['Host', code(t.host)], ['First seen', t.first_seen],
    ['Last seen', t.last_seen], ['Rule', code(t.rule)], ['Opened', t.opened],
  ];
  const lines = [
    `## [${t.severity.toUpperCase()}] ${prose(t.summary)}`, '',
    '| Field | Value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`), '',
    '### Description', '', prose(t.description), '',
  ];
  if (t.analyst_note !== '') lines.push('### Analyst note', '', prose(t.analyst_note), '');
  if (t.next_steps !== '') lines.push('### Next steps', '', prose(t.next_steps), '');
  lines.push(`### Evidence (${t.evidence.count.toLocaleString('en-US')} events; ${t.evidence.events.length} shown)`, '');
  if (t.evidence.query !== '') lines.push(`All of them: ${code(t.evidence.query)}`, '');
  for (const e of t.evidence.events) lines.push(`- ${e.timestamp} ${code(`${e.file}:${e.line}`)} ${code(e.message)}`);
  return lines.join('\n') + '\n';
}

export function ticketsMarkdown(tickets: readonly Ticket[], caseName: string): string {
  return `# Tickets: ${prose(caseName)}\n\n` + tickets.map(ticketMarkdown).join('\n---\n\n');
}

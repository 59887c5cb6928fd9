// An alert as a message for a chat, a ticket or a webhook: plain text, Markdown, or a Slack-compatible
// incoming-webhook body. One formatter for the app's "Copy alert as a message", the CLI and webhooks.
// Log text is hostile: Markdown control characters in values are escaped, and invisible characters are
// shown as escapes (a U+202E in a user name must not reorder the message someone reads).
import { escapeInvisible } from '../../core/text/invisible.ts';

/** What a message needs of an alert (Alert and AlertItem both have it). */
export interface AlertLike {
  ruleId: string;
  ruleName: string;
  severity: string;
  ts: number;
  lastTs: number;
  count: number;
  message: string;
  group: Record<string, string>;
  host?: string;
}

export type MessageFormat = 'text' | 'markdown';

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : 'unknown time');

/** Markdown's inline control characters as literals (no links, emphasis or raw HTML), and no block start. */
function md(text: string): string {
  return escapeInvisible(text).replace(/[\\`*_[\]()<>|~]/g, (c) => `\\${c}`).replace(/^([#>+-])/, '\\$1');
}

export function alertMessage(a: AlertLike, format: MessageFormat, caseName?: string): string {
  const group = Object.entries(a.group);
  const when = a.lastTs > a.ts ? `${iso(a.ts)} to ${iso(a.lastTs)}` : iso(a.ts);
  if (format === 'text') {
    const t = escapeInvisible;
    return [
      `[${a.severity.toUpperCase()}] ${t(a.ruleName)}`,
      t(a.message),
      `When: ${when} (${a.count} event${a.count === 1 ? '' : 's'})`,
      ...group.map(([k, v]) => `${k}: ${t(v)}`),
      ...(a.host !== undefined ? [`Host: ${t(a.host)}`] : []),
      `Rule: ${t(a.ruleId)}${caseName !== undefined ? ` · Case: ${t(caseName)}` : ''} · Logdrop`,
    ].join('\n');
  }
  return [
    `**${md(a.severity.toUpperCase())}: ${md(a.ruleName)}**`,
    '',
    md(a.message),
    '',
    `- When: ${when} (${a.count} event${a.count === 1 ? '' : 's'})`,
    ...group.map(([k, v]) => `- ${md(k)}: \`${escapeInvisible(v).replace(/`/g, "'")}\``),
    ...(a.host !== undefined ? [`- Host: ${md(a.host)}`] : []),
    `- Rule: \`${escapeInvisible(a.ruleId).replace(/`/g, "'")}\`${caseName !== undefined ? ` · Case: ${md(caseName)}` : ''}`,
  ].join('\n');
}

/** The body of a webhook post: Slack's incoming-webhook shape ({ text }) or a generic JSON object. */
export function webhookBody(a: AlertLike, kind: 'slack' | 'json', extra: { suppressed?: number } = {}): string {
  const more = extra.suppressed !== undefined && extra.suppressed > 0 ? `\n(+${extra.suppressed} more of this rule in the last minute)` : '';
  if (kind === 'slack') return JSON.stringify({ text: alertMessage(a, 'markdown').replace(/^\*\*(.*)\*\*$/m, '*$1*') + more });
  return JSON.stringify({
    source: 'logdrop', ruleId: a.ruleId, ruleName: a.ruleName, severity: a.severity, ts: iso(a.ts), lastTs: iso(a.lastTs),
    count: a.count, message: a.message, group: a.group, host: a.host, suppressed: extra.suppressed ?? 0,
  });
}

// The built-in detectors as Sigma rules (spec v2.1), so they travel to a SIEM: the logon detectors become
// correlation rules (event_count, value_count, chained temporal_ordered) over base rules for failed and
// successful logons (Windows Security, Linux sshd, web servers); account tampering becomes plain rules. The
// parameters in force go in (thresholds, windows). Detectors Sigma cannot express (baselines, GeoIP, threat
// intelligence) are named in the header with why. Logdrop's own engine re-loads the output (round-trip test).
// Field names are those of the original logs (TargetUserName, IpAddress, c-ip); the sshd rules use Logdrop's
// normalized names (target.usr.name, init.host.ip) because syslog has no standard field names.
import { dump } from 'js-yaml';
import { resolveParams, type Detector, type Params } from './detector.ts';
import { bruteForceIp } from './bruteForceIp.ts';
import { bruteForceUser } from './bruteForceUser.ts';
import { passwordSpray } from './passwordSpray.ts';
import { successAfterFailures } from './successAfterFailures.ts';
import { failedLogonSpike } from './failedLogonSpike.ts';
import { newCountry } from './newCountry.ts';
import { impossibleTravel } from './impossibleTravel.ts';
import { multiSignal } from './multiSignal.ts';
import { accountTampering } from './accountTampering.ts';

type Doc = Record<string, unknown>;
const AUTHOR = 'Logdrop built-in detectors (exported)';

/** Stable ids: one UUID per exported document, derived from its name (a SIEM keys rules by id). */
function uuidOf(name: string): string {
  // two FNV-1a passes with different seeds -> 128 bits, shaped as a version-8 (custom) UUID
  const h = (seed: number) => {
    let x = seed >>> 0;
    for (let i = 0; i < name.length; i++) x = Math.imul(x ^ name.charCodeAt(i), 16777619) >>> 0;
    return x.toString(16).padStart(8, '0');
  };
  const hex = h(0x811c9dc5) + h(0x01000193) + h(0x9e3779b9) + h(0x85ebca6b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const base = (name: string, title: string, level: string, extra: Doc): Doc => ({
  title, id: uuidOf(name), name, status: 'experimental', author: AUTHOR, level, ...extra,
});

/** Base rules: failed and successful logons per source, each with the fields the correlations group by. */
const FAILED: Doc[] = [
  base('logdrop_failed_logon_windows', 'Failed logon (Windows Security 4625, 4771, 4776)', 'informational', {
    description: 'Failed logon attempts: 4625 (logon failed), 4771 (Kerberos pre-authentication failed), 4776 (NTLM credential validation with a non-zero status).',
    logsource: { product: 'windows', service: 'security' },
    detection: { failed: { EventID: [4625, 4771] }, ntlm: { EventID: 4776 }, ntlm_ok: { Status: '0x0' }, condition: 'failed or (ntlm and not ntlm_ok)' },
  }),
  base('logdrop_failed_logon_sshd', 'Failed SSH logon (sshd)', 'informational', {
    description: 'sshd "Failed password" / "Failed publickey" lines.',
    logsource: { product: 'linux', service: 'sshd' },
    detection: { keywords: ['Failed password', 'Failed publickey', 'Failed keyboard-interactive'], condition: 'keywords' },
  }),
  base('logdrop_failed_logon_web', 'Failed web logon (HTTP 401, or 403 to a login POST)', 'informational', {
    description: 'Web authentication failures: any 401, and a POST to a login path answered 403.',
    logsource: { category: 'webserver' },
    detection: {
      unauthorized: { 'sc-status': 401 },
      login: { 'cs-method': 'POST', 'cs-uri-stem|contains': ['login', 'logon', 'signin', 'sign-in', 'auth', 'session', 'token'] },
      forbidden: { 'sc-status': 403 },
      condition: 'unauthorized or (login and forbidden)',
    },
  }),
];
const SUCCESS: Doc[] = [
  base('logdrop_logon_windows', 'Successful logon (Windows Security 4624)', 'informational', {
    logsource: { product: 'windows', service: 'security' },
    detection: { selection: { EventID: 4624 }, condition: 'selection' },
  }),
  base('logdrop_logon_sshd', 'Successful SSH logon (sshd)', 'informational', {
    logsource: { product: 'linux', service: 'sshd' },
    detection: { keywords: ['Accepted password', 'Accepted publickey', 'Accepted keyboard-interactive'], condition: 'keywords' },
  }),
  base('logdrop_logon_web', 'Successful web logon (login POST below 400)', 'informational', {
    logsource: { category: 'webserver' },
    detection: {
      login: { 'cs-method': 'POST', 'cs-uri-stem|contains': ['login', 'logon', 'signin', 'sign-in', 'auth', 'session', 'token'] },
      ok: { 'sc-status|lt': 400 },
      condition: 'login and ok',
    },
  }),
];
const names = (docs: Doc[]) => docs.map((d) => d.name as string);
/** The account and the source address in each base rule's own field names. */
const ALIASES = {
  user: {
    logdrop_failed_logon_windows: 'TargetUserName', logdrop_failed_logon_sshd: 'target.usr.name', logdrop_failed_logon_web: 'cs-username',
    logdrop_logon_windows: 'TargetUserName', logdrop_logon_sshd: 'target.usr.name', logdrop_logon_web: 'cs-username',
  },
  ip: {
    logdrop_failed_logon_windows: 'IpAddress', logdrop_failed_logon_sshd: 'init.host.ip', logdrop_failed_logon_web: 'c-ip',
    logdrop_logon_windows: 'IpAddress', logdrop_logon_sshd: 'init.host.ip', logdrop_logon_web: 'c-ip',
  },
};
const aliasesFor = (keys: ('user' | 'ip')[], rules: string[]) => Object.fromEntries(keys.map((k) => [k,
  Object.fromEntries(Object.entries(ALIASES[k]).filter(([r]) => rules.includes(r)))]));

function detectorDoc(d: Detector, name: string, correlation: Doc, extra: Doc = {}): Doc {
  return {
    title: d.title, id: uuidOf(name), name, status: 'experimental', author: AUTHOR,
    description: `${d.description} (Logdrop ${d.id}.) ${d.remediation}`, level: d.severity, ...extra, correlation,
  };
}

function bruteForce(d: Detector, p: Params, by: 'user' | 'ip'): Doc[] {
  const rules = names(FAILED);
  return [detectorDoc(d, `logdrop_${by === 'user' ? 'bruteforce_user' : 'bruteforce_ip'}`, {
    type: 'event_count', rules, 'group-by': [by], aliases: aliasesFor([by], rules),
    timespan: `${p.windowMinutes as number}m`, condition: { gte: p.threshold as number },
  })];
}

function spray(p: Params): Doc[] {
  const rules = names(FAILED);
  return [detectorDoc(passwordSpray, 'logdrop_password_spray', {
    type: 'value_count', rules, 'group-by': ['ip'], aliases: aliasesFor(['ip', 'user'], rules),
    timespan: `${p.windowMinutes as number}m`, condition: { field: 'user', gte: p.minUsers as number },
  })];
}

/**
 * Failures (at least minFailures within the look-back) then a success, for the same key: chained correlations.
 * A temporal rule needs every rule it lists, so the three success rules first become one "any success" correlation.
 * Sigma places a burst at its window's last failure: a success in the middle of a burst that goes on is not
 * "after" it (the built-in detector looks back from each success instead).
 */
function successAfter(p: Params): Doc[] {
  const keys: ('user' | 'ip')[] = p.by === 'both' ? ['ip', 'user'] : [p.by as 'user' | 'ip'];
  const failed = names(FAILED), success = names(SUCCESS);
  const span = `${p.windowMinutes as number}m`;
  const step = (name: string, title: string, correlation: Doc): Doc => ({
    title, id: uuidOf(name), name, status: 'experimental', author: AUTHOR, level: 'informational', correlation,
  });
  return keys.flatMap((k) => [
    step(`logdrop_failures_by_${k}`, `Failed logons before a success (by ${k})`,
      { type: 'event_count', rules: failed, 'group-by': [k], aliases: aliasesFor([k], failed), timespan: span, condition: { gte: p.minFailures as number } }),
    step(`logdrop_success_by_${k}`, `Successful logons (by ${k})`,
      { type: 'event_count', rules: success, 'group-by': [k], aliases: aliasesFor([k], success), timespan: span, condition: { gte: 1 } }),
    detectorDoc(successAfterFailures, `logdrop_success_after_failures_by_${k}`, {
      type: 'temporal_ordered', rules: [`logdrop_failures_by_${k}`, `logdrop_success_by_${k}`], 'group-by': [k], timespan: span,
    }, { title: `${successAfterFailures.title} (by ${k})` }),
  ]);
}

/** Account tampering: one plain rule per kind and log source. */
function tampering(): Doc[] {
  const rule = (name: string, title: string, level: string, logsource: Doc, detection: Doc): Doc =>
    base(`logdrop_${name}`, title, level, { description: `Part of Logdrop ${accountTampering.id}: ${accountTampering.remediation}`, logsource, detection });
  const security = { product: 'windows', service: 'security' }, system = { product: 'windows', service: 'system' };
  const linux = { product: 'linux', service: 'auth' };
  const ids = (...n: number[]) => ({ selection: { EventID: n.length === 1 ? n[0] : n }, condition: 'selection' });
  return [
    rule('account_created_windows', 'Account created', 'medium', security, ids(4720)),
    rule('account_deleted_windows', 'Account deleted', 'medium', security, ids(4726)),
    rule('account_enabled_windows', 'Account enabled', 'low', security, ids(4722)),
    rule('privileged_group_add_windows', 'Member added to a security group', 'high', security, ids(4728, 4732, 4756)),
    rule('audit_log_cleared_windows', 'Audit log cleared', 'high', security, ids(1102)),
    rule('log_cleared_system', 'Event log cleared', 'high', system, { selection: { EventID: 104, Provider_Name: 'Microsoft-Windows-Eventlog' }, condition: 'selection' }),
    rule('service_installed_security', 'Service installed', 'medium', security, ids(4697)),
    rule('service_installed_system', 'Service installed', 'medium', system, { selection: { EventID: 7045, Provider_Name: 'Service Control Manager' }, condition: 'selection' }),
    rule('task_created_windows', 'Scheduled task created', 'medium', security, ids(4698)),
    rule('account_created_linux', 'Account created (useradd)', 'medium', linux, { keywords: ['new user: name='], condition: 'keywords' }),
    rule('account_deleted_linux', 'Account deleted (userdel)', 'medium', linux, { keywords: ['delete user '], condition: 'keywords' }),
    rule('privileged_group_add_linux', 'Added to a privileged group (usermod, gpasswd)', 'high', linux, {
      keywords: ["to group 'sudo'", "to group 'wheel'", "to group 'adm'", "to group 'admin'", "to group 'root'"], condition: 'keywords',
    }),
  ];
}

/** Detectors with no Sigma equivalent, and why (named in the export's header). */
const NOT_EXPORTED: [Detector, string][] = [
  [failedLogonSpike, 'a z-score over a rolling per-account baseline has no Sigma correlation type'],
  [newCountry, 'needs GeoIP enrichment and each account\'s usual countries (state Sigma cannot keep)'],
  [impossibleTravel, 'needs GeoIP coordinates and the speed between two logons'],
  [multiSignal, 'needs GeoIP history and threat-intelligence scores'],
];

/** Every exportable detector as Sigma YAML (multi-document), with the parameters given (defaults otherwise). */
export function detectorsAsSigma(params: Record<string, Params | undefined> = {}, generatedAt = new Date()): string {
  const p = (d: Detector) => resolveParams(d.params, params[d.id]);
  const docs: Doc[] = [
    ...FAILED, ...SUCCESS,
    ...bruteForce(bruteForceUser, p(bruteForceUser), 'user'),
    ...bruteForce(bruteForceIp, p(bruteForceIp), 'ip'),
    ...spray(p(passwordSpray)),
    ...successAfter(p(successAfterFailures)),
    ...tampering(),
  ];
  const header = [
    `# Logdrop built-in detectors as Sigma rules (specification v2.1), exported ${generatedAt.toISOString()}.`,
    '# Base rules (level informational) feed the correlations; the correlations and tampering rules alert.',
    '# Not exported:',
    ...NOT_EXPORTED.map(([d, why]) => `#   ${d.id} (${d.title}): ${why}`),
    `#   ${accountTampering.id}, sudo to root by a new account: needs each account's first-seen time`,
  ].join('\n');
  return `${header}\n${docs.map((d) => dump(d, { lineWidth: -1, noRefs: true })).join('---\n')}`;
}

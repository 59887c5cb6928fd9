// Field extraction from Linux auth/secure messages (sshd, sudo, su, pam, useradd/userdel/groupadd, CRON),
// shared by the syslog parsers. A data table: each rule names the processes it applies to, a cheap literal
// that must appear in the message (so a line tries one or two regexes, not all), and the roles it fills.
// Roles (DESIGN "The normalized event"): the source of a login is init.host.*, the account aimed at is
// target.usr.name; for sudo/su the invoking user is init.usr.name and the user become is target.usr.name.
import type { EventFields } from '../../core/schema.ts';

interface AuthRule {
  name: string;
  /** base process names the rule applies to; '*' = any */
  apps: readonly string[];
  /** a literal the message must contain before the regex is tried */
  hint: string;
  re: RegExp;
  fields(m: RegExpExecArray): EventFields;
}

const LOGON: EventFields = { type: 'AUTH', action: 'logon' };

/** Copies only the groups that matched: absent optional groups add no field. */
function pick(pairs: [string, string | undefined][]): EventFields {
  const out: EventFields = {};
  for (const [k, v] of pairs) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

function port(v: string | undefined): EventFields {
  return v === undefined ? {} : { 'init.host.port': Number(v) };
}

export const AUTH_RULES: readonly AuthRule[] = [
  {
    name: 'sshd.accepted', apps: ['sshd'], hint: 'Accepted ',
    re: /^Accepted (\S+) for (\S+) from (\S+) port (\d+)/,
    fields: (m) => ({ ...LOGON, outcome: 'success', 'data.auth_method': m[1], 'target.usr.name': m[2], 'init.host.ip': m[3], ...port(m[4]) }),
  },
  {
    name: 'sshd.failed', apps: ['sshd'], hint: 'Failed ',
    re: /^Failed (\S+) for (invalid user )?(.*?) from (\S+) port (\d+)/,
    fields: (m) => ({
      ...LOGON, outcome: 'failure', 'data.auth_method': m[1], 'target.usr.name': m[3], 'init.host.ip': m[4], ...port(m[5]),
      ...(m[2] ? { 'data.invalid_user': 'true' } : {}),
    }),
  },
  {
    name: 'sshd.invalid-user', apps: ['sshd'], hint: 'nvalid user ',
    re: /^(?:input_userauth_request: )?[Ii]nvalid user (.*?)(?: from (\S+))?(?: port (\d+))?(?: \[preauth\])?$/,
    fields: (m) => ({
      ...LOGON, action: 'invalid-user', outcome: 'failure', 'data.invalid_user': 'true',
      ...pick([['target.usr.name', m[1]], ['init.host.ip', m[2]]]), ...port(m[3]),
    }),
  },
  {
    name: 'sshd.max-attempts', apps: ['sshd'], hint: 'maximum authentication attempts',
    re: /maximum authentication attempts exceeded for (invalid user )?(\S+) from (\S+) port (\d+)/,
    fields: (m) => ({ ...LOGON, outcome: 'failure', 'target.usr.name': m[2], 'init.host.ip': m[3], ...port(m[4]) }),
  },
  {
    name: 'sshd.reverse-mapping', apps: ['sshd'], hint: 'reverse mapping',
    re: /^reverse mapping checking getaddrinfo for (\S+) \[([^\]]+)\] failed/,
    fields: (m) => ({ type: 'AUTH', action: 'reverse-mapping-failed', 'init.host.name': m[1], 'init.host.ip': m[2] }),
  },
  {
    name: 'sshd.disconnect', apps: ['sshd'], hint: 'isconnect',
    re: /^(?:Received disconnect from|Disconnected from)(?: (?:invalid |authenticating )?user (\S+))? (\S+?)(?: port (\d+))?(?::| \[|$)/,
    fields: (m) => ({ type: 'AUTH', action: 'disconnect', ...pick([['target.usr.name', m[1]], ['init.host.ip', m[2]]]), ...port(m[3]) }),
  },
  {
    name: 'sshd.connection-closed', apps: ['sshd'], hint: 'Connection closed by',
    re: /^Connection closed by(?: (?:invalid |authenticating )?user (\S+))? (\S+?)(?: port (\d+))?(?: \[preauth\])?$/,
    fields: (m) => ({ type: 'AUTH', action: 'disconnect', ...pick([['target.usr.name', m[1]], ['init.host.ip', m[2]]]), ...port(m[3]) }),
  },
  {
    name: 'sshd.no-identification', apps: ['sshd'], hint: 'Did not receive identification',
    re: /^Did not receive identification string from (\S+)(?: port (\d+))?/,
    fields: (m) => ({ type: 'AUTH', action: 'scan', outcome: 'failure', 'init.host.ip': m[1], ...port(m[2]) }),
  },
  {
    name: 'pam.auth-failure', apps: ['*'], hint: 'authentication failure',
    re: /authentication failure; logname=(\S*) uid=(\d*) euid=(\d*) tty=(\S*) ruser=(\S*) rhost=(\S*)(?:\s+user=(\S+))?/,
    fields: (m) => ({
      ...LOGON, outcome: 'failure', ...pick([['init.usr.name', m[5]], ['init.host.name', m[6]], ['target.usr.name', m[7]]]),
      ...(/^[\d.:a-fA-F]+$/.test(m[6]) && m[6].length > 0 ? { 'init.host.ip': m[6] } : {}),
    }),
  },
  {
    name: 'pam.more-failures', apps: ['*'], hint: 'more authentication failure',
    re: /PAM (\d+) more authentication failures?;.*?rhost=(\S*)(?:\s+user=(\S+))?/,
    fields: (m) => ({ ...LOGON, outcome: 'failure', 'data.count': m[1], ...pick([['init.host.ip', m[2]], ['target.usr.name', m[3]]]) }),
  },
  {
    name: 'pam.session', apps: ['*'], hint: 'session ',
    re: /session (opened|closed) for user (\S+?)(?:\(uid=\d+\))?(?: by (\S*?)\(uid=(\d+)\))?$/,
    fields: (m) => ({ type: 'AUTH', action: `session-${m[1]}`, outcome: 'success', 'target.usr.name': m[2], ...pick([['init.usr.name', m[3]]]) }),
  },
  {
    name: 'pam.check-pass', apps: ['*'], hint: 'check pass; user unknown',
    re: /check pass; user unknown/,
    fields: () => ({ ...LOGON, outcome: 'failure', 'data.invalid_user': 'true' }),
  },
  {
    name: 'sudo.command', apps: ['sudo'], hint: 'COMMAND=',
    re: /^\s*(\S+) : (?:(.*?) ; )?TTY=(\S+) ; PWD=(.*?) ; USER=(\S+) ; COMMAND=(.*)$/,
    fields: (m) => ({
      type: 'AUTH', action: 'sudo', outcome: m[2] ? 'failure' : 'success', 'init.usr.name': m[1], 'target.usr.name': m[5],
      'data.tty': m[3], 'data.pwd': m[4], 'data.command': m[6], ...pick([['data.reason', m[2]]]),
    }),
  },
  {
    name: 'su.result', apps: ['su'], hint: 'su for ',
    re: /^(Successful|FAILED) su for (\S+) by (\S+)/,
    fields: (m) => ({ type: 'AUTH', action: 'su', outcome: m[1] === 'FAILED' ? 'failure' : 'success', 'target.usr.name': m[2], 'init.usr.name': m[3] }),
  },
  {
    name: 'useradd.new-user', apps: ['useradd', 'adduser'], hint: 'new user',
    re: /^new user: name=([^,]+), UID=(\d+), GID=(\d+)(?:, home=([^,]*))?(?:, shell=(\S*))?/,
    fields: (m) => ({ type: 'AUTH', action: 'user-created', outcome: 'success', 'target.usr.name': m[1], 'data.uid': m[2], 'data.gid': m[3], ...pick([['data.home', m[4]], ['data.shell', m[5]]]) }),
  },
  {
    name: 'groupadd.new-group', apps: ['groupadd', 'useradd', 'addgroup'], hint: 'new group',
    re: /^new group: name=([^,]+), GID=(\d+)/,
    fields: (m) => ({ type: 'AUTH', action: 'group-created', outcome: 'success', 'target.group.name': m[1], 'data.gid': m[2] }),
  },
  {
    name: 'usermod.add-to-group', apps: ['usermod', 'useradd', 'gpasswd'], hint: ' to ',
    re: /^add '([^']+)' to (?:shadow )?group '([^']+)'/,
    fields: (m) => ({ type: 'AUTH', action: 'group-member-added', outcome: 'success', 'target.usr.name': m[1], 'target.group.name': m[2] }),
  },
  {
    name: 'userdel.delete-user', apps: ['userdel', 'deluser'], hint: 'delete user',
    re: /^delete user '([^']+)'/,
    fields: (m) => ({ type: 'AUTH', action: 'user-deleted', outcome: 'success', 'target.usr.name': m[1] }),
  },
  {
    name: 'passwd.changed', apps: ['passwd', 'chpasswd'], hint: 'password changed for',
    re: /password changed for (\S+)/,
    fields: (m) => ({ type: 'AUTH', action: 'password-changed', outcome: 'success', 'target.usr.name': m[1] }),
  },
  {
    name: 'cron.command', apps: ['CRON', 'cron', 'crond'], hint: 'CMD (',
    re: /^\((\S+)\) CMD \((.*)\)\s*$/,
    fields: (m) => ({ type: 'SYS', action: 'cron', 'init.usr.name': m[1], 'data.command': m[2] }),
  },
  {
    name: 'ftpd.connection', apps: ['ftpd'], hint: 'connection from',
    re: /^connection from (\S+) \(([^)]*)\)/,
    fields: (m) => ({ type: 'AUTH', action: 'connection', 'init.host.ip': m[1], ...pick([['init.host.name', m[2]]]) }),
  },
];

const BY_APP = new Map<string, AuthRule[]>();
const ANY_APP: AuthRule[] = [];
for (const rule of AUTH_RULES) {
  for (const app of rule.apps) {
    if (app === '*') ANY_APP.push(rule);
    else BY_APP.set(app, [...(BY_APP.get(app) ?? []), rule]);
  }
}

/** The rules' names, for the registry test's coverage check. */
export const AUTH_RULE_NAMES: readonly string[] = AUTH_RULES.map((r) => r.name);

/**
 * Fields extracted from the message of `process` (base name, e.g. "sshd"), or undefined when no rule applies.
 * `hit` reports the rule that matched (test instrumentation).
 */
export function extractLinuxAuth(process: string, message: string, hit?: (name: string) => void): EventFields | undefined {
  const specific = BY_APP.get(process);
  if (specific !== undefined) {
    const f = tryRules(specific, message, hit);
    if (f !== undefined) return f;
  }
  return tryRules(ANY_APP, message, hit);
}

function tryRules(rules: readonly AuthRule[], message: string, hit?: (name: string) => void): EventFields | undefined {
  for (const rule of rules) {
    if (!message.includes(rule.hint)) continue;
    const m = rule.re.exec(message);
    if (m !== null) {
      hit?.(rule.name);
      return rule.fields(m);
    }
  }
  return undefined;
}

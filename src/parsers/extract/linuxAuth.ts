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
  /** writes the rule's fields into the event (assignment, not spreads: this runs once per line) */
  apply(m: RegExpExecArray, ev: EventFields): void;
}

function logon(ev: EventFields, outcome: string): void {
  ev.type = 'AUTH';
  ev.action = 'logon';
  ev.outcome = outcome;
}

/** Sets a field only when its group matched: absent optional groups add no field. */
function opt(ev: EventFields, key: string, v: string | undefined): void {
  if (v !== undefined && v !== '') ev[key] = v;
}

function port(ev: EventFields, v: string | undefined): void {
  if (v !== undefined) ev['init.host.port'] = Number(v);
}

export const AUTH_RULES: readonly AuthRule[] = [
  {
    name: 'sshd.accepted', apps: ['sshd'], hint: 'Accepted ',
    re: /^Accepted (\S+) for (\S+) from (\S+) port (\d+)/,
    apply: (m, ev) => {
      logon(ev, 'success');
      ev['data.auth_method'] = m[1]; ev['target.usr.name'] = m[2]; ev['init.host.ip'] = m[3]; port(ev, m[4]);
    },
  },
  {
    name: 'sshd.failed', apps: ['sshd'], hint: 'Failed ',
    re: /^Failed (\S+) for (invalid user )?(.*?) from (\S+) port (\d+)/,
    apply: (m, ev) => {
      logon(ev, 'failure');
      ev['data.auth_method'] = m[1]; ev['target.usr.name'] = m[3]; ev['init.host.ip'] = m[4]; port(ev, m[5]);
      if (m[2]) ev['data.invalid_user'] = 'true';
    },
  },
  {
    name: 'sshd.invalid-user', apps: ['sshd'], hint: 'nvalid user ',
    re: /^(?:input_userauth_request: )?[Ii]nvalid user (.*?)(?: from (\S+))?(?: port (\d+))?(?: \[preauth\])?$/,
    apply: (m, ev) => {
      logon(ev, 'failure');
      ev.action = 'invalid-user'; ev['data.invalid_user'] = 'true';
      opt(ev, 'target.usr.name', m[1]); opt(ev, 'init.host.ip', m[2]); port(ev, m[3]);
    },
  },
  {
    name: 'sshd.max-attempts', apps: ['sshd'], hint: 'maximum authentication attempts',
    re: /maximum authentication attempts exceeded for (invalid user )?(\S+) from (\S+) port (\d+)/,
    apply: (m, ev) => {
      logon(ev, 'failure');
      ev['target.usr.name'] = m[2]; ev['init.host.ip'] = m[3]; port(ev, m[4]);
    },
  },
  {
    name: 'sshd.reverse-mapping', apps: ['sshd'], hint: 'reverse mapping',
    re: /^reverse mapping checking getaddrinfo for (\S+) \[([^\]]+)\] failed/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'reverse-mapping-failed'; ev['init.host.name'] = m[1]; ev['init.host.ip'] = m[2];
    },
  },
  {
    name: 'sshd.disconnect', apps: ['sshd'], hint: 'isconnect',
    re: /^(?:Received disconnect from|Disconnected from)(?: (?:invalid |authenticating )?user (\S+))? (\S+?)(?: port (\d+))?(?::| \[|$)/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'disconnect'; opt(ev, 'target.usr.name', m[1]); opt(ev, 'init.host.ip', m[2]); port(ev, m[3]);
    },
  },
  {
    name: 'sshd.connection-closed', apps: ['sshd'], hint: 'Connection closed by',
    re: /^Connection closed by(?: (?:invalid |authenticating )?user (\S+))? (\S+?)(?: port (\d+))?(?: \[preauth\])?$/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'disconnect'; opt(ev, 'target.usr.name', m[1]); opt(ev, 'init.host.ip', m[2]); port(ev, m[3]);
    },
  },
  {
    name: 'sshd.no-identification', apps: ['sshd'], hint: 'Did not receive identification',
    re: /^Did not receive identification string from (\S+)(?: port (\d+))?/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'scan'; ev.outcome = 'failure'; ev['init.host.ip'] = m[1]; port(ev, m[2]);
    },
  },
  {
    name: 'pam.auth-failure', apps: ['*'], hint: 'authentication failure',
    re: /authentication failure; logname=(\S*) uid=(\d*) euid=(\d*) tty=(\S*) ruser=(\S*) rhost=(\S*)(?:\s+user=(\S+))?/,
    apply: (m, ev) => {
      logon(ev, 'failure');
      opt(ev, 'init.usr.name', m[5]); opt(ev, 'init.host.name', m[6]); opt(ev, 'target.usr.name', m[7]);
      // rhost is a name or an address: only an address goes to the IP field
      if (/^[\d.:a-fA-F]+$/.test(m[6])) ev['init.host.ip'] = m[6];
    },
  },
  {
    name: 'pam.more-failures', apps: ['*'], hint: 'more authentication failure',
    re: /PAM (\d+) more authentication failures?;.*?rhost=(\S*)(?:\s+user=(\S+))?/,
    apply: (m, ev) => {
      logon(ev, 'failure');
      ev['data.count'] = m[1]; opt(ev, 'init.host.ip', m[2]); opt(ev, 'target.usr.name', m[3]);
    },
  },
  {
    name: 'pam.session', apps: ['*'], hint: 'session ',
    re: /session (opened|closed) for user (\S+?)(?:\(uid=\d+\))?(?: by (\S*?)\(uid=(\d+)\))?$/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = `session-${m[1]}`; ev.outcome = 'success'; ev['target.usr.name'] = m[2]; opt(ev, 'init.usr.name', m[3]);
    },
  },
  {
    name: 'pam.check-pass', apps: ['*'], hint: 'check pass; user unknown',
    re: /check pass; user unknown/,
    apply: (_m, ev) => {
      logon(ev, 'failure');
      ev['data.invalid_user'] = 'true';
    },
  },
  {
    name: 'sudo.command', apps: ['sudo'], hint: 'COMMAND=',
    re: /^\s*(\S+) : (?:(.*?) ; )?TTY=(\S+) ; PWD=(.*?) ; USER=(\S+) ; COMMAND=(.*)$/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'sudo'; ev.outcome = m[2] ? 'failure' : 'success';
      ev['init.usr.name'] = m[1]; ev['target.usr.name'] = m[5];
      ev['data.tty'] = m[3]; ev['data.pwd'] = m[4]; ev['data.command'] = m[6]; opt(ev, 'data.reason', m[2]);
    },
  },
  {
    name: 'su.result', apps: ['su'], hint: 'su for ',
    re: /^(Successful|FAILED) su for (\S+) by (\S+)/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'su'; ev.outcome = m[1] === 'FAILED' ? 'failure' : 'success';
      ev['target.usr.name'] = m[2]; ev['init.usr.name'] = m[3];
    },
  },
  {
    name: 'useradd.new-user', apps: ['useradd', 'adduser'], hint: 'new user',
    re: /^new user: name=([^,]+), UID=(\d+), GID=(\d+)(?:, home=([^,]*))?(?:, shell=([^,\s]*))?/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'user-created'; ev.outcome = 'success';
      ev['target.usr.name'] = m[1]; ev['data.uid'] = m[2]; ev['data.gid'] = m[3]; opt(ev, 'data.home', m[4]); opt(ev, 'data.shell', m[5]);
    },
  },
  {
    name: 'groupadd.new-group', apps: ['groupadd', 'useradd', 'addgroup'], hint: 'new group',
    re: /^new group: name=([^,]+), GID=(\d+)/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'group-created'; ev.outcome = 'success'; ev['target.group.name'] = m[1]; ev['data.gid'] = m[2];
    },
  },
  {
    name: 'usermod.add-to-group', apps: ['usermod', 'useradd', 'gpasswd'], hint: ' to ',
    re: /^add '([^']+)' to (?:shadow )?group '([^']+)'/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'group-member-added'; ev.outcome = 'success'; ev['target.usr.name'] = m[1]; ev['target.group.name'] = m[2];
    },
  },
  {
    name: 'userdel.delete-user', apps: ['userdel', 'deluser'], hint: 'delete user',
    re: /^delete user '([^']+)'/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'user-deleted'; ev.outcome = 'success'; ev['target.usr.name'] = m[1];
    },
  },
  {
    name: 'passwd.changed', apps: ['passwd', 'chpasswd'], hint: 'password changed for',
    re: /password changed for (\S+)/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'password-changed'; ev.outcome = 'success'; ev['target.usr.name'] = m[1];
    },
  },
  {
    name: 'cron.command', apps: ['CRON', 'cron', 'crond'], hint: 'CMD (',
    re: /^\((\S+)\) CMD \((.*)\)\s*$/,
    apply: (m, ev) => {
      ev.type = 'SYS'; ev.action = 'cron'; ev['init.usr.name'] = m[1]; ev['data.command'] = m[2];
    },
  },
  {
    name: 'ftpd.connection', apps: ['ftpd'], hint: 'connection from',
    re: /^connection from (\S+) \(([^)]*)\)/,
    apply: (m, ev) => {
      ev.type = 'AUTH'; ev.action = 'connection'; ev['init.host.ip'] = m[1]; opt(ev, 'init.host.name', m[2]);
    },
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
 * Adds the fields found in the message of `process` (base name, e.g. "sshd") to `ev`; false when no rule
 * applies. `hit` reports the rule that matched (test instrumentation).
 */
export function extractLinuxAuth(process: string, message: string, ev: EventFields, hit?: (name: string) => void): boolean {
  const specific = BY_APP.get(process);
  return (specific !== undefined && tryRules(specific, message, ev, hit)) || tryRules(ANY_APP, message, ev, hit);
}

function tryRules(rules: readonly AuthRule[], message: string, ev: EventFields, hit?: (name: string) => void): boolean {
  for (const rule of rules) {
    if (!message.includes(rule.hint)) continue;
    const m = rule.re.exec(message);
    if (m !== null) {
      hit?.(rule.name);
      rule.apply(m, ev);
      return true;
    }
  }
  return false;
}

// Field extraction from Linux auth/secure messages (sshd, sudo, su, pam, useradd/userdel/groupadd, CRON),
// shared by the syslog parsers. A data table: each rule names the processes it applies to, a cheap literal
// that must appear in the message (so a line tries one or two regexes, not all), and the roles it fills.
// Roles (DESIGN "The normalized event"): the source of a login is init.host.*, the account aimed at is
// target.usr.name; for sudo/su the invoking user is init.usr.name and the user become is target.usr.name.
import { fieldSlot, type EventWriter } from '../eventWriter.ts';

interface AuthRule {
  name: string;
  /** base process names the rule applies to; '*' = any */
  apps: readonly string[];
  /** a literal the message must contain before the regex is tried */
  hint: string;
  re: RegExp;
  /** writes the rule's fields (through the event writer: this runs once per line) */
  apply(m: RegExpExecArray, out: EventWriter): void;
}

/** The fields the rules write, as writer slots (resolved once, when the module loads). */
const F = {
  type: fieldSlot('type'),
  action: fieldSlot('action'),
  outcome: fieldSlot('outcome'),
  dataAuthMethod: fieldSlot('data.auth_method'),
  dataCommand: fieldSlot('data.command'),
  dataCount: fieldSlot('data.count'),
  dataGid: fieldSlot('data.gid'),
  dataHome: fieldSlot('data.home'),
  dataInvalidUser: fieldSlot('data.invalid_user'),
  dataPwd: fieldSlot('data.pwd'),
  dataReason: fieldSlot('data.reason'),
  dataShell: fieldSlot('data.shell'),
  dataTty: fieldSlot('data.tty'),
  dataUid: fieldSlot('data.uid'),
  initHostIp: fieldSlot('init.host.ip'),
  initHostName: fieldSlot('init.host.name'),
  initHostPort: fieldSlot('init.host.port'),
  initUsrName: fieldSlot('init.usr.name'),
  targetGroupName: fieldSlot('target.group.name'),
  targetUsrName: fieldSlot('target.usr.name'),
};

function logon(out: EventWriter, outcome: string): void {
  out.set(F.type, 'AUTH');
  out.set(F.action, 'logon');
  out.set(F.outcome, outcome);
}

/** Sets a field only when its group matched: absent optional groups add no field. */
function opt(out: EventWriter, slot: number, v: string | undefined): void {
  if (v !== undefined && v !== '') out.set(slot, v);
}

function port(out: EventWriter, v: string | undefined): void {
  if (v !== undefined) out.set(F.initHostPort, Number(v));
}

export const AUTH_RULES: readonly AuthRule[] = [
  {
    name: 'sshd.accepted', apps: ['sshd'], hint: 'Accepted ',
    re: /^Accepted (\S+) for (\S+) from (\S+) port (\d+)/,
    apply: (m, out) => {
      logon(out, 'success');
      out.set(F.dataAuthMethod, m[1]); out.set(F.targetUsrName, m[2]); out.set(F.initHostIp, m[3]); port(out, m[4]);
    },
  },
  {
    name: 'sshd.failed', apps: ['sshd'], hint: 'Failed ',
    re: /^Failed (\S+) for (invalid user )?(.*?) from (\S+) port (\d+)/,
    apply: (m, out) => {
      logon(out, 'failure');
      out.set(F.dataAuthMethod, m[1]); out.set(F.targetUsrName, m[3]); out.set(F.initHostIp, m[4]); port(out, m[5]);
      if (m[2]) out.set(F.dataInvalidUser, 'true');
    },
  },
  {
    name: 'sshd.invalid-user', apps: ['sshd'], hint: 'nvalid user ',
    re: /^(?:input_userauth_request: )?[Ii]nvalid user (.*?)(?: from (\S+))?(?: port (\d+))?(?: \[preauth\])?$/,
    apply: (m, out) => {
      logon(out, 'failure');
      out.set(F.action, 'invalid-user'); out.set(F.dataInvalidUser, 'true');
      opt(out, F.targetUsrName, m[1]); opt(out, F.initHostIp, m[2]); port(out, m[3]);
    },
  },
  {
    name: 'sshd.max-attempts', apps: ['sshd'], hint: 'maximum authentication attempts',
    re: /maximum authentication attempts exceeded for (invalid user )?(\S+) from (\S+) port (\d+)/,
    apply: (m, out) => {
      logon(out, 'failure');
      out.set(F.targetUsrName, m[2]); out.set(F.initHostIp, m[3]); port(out, m[4]);
    },
  },
  {
    name: 'sshd.reverse-mapping', apps: ['sshd'], hint: 'reverse mapping',
    re: /^reverse mapping checking getaddrinfo for (\S+) \[([^\]]+)\] failed/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'reverse-mapping-failed'); out.set(F.initHostName, m[1]); out.set(F.initHostIp, m[2]);
    },
  },
  {
    name: 'sshd.disconnect', apps: ['sshd'], hint: 'isconnect',
    re: /^(?:Received disconnect from|Disconnected from)(?: (?:invalid |authenticating )?user (\S+))? (\S+?)(?: port (\d+))?(?::| \[|$)/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'disconnect'); opt(out, F.targetUsrName, m[1]); opt(out, F.initHostIp, m[2]); port(out, m[3]);
    },
  },
  {
    name: 'sshd.connection-closed', apps: ['sshd'], hint: 'Connection closed by',
    re: /^Connection closed by(?: (?:invalid |authenticating )?user (\S+))? (\S+?)(?: port (\d+))?(?: \[preauth\])?$/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'disconnect'); opt(out, F.targetUsrName, m[1]); opt(out, F.initHostIp, m[2]); port(out, m[3]);
    },
  },
  {
    name: 'sshd.no-identification', apps: ['sshd'], hint: 'Did not receive identification',
    re: /^Did not receive identification string from (\S+)(?: port (\d+))?/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'scan'); out.set(F.outcome, 'failure'); out.set(F.initHostIp, m[1]); port(out, m[2]);
    },
  },
  {
    name: 'pam.auth-failure', apps: ['*'], hint: 'authentication failure',
    re: /authentication failure; logname=(\S*) uid=(\d*) euid=(\d*) tty=(\S*) ruser=(\S*) rhost=(\S*)(?:\s+user=(\S+))?/,
    apply: (m, out) => {
      logon(out, 'failure');
      opt(out, F.initUsrName, m[5]); opt(out, F.initHostName, m[6]); opt(out, F.targetUsrName, m[7]);
      // rhost is a name or an address: only an address goes to the IP field
      if (/^[\d.:a-fA-F]+$/.test(m[6])) out.set(F.initHostIp, m[6]);
    },
  },
  {
    name: 'pam.more-failures', apps: ['*'], hint: 'more authentication failure',
    re: /PAM (\d+) more authentication failures?;.*?rhost=(\S*)(?:\s+user=(\S+))?/,
    apply: (m, out) => {
      logon(out, 'failure');
      out.set(F.dataCount, m[1]); opt(out, F.initHostIp, m[2]); opt(out, F.targetUsrName, m[3]);
    },
  },
  {
    name: 'pam.session', apps: ['*'], hint: 'session ',
    re: /session (opened|closed) for user (\S+?)(?:\(uid=\d+\))?(?: by (\S*?)\(uid=(\d+)\))?$/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, `session-${m[1]}`); out.set(F.outcome, 'success'); out.set(F.targetUsrName, m[2]); opt(out, F.initUsrName, m[3]);
    },
  },
  {
    name: 'pam.check-pass', apps: ['*'], hint: 'check pass; user unknown',
    re: /check pass; user unknown/,
    apply: (_m, out) => {
      logon(out, 'failure');
      out.set(F.dataInvalidUser, 'true');
    },
  },
  {
    name: 'sudo.command', apps: ['sudo'], hint: 'COMMAND=',
    re: /^\s*(\S+) : (?:(.*?) ; )?TTY=(\S+) ; PWD=(.*?) ; USER=(\S+) ; COMMAND=(.*)$/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'sudo'); out.set(F.outcome, m[2] ? 'failure' : 'success');
      out.set(F.initUsrName, m[1]); out.set(F.targetUsrName, m[5]);
      out.set(F.dataTty, m[3]); out.set(F.dataPwd, m[4]); out.set(F.dataCommand, m[6]); opt(out, F.dataReason, m[2]);
    },
  },
  {
    name: 'su.result', apps: ['su'], hint: 'su for ',
    re: /^(Successful|FAILED) su for (\S+) by (\S+)/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'su'); out.set(F.outcome, m[1] === 'FAILED' ? 'failure' : 'success');
      out.set(F.targetUsrName, m[2]); out.set(F.initUsrName, m[3]);
    },
  },
  {
    name: 'useradd.new-user', apps: ['useradd', 'adduser'], hint: 'new user',
    re: /^new user: name=([^,]+), UID=(\d+), GID=(\d+)(?:, home=([^,]*))?(?:, shell=([^,\s]*))?/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'user-created'); out.set(F.outcome, 'success');
      out.set(F.targetUsrName, m[1]); out.set(F.dataUid, m[2]); out.set(F.dataGid, m[3]); opt(out, F.dataHome, m[4]); opt(out, F.dataShell, m[5]);
    },
  },
  {
    name: 'groupadd.new-group', apps: ['groupadd', 'useradd', 'addgroup'], hint: 'new group',
    re: /^new group: name=([^,]+), GID=(\d+)/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'group-created'); out.set(F.outcome, 'success'); out.set(F.targetGroupName, m[1]); out.set(F.dataGid, m[2]);
    },
  },
  {
    name: 'usermod.add-to-group', apps: ['usermod', 'useradd', 'gpasswd'], hint: ' to ',
    re: /^add '([^']+)' to (?:shadow )?group '([^']+)'/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'group-member-added'); out.set(F.outcome, 'success'); out.set(F.targetUsrName, m[1]); out.set(F.targetGroupName, m[2]);
    },
  },
  {
    name: 'userdel.delete-user', apps: ['userdel', 'deluser'], hint: 'delete user',
    re: /^delete user '([^']+)'/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'user-deleted'); out.set(F.outcome, 'success'); out.set(F.targetUsrName, m[1]);
    },
  },
  {
    name: 'passwd.changed', apps: ['passwd', 'chpasswd'], hint: 'password changed for',
    re: /password changed for (\S+)/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'password-changed'); out.set(F.outcome, 'success'); out.set(F.targetUsrName, m[1]);
    },
  },
  {
    name: 'cron.command', apps: ['CRON', 'cron', 'crond'], hint: 'CMD (',
    re: /^\((\S+)\) CMD \((.*)\)\s*$/,
    apply: (m, out) => {
      out.set(F.type, 'SYS'); out.set(F.action, 'cron'); out.set(F.initUsrName, m[1]); out.set(F.dataCommand, m[2]);
    },
  },
  {
    name: 'ftpd.connection', apps: ['ftpd'], hint: 'connection from',
    re: /^connection from (\S+) \(([^)]*)\)/,
    apply: (m, out) => {
      out.set(F.type, 'AUTH'); out.set(F.action, 'connection'); out.set(F.initHostIp, m[1]); opt(out, F.initHostName, m[2]);
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
 * Writes the fields found in the message of `process` (base name, e.g. "sshd") to `out`; false when no rule
 * applies. `hit` reports the rule that matched (test instrumentation). Parsers that build an object pass an
 * ObjectWriter over it.
 */
export function extractLinuxAuth(process: string, message: string, out: EventWriter, hit?: (name: string) => void): boolean {
  const specific = BY_APP.get(process);
  return (specific !== undefined && tryRules(specific, message, out, hit)) || tryRules(ANY_APP, message, out, hit);
}

function tryRules(rules: readonly AuthRule[], message: string, out: EventWriter, hit?: (name: string) => void): boolean {
  for (const rule of rules) {
    if (!message.includes(rule.hint)) continue;
    const m = rule.re.exec(message);
    if (m !== null) {
      hit?.(rule.name);
      rule.apply(m, out);
      return true;
    }
  }
  return false;
}

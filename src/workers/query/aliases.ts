// The query language's alias table: names analysts type (ECS, Splunk/Sigma habits) mapped to the
// normalized fields. One table for the compiler, facets, sorting and the query help the UI lists.
import type { FieldAlias } from '../api.ts';
import { ECS_ALIASES } from '../../core/schema.ts';

/**
 * Names meaning two fields: analysts expect `user.name:bob` to find bob as the one logging in
 * (target.usr.name) and as the one acting (init.usr.name, e.g. Windows SubjectUserName). For facets and
 * sorting the first field listed is used.
 */
const MULTI: Readonly<Record<string, readonly string[]>> = {
  'user.name': ['target.usr.name', 'init.usr.name'],
  user: ['target.usr.name', 'init.usr.name'],
  username: ['target.usr.name', 'init.usr.name'],
  user_name: ['target.usr.name', 'init.usr.name'],
  account: ['target.usr.name', 'init.usr.name'],
};

/** Common short names (Splunk CIM, Sigma, habit) beside the ECS ones of core/schema.ts. */
const COMMON: Readonly<Record<string, string>> = {
  source_ip: 'init.host.ip', src_ip: 'init.host.ip', src: 'init.host.ip', srcip: 'init.host.ip', client_ip: 'init.host.ip', ip: 'init.host.ip',
  source_port: 'init.host.port', src_port: 'init.host.port', srcport: 'init.host.port',
  dest_ip: 'target.host.ip', dst_ip: 'target.host.ip', destination_ip: 'target.host.ip', dst: 'target.host.ip', dest: 'target.host.ip',
  dest_port: 'target.host.port', dst_port: 'target.host.port', destination_port: 'target.host.port', port: 'target.host.port',
  host: 'obs.host.name', hostname: 'obs.host.name', computer: 'obs.host.name', device: 'obs.host.name',
  event_id: 'alarm.id', eventid: 'alarm.id', event_code: 'alarm.id',
  src_user: 'init.usr.name', subject_user: 'init.usr.name',
  target_user: 'target.usr.name', dest_user: 'target.usr.name',
  app: 'app.name', program: 'app.name', process: 'obs.process.name', pid: 'obs.process.id',
  file: 'col.file', line: 'col.line', parser: 'parser.name', severity: 'alarm.sev', status: 'web.request.rc',
  method: 'web.request.method', url: 'target.uri.full', user_agent: 'web.header.user_agent',
  time: 'ts', timestamp: 'ts',
};

/** The fields an alias stands for, or undefined when `name` is no alias. */
export function aliasTargets(name: string): readonly string[] | undefined {
  if (Object.hasOwn(MULTI, name)) return MULTI[name];
  if (Object.hasOwn(ECS_ALIASES, name)) return [ECS_ALIASES[name]];
  if (Object.hasOwn(COMMON, name)) return [COMMON[name]];
  return undefined;
}

/** Every alias with what it means, for the query help: ECS names first, then the common ones. */
export function aliasList(): FieldAlias[] {
  const out: FieldAlias[] = [];
  const seen = new Set<string>();
  const add = (alias: string, fields: readonly string[]) => {
    if (seen.has(alias)) return;
    seen.add(alias);
    out.push({ alias, fields: [...fields] });
  };
  for (const a of Object.keys(MULTI)) add(a, MULTI[a]);
  for (const a of Object.keys(ECS_ALIASES)) add(a, [ECS_ALIASES[a]]);
  for (const a of Object.keys(COMMON)) add(a, [COMMON[a]]);
  return out;
}

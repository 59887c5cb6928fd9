// The ECS 8.11 field reference (https://www.elastic.co/guide/en/ecs/8.11/ecs-field-reference.html), typed in
// by hand for the fields Logdrop's ECS export may write: the test checks the export's mapping table and its
// documents against this list, not against the table itself.
export const ECS_REFERENCE: Readonly<Record<string, string>> = {
  '@timestamp': 'date',
  message: 'match_only_text',
  'ecs.version': 'keyword',
  'event.kind': 'keyword', 'event.category': 'keyword', 'event.action': 'keyword', 'event.outcome': 'keyword',
  'event.code': 'keyword', 'event.module': 'keyword', 'event.original': 'keyword',
  'log.level': 'keyword', 'log.file.path': 'keyword',
  'observer.vendor': 'keyword', 'observer.hostname': 'keyword', 'observer.ip': 'ip',
  'service.name': 'keyword',
  'host.name': 'keyword', 'host.ip': 'ip',
  'process.name': 'keyword', 'process.pid': 'long', 'process.executable': 'keyword', 'process.command_line': 'wildcard',
  'source.ip': 'ip', 'source.port': 'long', 'source.domain': 'keyword', 'source.mac': 'keyword', 'source.address': 'keyword',
  'source.bytes': 'long', 'source.nat.ip': 'ip', 'source.nat.port': 'long',
  'source.user.name': 'keyword', 'source.user.domain': 'keyword', 'source.user.id': 'keyword',
  'source.geo.country_iso_code': 'keyword', 'source.geo.country_name': 'keyword', 'source.geo.city_name': 'keyword',
  'source.geo.location': 'geo_point', 'source.as.number': 'long', 'source.as.organization.name': 'keyword',
  'destination.ip': 'ip', 'destination.port': 'long', 'destination.domain': 'keyword', 'destination.mac': 'keyword',
  'destination.address': 'keyword', 'destination.bytes': 'long', 'destination.nat.ip': 'ip', 'destination.nat.port': 'long',
  'destination.geo.country_iso_code': 'keyword', 'destination.geo.country_name': 'keyword', 'destination.geo.city_name': 'keyword',
  'destination.geo.location': 'geo_point', 'destination.as.number': 'long', 'destination.as.organization.name': 'keyword',
  'user.name': 'keyword', 'user.domain': 'keyword', 'user.id': 'keyword',
  'group.name': 'keyword', 'group.domain': 'keyword',
  'url.original': 'wildcard', 'url.path': 'wildcard', 'url.query': 'keyword', 'url.scheme': 'keyword', 'url.domain': 'keyword',
  'http.request.method': 'keyword', 'http.response.status_code': 'long', 'http.request.referrer': 'keyword',
  'user_agent.original': 'keyword',
  'rule.id': 'keyword', 'rule.name': 'keyword',
  'file.path': 'keyword', 'file.name': 'keyword',
  'registry.key': 'keyword', 'registry.value': 'keyword',
  'related.ip': 'ip', 'related.user': 'keyword', 'related.hosts': 'keyword',
};

/** ECS types Elasticsearch alone has, and the portable type an export may write instead (OpenSearch lacks them). */
export const PORTABLE: Readonly<Record<string, string>> = { wildcard: 'keyword', match_only_text: 'text' };

/** ECS event.category allowed values (8.11). */
export const EVENT_CATEGORIES = new Set([
  'api', 'authentication', 'configuration', 'database', 'driver', 'email', 'file', 'host', 'iam', 'intrusion_detection',
  'library', 'malware', 'network', 'package', 'process', 'registry', 'session', 'threat', 'vulnerability', 'web',
]);

// ECS NDJSON: one Elastic Common Schema document per line, from the one mapping table (ecs-map.ts): nested
// objects, @timestamp in ISO 8601 UTC, related.ip/user/hosts, unmapped fields under labels.
// Example: {"ecs":{"version":"8.11.0"},"event":{"kind":"event","original":"Dec 10 …","outcome":"failure",…},"@timestamp":"2025-12-10T06:55:46.000Z",…}
import type { Exporter } from './types.ts';
import { toEcs } from './ecs-map.ts';

export const ecsNdjson: Exporter = {
  id: 'ecs',
  title: 'ECS NDJSON',
  description: 'Elastic Common Schema documents, one per line (Filebeat/Logstash/Elastic Agent pipelines, SIEMs).',
  group: 'JSON',
  extension: 'ndjson',
  mime: 'application/x-ndjson',
  uses: {},
  version: 1,
  rows: true,
  open(read) {
    return {
      head: '',
      page(rows) {
        let text = '';
        for (const row of rows) text += JSON.stringify(toEcs(read.event(row))) + '\n';
        return text;
      },
    };
  },
};

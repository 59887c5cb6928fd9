// Elasticsearch/OpenSearch _bulk body (https://www.elastic.co/guide/en/elasticsearch/reference/current/docs-bulk.html):
// an action line {"index":{"_index":NAME}} before each ECS document (ecs-map.ts), newline-terminated. Load it
// with the index template first (es-template.ts); the README shows both curl commands.
// Example: {"index":{"_index":"logdrop"}}\n{"ecs":{"version":"8.11.0"},…}\n
import type { Exporter } from './types.ts';
import { toEcs } from './ecs-map.ts';

export const esBulk: Exporter = {
  id: 'es-bulk',
  title: 'Elasticsearch / OpenSearch _bulk',
  description: 'ECS documents with _bulk action lines for the chosen index: POST it to /_bulk.',
  group: 'Elasticsearch / OpenSearch',
  extension: 'ndjson',
  mime: 'application/x-ndjson',
  uses: { indexName: true },
  version: 1,
  rows: true,
  open(read, settings) {
    const action = JSON.stringify({ index: { _index: settings.indexName } }) + '\n';
    return {
      head: '',
      page(rows) {
        // joined once: a flat string (a chain of += is a rope the sink must flatten before encoding it)
        const lines: string[] = [];
        for (const row of rows) lines.push(action, JSON.stringify(toEcs(read.event(row))), '\n');
        return lines.join('');
      },
    };
  },
};

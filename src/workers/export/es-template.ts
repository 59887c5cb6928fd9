// The composable index template (https://www.elastic.co/guide/en/elasticsearch/reference/current/index-templates.html,
// OpenSearch: https://opensearch.org/docs/latest/im-plugin/index-templates/) matching the _bulk export: the ECS
// types of every field the mapping table writes, labels.* as keyword. PUT it to /_index_template/NAME before
// loading the _bulk file, so addresses are ip, ports long, times date, not dynamic guesses.
import type { Exporter } from './types.ts';
import { ECS_EXTRA, ECS_MAP, ECS_VERSION, OBSERVER_ROWS, type EcsType } from './ecs-map.ts';

type Mapping = { type?: EcsType; index?: boolean; doc_values?: boolean; properties?: Record<string, Mapping> };

/** The mappings.properties of every ECS field the exports write. */
export function ecsProperties(): Record<string, Mapping> {
  const root: Record<string, Mapping> = {};
  for (const r of [...ECS_MAP, ...OBSERVER_ROWS, ...ECS_EXTRA]) {
    const keys = r.to.split('.');
    let at = root;
    for (let i = 0; i < keys.length - 1; i++) {
      const m = (at[keys[i]] ??= { properties: {} });
      at = (m.properties ??= {});
    }
    const leaf = keys[keys.length - 1];
    // ECS keeps the original record stored but not searchable (message carries the searchable text)
    at[leaf] ??= r.to === 'event.original' ? { type: 'keyword', index: false, doc_values: false } : { type: r.type };
  }
  return root;
}

export function indexTemplate(indexName: string): object {
  return {
    index_patterns: [`${indexName}*`],
    priority: 200,
    template: {
      mappings: {
        dynamic_templates: [{ labels: { path_match: 'labels.*', match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
        properties: ecsProperties(),
      },
    },
    _meta: { description: 'Logdrop ECS export', ecs_version: ECS_VERSION },
  };
}

export const esTemplate: Exporter = {
  id: 'es-template',
  title: 'Index template (ECS types)',
  description: 'The field types for the _bulk file: PUT it to /_index_template/NAME first.',
  group: 'Elasticsearch / OpenSearch',
  extension: 'json',
  mime: 'application/json',
  uses: { indexName: true },
  version: 1,
  rows: false,
  open(_read, settings) {
    return { head: JSON.stringify(indexTemplate(settings.indexName), null, 2) + '\n', page: () => '' };
  },
};

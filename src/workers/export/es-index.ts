// Elasticsearch/OpenSearch index names (https://www.elastic.co/guide/en/elasticsearch/reference/current/indices-create-index.html#indices-create-api-path-params):
// lowercase, none of \ / * ? " < > | , # : or space, not starting with - _ +, not . or .., at most 255 bytes.
export const DEFAULT_INDEX = 'logdrop';

/** Why the name cannot be an index name, or undefined when it can. */
export function indexNameProblem(name: string): string | undefined {
  if (name === '') return 'the index name is empty';
  if (name !== name.toLowerCase()) return 'index names are lowercase';
  if (/[\\/*?"<>|,# :]/.test(name)) return 'index names cannot hold \\ / * ? " < > | , # : or spaces';
  if (/^[-_+]/.test(name)) return 'index names cannot start with -, _ or +';
  if (name === '.' || name === '..') return 'the index name cannot be . or ..';
  if (new TextEncoder().encode(name).length > 255) return 'index names are at most 255 bytes';
  return undefined;
}

// NDJSON of the normalized events (https://github.com/ndjson/ndjson-spec): one JSON object per line, keys in
// the canonical order, times as epoch milliseconds UTC. The same lines `logdrop normalize` prints.
// Example: {"ts":1765349746000,"ts.raw":"Dec 10 06:55:46",…,"outcome":"failure","init.host.ip":"183.62.140.253",…}
import { canonicalOrder } from '../../core/schema.ts';
import type { Exporter } from './types.ts';

export const ndjson: Exporter = {
  id: 'ndjson',
  title: 'NDJSON (normalized events)',
  description: 'One normalized event per line, every field, as the CLI prints them.',
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
        for (const row of rows) text += JSON.stringify(canonicalOrder(read.event(row))) + '\n';
        return text;
      },
    };
  },
};

// ECS NDJSON, _bulk and the index template: every field name is an ECS field (checked against the hand-typed
// ECS 8.11 reference, not the mapping table) or a label, every value has its ECS type, nothing of the event is
// lost, and the _bulk body alternates action and document lines for the chosen index.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { isIP } from '../../../src/core/ip.ts';
import { canonicalOrder, type EventFields } from '../../../src/core/schema.ts';
import type { QueryEngine } from '../../../src/workers/query/engine.ts';
import { ECS_MAP, labelKey, toEcs } from '../../../src/workers/export/ecs-map.ts';
import { ecsProperties, indexTemplate } from '../../../src/workers/export/es-template.ts';
import { indexNameProblem } from '../../../src/workers/export/es-index.ts';
import { exportSettings } from '../../../src/workers/export/ops.ts';
import { demoEngine } from '../query/demoEngine.ts';
import { engineOf, exportText, HOSTILE } from './helpers.ts';
import { ECS_REFERENCE, EVENT_CATEGORIES, PORTABLE } from './ecsReference.ts';

type Doc = Record<string, unknown>;

/** dotted path -> value of every leaf (arrays are leaves) */
function leaves(doc: Doc, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(doc)) {
    const path = prefix + k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) leaves(v as Doc, `${path}.`, out);
    else out.set(path, v);
  }
  return out;
}

/** why the value is not of the field's ECS type, or undefined */
function typeProblem(path: string, v: unknown): string | undefined {
  const type = ECS_REFERENCE[path];
  for (const x of Array.isArray(v) ? v : [v]) {
    const ok = type === 'ip' ? typeof x === 'string' && isIP(x)
      : type === 'long' ? Number.isSafeInteger(x)
        : type === 'date' ? typeof x === 'string' && /Z$/.test(x) && !Number.isNaN(Date.parse(x))
          : type === 'geo_point' ? typeof x === 'string' && /^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/.test(x)
            : typeof x === 'string';
    if (!ok) return `${path} = ${JSON.stringify(x)} is not ${type}`;
  }
  return undefined;
}

let demo: QueryEngine;
beforeAll(async () => {
  demo = await demoEngine();
}, 120_000);

describe('the ECS mapping table', () => {
  it('maps only to ECS fields, with their ECS type or its portable stand-in', () => {
    const props = leaves(ecsProperties() as Doc);
    for (const r of ECS_MAP) {
      expect(ECS_REFERENCE[r.to], r.to).toBeDefined();
      expect([ECS_REFERENCE[r.to], PORTABLE[ECS_REFERENCE[r.to]]], r.to).toContain(r.type);
    }
    // the template declares every reference field it maps, with the same types
    for (const [path, type] of props) {
      if (!path.endsWith('.type')) continue;
      const field = path.slice(0, -'.type'.length).replace(/\.properties\./g, '.');
      expect(ECS_REFERENCE[field], field).toBeDefined();
      expect([ECS_REFERENCE[field], PORTABLE[ECS_REFERENCE[field]]], field).toContain(type);
    }
  });

  it('turns the demo events into ECS documents: known names, right types, nothing lost', async () => {
    const { text, total } = await exportText(demo, '', 'ecs');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(total);
    const r = demo.query('');
    if (!r.ok) throw new Error('query');
    const problems: string[] = [];
    const categories = new Set<string>();
    // every 7th event (thousands, all formats of the demo): the checks cost more than the export
    for (let i = 0; i < lines.length; i += 7) {
      const doc = JSON.parse(lines[i]) as Doc;
      const fields = leaves(doc);
      for (const [path, v] of fields) {
        if (path.startsWith('labels.')) {
          if (path.split('.').length !== 2 || typeof v !== 'string') problems.push(`label ${path}`);
        } else if (ECS_REFERENCE[path] === undefined) problems.push(`not ECS: ${path}`);
        else {
          const p = typeProblem(path, v);
          if (p !== undefined) problems.push(p);
        }
      }
      for (const c of (fields.get('event.category') as string[] | undefined) ?? []) categories.add(c);
      if (!['success', 'failure', 'unknown', undefined].includes(fields.get('event.outcome') as string)) problems.push(`outcome ${String(fields.get('event.outcome'))}`);
      // every field of the event is somewhere: mapped, an address, or a label
      const ev: EventFields = demo.page(r.handle.id, i, 1)[0].fields;
      const written = new Set([...fields.values()].flatMap((v) => (Array.isArray(v) ? v : [v])).map(String));
      const labels = (doc.labels ?? {}) as Record<string, string>;
      for (const [k, v] of Object.entries(ev)) {
        const kept = labels[labelKey(k)] !== undefined || written.has(String(v)) || (k === 'ts' && fields.get('@timestamp') === new Date(v as number).toISOString());
        if (!kept) problems.push(`lost ${k} of line ${i}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    for (const c of categories) expect(EVENT_CATEGORIES.has(c), c).toBe(true);
    expect(categories).toContain('authentication');
    expect(categories).toContain('web');
  });

  it('writes a non-IP address as source.address only, and an IP as both, with related.ip', () => {
    const doc = toEcs({ ts: 0, 'init.host.ip': 'scanner.example.org', 'target.host.ip': '10.0.0.5', 'init.host.port': 'x1' }) as Doc;
    const f = leaves(doc);
    expect(f.get('source.address')).toBe('scanner.example.org');
    expect(f.has('source.ip')).toBe(false);
    expect(f.get('destination.ip')).toBe('10.0.0.5');
    expect(f.get('related.ip')).toEqual(['10.0.0.5']);
    expect(f.get('labels.init_host_port')).toBe('x1'); // not a port number: kept as a label
  });

  it('keeps hostile keys as plain labels (no prototype games)', async () => {
    const e = await engineOf([join(HOSTILE, 'proto-keys.jsonl')]);
    const { text } = await exportText(e, '', 'ecs');
    const docs = text.trim().split('\n').map((l) => JSON.parse(l) as Doc);
    expect(docs).toHaveLength(4);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(docs.some((d) => Object.keys((d.labels ?? {}) as Doc).some((k) => k.includes('__proto__') || k.includes('constructor')))).toBe(true);
  });
});

describe('Elasticsearch / OpenSearch', () => {
  it('_bulk: an action line for the chosen index before every ECS document', async () => {
    const { text, total } = await exportText(demo, 'outcome:failure', 'es-bulk', { indexName: 'case-42' });
    const lines = text.split('\n');
    expect(lines.pop()).toBe(''); // the body ends with a newline, as _bulk requires
    expect(lines.length).toBe(2 * total);
    for (let i = 0; i < lines.length; i += 2) {
      expect(JSON.parse(lines[i])).toEqual({ index: { _index: 'case-42' } });
      const doc = JSON.parse(lines[i + 1]) as Doc;
      expect((doc.event as Doc).outcome).toBe('failure');
    }
  });

  it('the index template matches the index name and declares ECS types', () => {
    const t = indexTemplate('case-42') as { index_patterns: string[]; template: { mappings: { properties: Doc } } };
    expect(t.index_patterns).toEqual(['case-42*']);
    const props = leaves(t.template.mappings.properties);
    expect(props.get('source.properties.ip.type')).toBe('ip');
    expect(props.get('source.properties.port.type')).toBe('long');
    expect(props.get('@timestamp.type')).toBe('date');
    expect(props.get('related.properties.ip.type')).toBe('ip');
  });

  it.each([['Logdrop', 'lowercase'], ['a b', 'spaces'], ['_x', 'start'], ['..', '.'], ['a*', 'cannot hold']])('refuses the index name %j', (name, why) => {
    expect(indexNameProblem(name)).toContain(why);
    expect(exportSettings({ indexName: name })).toContain(why);
  });
});

describe('NDJSON', () => {
  it('one normalized event per line, in canonical key order, exactly the engine\'s events', async () => {
    const { text, total } = await exportText(demo, 'app.name:sshd', 'ndjson');
    const lines = text.trim().split('\n');
    expect(lines.length).toBe(total);
    const r = demo.query('app.name:sshd');
    if (!r.ok) throw new Error('query');
    const events = demo.page(r.handle.id, 0, 500);
    for (let i = 0; i < events.length; i++) expect(lines[i]).toBe(JSON.stringify(canonicalOrder(events[i].fields)));
  });
});

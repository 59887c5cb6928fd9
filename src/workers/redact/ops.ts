// The redaction part of EngineApi (engine.ts spreads these in): one setting for the session, one Redactor per
// case (numbering is per case and kept while the worker lives, so the view and every export agree), and the
// mapping table as CSV. Nothing here writes to the case.
import Papa from 'papaparse';
import type { EngineApi, RedactionState, RedactKind } from '../api.ts';
import { neutralise } from '../export/neutralise.ts';
import { REDACT_KINDS, Redactor, type MappingRow } from './redactor.ts';

export type RedactOps = Pick<EngineApi, 'setRedaction' | 'redaction' | 'redactionMapping'>;

export interface RedactHost {
  /** the open case's id and name, or undefined */
  current(): { id: string; name: string } | undefined;
}

export interface Redaction extends RedactOps {
  /** the open case's redactor while redaction is on, else undefined (views and exporters ask this) */
  active(): Redactor | undefined;
}

/** The mapping table as CSV (kind, pseudonym, original), cells neutralised like every CSV we write. */
export function mappingCsv(rows: readonly MappingRow[]): string {
  return Papa.unparse({
    fields: ['kind', 'pseudonym', 'original'],
    data: rows.map((r) => [r.kind, neutralise(r.pseudonym), neutralise(r.original)]),
  }, { newline: '\r\n' }) + '\r\n';
}

export function createRedaction(host: RedactHost): Redaction {
  let on = false;
  let fields = Object.create(null) as Record<string, RedactKind>; // keyed by field names: null prototype
  const redactors = new Map<string, Redactor>();
  const redactorOf = (caseId: string): Redactor => {
    let r = redactors.get(caseId);
    if (r === undefined) redactors.set(caseId, (r = new Redactor({ fields })));
    return r;
  };
  const state = (): RedactionState => {
    const c = host.current();
    return { on, fields: { ...fields }, mapped: c === undefined ? 0 : redactors.get(c.id)?.mapping().length ?? 0 };
  };
  return {
    active() {
      const c = host.current();
      return on && c !== undefined ? redactorOf(c.id) : undefined;
    },
    async setRedaction(settings) {
      if (settings.fields !== undefined) {
        const next = Object.create(null) as Record<string, RedactKind>;
        for (const [f, k] of Object.entries(settings.fields)) {
          if (!REDACT_KINDS.includes(k)) throw new Error(`unknown redaction kind "${String(k)}" for ${f}`);
          next[f] = k;
        }
        const changed = JSON.stringify(Object.entries(next).sort()) !== JSON.stringify(Object.entries(fields).sort());
        fields = next;
        if (changed) redactors.clear(); // new choices: the old pseudonyms may no longer fit
      }
      on = settings.on;
      return state();
    },
    async redaction() {
      return state();
    },
    async redactionMapping() {
      const c = host.current();
      if (c === undefined) return { ok: false, message: 'No case is open.' };
      const rows = redactors.get(c.id)?.mapping() ?? [];
      const text = mappingCsv(rows);
      const safe = c.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'case';
      return { ok: true, blob: new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName: `${safe}-redaction-mapping.csv`, rows: rows.length };
    },
  };
}

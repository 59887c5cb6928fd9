// The redaction part of EngineApi (engine.ts spreads these in): per case one Redactor, on/off and its per-field
// choices (settings `redact.config`) and its numbering (`redact.mapping`), saved with the case so a reload (a
// redacted case opens redacted), another tab or an imported hand-over shows the same pseudonyms; and the mapping table as CSV (the only
// export of the numbering meant for people; the hand-over carries the settings as they are, see architecture.md).
// Nothing here changes the case's events.
import Papa from 'papaparse';
import type { EngineApi, RedactionState, RedactKind } from '../api.ts';
import { neutralise } from '../export/neutralise.ts';
import { REDACT_KINDS, Redactor, type MappingRow, type RedactionConfig, type RedactorSnapshot } from './redactor.ts';
import { NumberingChannel, syncNumbering } from './sharedNumbering.ts';

export const REDACT_MAPPING_SETTING = 'redact.mapping';
export const REDACT_CONFIG_SETTING = 'redact.config';
/** a new pseudonym is saved this long after it was given (a page of events gives many at once) */
const SAVE_DELAY_MS = 300;

export type RedactOps = Pick<EngineApi, 'setRedaction' | 'redaction' | 'redactionMapping'>;

/** Where the open case keeps its settings (CaseStore). */
export interface RedactStore {
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

export interface Redaction extends RedactOps {
  /** the open case's redactor while redaction is on, else undefined (views and exporters ask this) */
  active(): Redactor | undefined;
  /** a case was opened: its numbering and choices are read from its settings */
  opened(c: { id: string; name: string }, store: RedactStore): Promise<void>;
  /** the open case was closed or deleted (its pending numbering is saved first when it can be) */
  closed(): Promise<void>;
  /** writes a pending numbering now (before a hand-over reads the settings) */
  flush(): Promise<void>;
}

/** The mapping table as CSV (kind, pseudonym, original), cells neutralised like every CSV we write. */
export function mappingCsv(rows: readonly MappingRow[]): string {
  return Papa.unparse({
    fields: ['kind', 'pseudonym', 'original'],
    data: rows.map((r) => [r.kind, neutralise(r.pseudonym), neutralise(r.original)]),
  }, { newline: '\r\n' }) + '\r\n';
}

function checkedConfig(fields: Record<string, RedactKind> | undefined, off: readonly RedactKind[] | undefined): RedactionConfig {
  const f = Object.create(null) as Record<string, RedactKind>; // keyed by field names: null prototype
  for (const [name, k] of Object.entries(fields ?? {})) {
    if (!REDACT_KINDS.includes(k)) throw new Error(`unknown redaction kind "${String(k)}" for ${name}`);
    f[name] = k;
  }
  for (const k of off ?? []) if (!REDACT_KINDS.includes(k) || k === 'keep') throw new Error(`unknown redaction kind "${String(k)}"`);
  return { fields: f, off: [...new Set(off ?? [])] };
}

/** What `redact.config` holds. */
interface SavedConfig extends RedactionConfig { on?: boolean }

export function createRedaction(): Redaction {
  /** on/off and choices for a case that has none saved yet (set while no case was open) */
  let defaults: RedactionConfig = { fields: Object.create(null) as Record<string, RedactKind>, off: [] };
  let defaultOn = false;
  let open: { id: string; name: string; store: RedactStore; red: Redactor; config: RedactionConfig; on: boolean } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  // one numbering per case across tabs (sharedNumbering.ts): a save merges with what another tab saved
  const channel = new NumberingChannel((caseId) => {
    if (open?.id === caseId) void save(open);
  });
  /** merges with the saved numbering under the case's lock; writes (and tells the other tabs) what only this tab had */
  const save = (o: NonNullable<typeof open>): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    saving = saving.then(async () => {
      if (await syncNumbering(o.id, o.store, REDACT_MAPPING_SETTING, o.red, false)) channel.saved(o.id);
    }).catch(() => {
      // the case went away (closed, deleted): its numbering goes with it
    });
    return saving;
  };
  const state = (): RedactionState => {
    const config = open?.config ?? defaults;
    return { on: open?.on ?? defaultOn, fields: { ...config.fields }, off: [...(config.off ?? [])], mapped: open?.red.mapping().length ?? 0 };
  };
  const flush = async (): Promise<void> => {
    if (timer !== undefined && open !== undefined) await save(open);
    await saving;
  };

  return {
    active: () => (open?.on === true ? open.red : undefined),
    async opened(c, store) {
      await flush();
      const snapshot = await store.getSetting<RedactorSnapshot>(REDACT_MAPPING_SETTING);
      const saved = await store.getSetting<SavedConfig>(REDACT_CONFIG_SETTING);
      let config = defaults;
      try {
        if (saved !== undefined) config = checkedConfig(saved.fields as Record<string, RedactKind> | undefined, saved.off);
      } catch {
        // a saved choice this version does not know: the defaults
      }
      const red = new Redactor(config, snapshot);
      // a case never redacted follows the one before it (switching cases on a projector stays redacted)
      const o = { id: c.id, name: c.name, store, red, config, on: saved?.on ?? open?.on ?? defaultOn };
      red.onChange = () => {
        if (timer === undefined && open === o) timer = setTimeout(() => void save(o), SAVE_DELAY_MS);
      };
      open = o;
    },
    async closed() {
      await flush();
      open = undefined;
    },
    flush,
    async setRedaction(settings) {
      const current = open?.config ?? defaults;
      const config = settings.fields !== undefined || settings.off !== undefined
        ? checkedConfig(settings.fields ?? { ...current.fields }, settings.off ?? current.off)
        : current;
      if (open === undefined) {
        defaults = config;
        defaultOn = settings.on;
      } else {
        if (config !== current) open.red.configure(config);
        open.config = config;
        open.on = settings.on;
        const saved: SavedConfig = { on: settings.on, fields: { ...config.fields }, off: config.off };
        await open.store.setSetting(REDACT_CONFIG_SETTING, saved);
      }
      return state();
    },
    async redaction() {
      return state();
    },
    async redactionMapping() {
      if (open === undefined) return { ok: false, message: 'No case is open.' };
      // the table of the case, not of this tab: what other tabs numbered is taken in first
      await flush();
      const o = open;
      if (await syncNumbering(o.id, o.store, REDACT_MAPPING_SETTING, o.red, false).catch(() => false)) channel.saved(o.id);
      const rows = o.red.mapping();
      const text = mappingCsv(rows);
      const safe = o.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'case';
      return { ok: true, blob: new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName: `${safe}-redaction-mapping.csv`, rows: rows.length };
    },
  };
}

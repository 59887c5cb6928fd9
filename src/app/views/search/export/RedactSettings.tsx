// What Redact replaces, chosen per kind (IP addresses, users, hosts, e-mail, MAC, text scanning) and per field
// (a field read as another kind, or kept as it is). Saved with the case by the engine; the pseudonyms already
// given stay the same.
import { useState } from 'react';
import type { RedactionSettings, RedactionState, RedactKind } from '../../../../workers/api.ts';

const KINDS: readonly { kind: RedactKind; label: string }[] = [
  { kind: 'ip', label: 'IP addresses' },
  { kind: 'user', label: 'Users' },
  { kind: 'host', label: 'Hosts' },
  { kind: 'email', label: 'E-mail addresses' },
  { kind: 'mac', label: 'MAC addresses' },
  { kind: 'text', label: 'Addresses and names inside text (raw, message)' },
];
const FIELD_KINDS: readonly { kind: RedactKind; label: string }[] = [
  { kind: 'keep', label: 'keep as it is' }, ...KINDS.map((k) => (k.kind === 'text' ? { kind: k.kind, label: 'text (scan it)' } : k)),
];

export interface RedactSettingsProps {
  state: RedactionState;
  /** the case's field names (the search view's catalog) */
  fields: readonly string[];
  onChange(settings: Omit<RedactionSettings, 'on'>): void;
}

export function RedactSettings({ state, fields, onChange }: RedactSettingsProps) {
  const [field, setField] = useState('');
  const [kind, setKind] = useState<RedactKind>('keep');
  const off = new Set(state.off);
  const overrides = Object.entries(state.fields).sort(([a], [b]) => a.localeCompare(b));
  const toggleKind = (k: RedactKind, redacted: boolean) => onChange({ off: redacted ? state.off.filter((x) => x !== k) : [...state.off, k] });
  const setOverride = (name: string, k: RedactKind | undefined) => {
    const next = { ...state.fields };
    if (k === undefined) delete next[name];
    else next[name] = k;
    onChange({ fields: next });
  };
  return (
    <details className="redact-settings">
      <summary>Redaction settings</summary>
      <fieldset>
        <legend>Replace</legend>
        {KINDS.map(({ kind: k, label }) => (
          <label key={k} className="redact-settings__kind">
            <input type="checkbox" checked={!off.has(k)} onChange={(e) => toggleKind(k, e.currentTarget.checked)} /> {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Per field</legend>
        {overrides.length === 0 && <p className="muted">Every field by its name (*.ip, *.usr.name, *.host.name, …).</p>}
        <ul className="redact-settings__fields">
          {overrides.map(([name, k]) => (
            <li key={name}>
              <code>{name}</code>: {FIELD_KINDS.find((x) => x.kind === k)?.label ?? k}{' '}
              <button type="button" className="button" aria-label={`Remove the redaction rule for ${name}`} onClick={() => setOverride(name, undefined)}>Remove</button>
            </li>
          ))}
        </ul>
        <form onSubmit={(e) => { e.preventDefault(); if (field.trim() !== '') { setOverride(field.trim(), kind); setField(''); } }}>
          <input type="text" aria-label="Field to redact differently" list="redact-settings-fields" value={field} placeholder="field name" onChange={(e) => setField(e.currentTarget.value)} />
          <datalist id="redact-settings-fields">{fields.map((f) => <option key={f} value={f} />)}</datalist>
          <select aria-label="Redact the field as" value={kind} onChange={(e) => setKind(e.currentTarget.value as RedactKind)}>
            {FIELD_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
          </select>
          <button type="submit" className="button">Add rule</button>
        </form>
      </fieldset>
    </details>
  );
}

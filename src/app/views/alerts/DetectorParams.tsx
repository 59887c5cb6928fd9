// A detector's parameters as controls beside its alerts: the engine re-runs the detector on every change.
import { useState } from 'react';
import type { DetectorInfo, ParamSpec, ParamValue } from '../../../workers/api.ts';

export function DetectorParams({ detector, onChange }: { detector: DetectorInfo; onChange(name: string, value: ParamValue): void }) {
  return (
    <fieldset className="detector-params">
      <legend>Parameters</legend>
      {detector.params.map((p) => (
        <ParamControl key={p.name} spec={p} value={detector.values[p.name]} detectorTitle={detector.title} onChange={(v) => onChange(p.name, v)} />
      ))}
    </fieldset>
  );
}

function ParamControl({ spec, value, detectorTitle, onChange }: { spec: ParamSpec; value: ParamValue; detectorTitle: string; onChange(v: ParamValue): void }) {
  // the text being typed, so "1" on the way to "15" is not clamped back under the user's fingers
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // the engine's value changed (clamped, or another control): show it (React's "adjust state on prop change")
    setShown(value);
    setDraft(String(value));
  }
  const label = `${detectorTitle}: ${spec.label}`;
  if (spec.kind === 'boolean') {
    return (
      <label className="param" title={spec.description}>
        <input type="checkbox" checked={value === true} aria-label={label} onChange={(e) => onChange(e.target.checked)} /> {spec.label}
      </label>
    );
  }
  if (spec.kind === 'choice') {
    return (
      <label className="param" title={spec.description}>
        {spec.label}{' '}
        <select aria-label={label} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {(spec.choices ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
    );
  }
  return (
    <label className="param" title={spec.description}>
      {spec.label}{' '}
      <input
        type="number" aria-label={label} min={spec.min} max={spec.max} step={spec.step ?? 1} value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(n) && n >= (spec.min ?? -Infinity) && n <= (spec.max ?? Infinity)) onChange(n);
        }}
      />
      {spec.unit !== undefined && <span className="param-unit"> {spec.unit}</span>}
    </label>
  );
}

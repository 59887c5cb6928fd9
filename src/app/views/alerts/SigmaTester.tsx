// The rule tester: paste or write a Sigma rule and see, as you type, its errors (line and column), whether it
// would be active on this case, the events it matches and why (which search identifiers held, the values of the
// fields it reads), and the alerts it would raise. Nothing is kept: loading rules is done on the rules panel.
import { useEffect, useRef, useState } from 'react';
import type { SigmaTestResult } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import { formatCount } from '../../format.ts';
import { formatAt } from './format.ts';

/** events described at most */
const LIMIT = 50;
/** the pause in typing after which the rule runs */
const DEBOUNCE_MS = 300;

const EXAMPLE = `title: Failed SSH password
id: 7f1e6b6a-2c1d-4b8e-9a55-0b2f4c3d9e01
level: medium
logsource:
  product: linux
  service: sshd
detection:
  keywords:
    - 'Failed password'
  condition: keywords
`;

export function SigmaTester({ engine, tracker, timeZone }: { engine: EngineClient; tracker: IdleTracker; timeZone: string }) {
  const [text, setText] = useState(EXAMPLE);
  const [result, setResult] = useState<SigmaTestResult>();
  const [error, setError] = useState<string>();
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = () => {};
    // registered with the idle tracker at once (tests wait on it), run after the pause
    void tracker.track(new Promise<void>((resolve) => {
      done = resolve;
      timer = setTimeout(() => {
        engine.testSigmaRule(text, LIMIT).then((r) => {
          if (mine === seq.current) { setResult(r); setError(undefined); }
        }, (e: unknown) => {
          if (mine === seq.current) setError(e instanceof Error ? e.message : String(e));
        }).finally(resolve);
      }, DEBOUNCE_MS);
    }));
    return () => { clearTimeout(timer); done(); };
  }, [engine, tracker, text]);

  return (
    <section className="sigma-tester" aria-label="Rule tester">
      <label className="tester-input">Sigma rule (YAML; it runs over this case as you type, and is not kept)
        <textarea aria-label="Sigma rule to test" value={text} rows={14} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </label>
      {error !== undefined && <p className="error-banner" role="alert">{error}</p>}
      {result !== undefined && <TesterResult result={result} timeZone={timeZone} />}
    </section>
  );
}

function TesterResult({ result, timeZone }: { result: SigmaTestResult; timeZone: string }) {
  return (
    <div className="tester-result" aria-label="Test result" role="region">
      {result.issues.length > 0 && (
        <ul className="tester-issues" aria-label="Rule errors">
          {result.issues.map((i, k) => <li key={k}>line {i.line}, column {i.column}: {i.message}</li>)}
        </ul>
      )}
      {result.rules.filter((r) => r.status !== 'rejected').map((r) => (
        <p key={r.id} className={`tester-rule cov-${r.status}`}>
          <strong>{r.title}</strong> ({r.kind}{r.logsource !== undefined ? `, ${r.logsource}` : ''}): {r.status}{r.reason !== undefined ? ` (${r.reason})` : ''}
        </p>
      ))}
      <p className="tester-total">
        {formatCount(result.total)} matching event{result.total === 1 ? '' : 's'}
        {result.total > result.matches.length ? ` (the first ${formatCount(result.matches.length)} shown)` : ''}; {Math.round(result.runMs)} ms
      </p>
      {result.alerts.length > 0 && (
        <>
          <h4>Alerts it would raise</h4>
          <ul className="tester-alerts">{result.alerts.map((a, k) => <li key={k}>{a.message} ({formatCount(a.count)} events)</li>)}</ul>
        </>
      )}
      {result.matches.length > 0 && (
        <ul className="tester-matches" aria-label="Matching events">
          {result.matches.map((m) => (
            <li key={`${m.rule}:${m.row}`}>
              <time>{formatAt(m.ts, timeZone)}</time> <span className="tester-message">{m.message}</span>
              <div className="tester-why">
                {m.identifiers.map((i) => <span key={i.name} className={i.matched ? 'id-held' : 'id-not'}>{i.matched ? '✓' : '✗'} {i.name}</span>)}
                {m.fields.map((f) => (
                  <span key={f.field} className="kv"><code>{f.field}</code>{f.column !== undefined && f.column !== f.field ? <> ({f.column})</> : null} = {f.value ?? '(absent)'}</span>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

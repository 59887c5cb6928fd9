// The graph view: who logged on where and whether it worked (the LogonTracer idea), built by the
// engine from the current query, capped at the busiest nodes with a "top N of M" note. Click a node
// (or its row in the table) to open its entity page.
import { useCallback, useState } from 'react';
import type { Graph, GraphResult } from '../../../workers/api.ts';
import type { EngineClient, IdleTracker } from '../../../workers/client.ts';
import type { Go } from '../../state/route.ts';
import { formatCount } from '../../format.ts';
import { EngineState } from '../insight/EngineState.tsx';
import { ViewErrorBoundary } from '../insight/ViewErrorBoundary.tsx';
import { useEngineData } from '../insight/useEngineData.ts';
import { GraphCanvas } from './GraphCanvas.tsx';
import { NodeTable } from './NodeTable.tsx';
import '../insight/insight.css';
import './graph.css';

export interface GraphViewProps {
  engine: EngineClient;
  tracker: IdleTracker;
  go: Go;
  /** IANA zone name or 'UTC' (the graph itself shows no times; kept for the shared view contract) */
  timeZone: string;
  /** the events to draw ('' = all) */
  query: string;
}

export const NODE_CAPS = [50, 100, 200, 500];

export function GraphView({ engine, tracker, go, query }: GraphViewProps) {
  const [nodeCap, setNodeCap] = useState(100);
  const [text, setText] = useState(query);
  const [seed, setSeed] = useState(query);
  if (seed !== query) {
    // navigated to another query (back/forward, a pivot): the box follows
    setSeed(query);
    setText(query);
  }
  const load = useCallback((): Promise<GraphResult> => engine.graph(query, { nodeCap }), [engine, query, nodeCap]);
  const data = useEngineData(tracker, load);
  return (
    <section className="insight" aria-labelledby="graph-title">
      <header className="insight__head">
        <h2 id="graph-title">Logon and connection graph</h2>
      </header>
      <form className="graph-controls" onSubmit={(e) => { e.preventDefault(); go({ view: 'graph', query: text }); }}>
        <label className="graph-controls__query">
          Graph query
          <input type="search" value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder="action:logon, init.host.ip:203.0.113.0/24 (empty: all events)" spellCheck={false} />
        </label>
        <button type="submit" className="button">Draw</button>
        <label>
          Nodes
          <select value={nodeCap} onChange={(e) => setNodeCap(Number(e.currentTarget.value))}>
            {NODE_CAPS.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <button type="button" className="button" onClick={() => go({ view: 'search', query })}>Show these events</button>
      </form>
      <EngineState data={data} what="graph" />
      {data.state === 'ready' && !data.data.ok && (
        <p className="insight-state insight-state--error" role="alert">
          {data.data.error.message} (at character {data.data.error.position + 1}). Fix the graph query and draw again.
        </p>
      )}
      {data.state === 'ready' && data.data.ok && <ViewErrorBoundary what="graph"><Drawing graph={data.data.graph} go={go} /></ViewErrorBoundary>}
    </section>
  );
}

function Drawing({ graph, go }: { graph: Graph; go: Go }) {
  if (graph.nodes.length === 0) {
    return <p className="insight-state">No event of this query links an IP, an account or a host (init.host.ip, target.usr.name, obs.host.name…). Try action:logon, or an empty query for all events.</p>;
  }
  const capped = graph.totalNodes > graph.nodes.length;
  const open = (n: { kind: 'ip' | 'user' | 'host'; value: string }) => go({ view: 'entity', kind: n.kind, value: n.value });
  return (
    <>
      <p className="graph-note" data-testid="graph-note">
        {capped ? `Showing the top ${formatCount(graph.nodes.length)} of ${formatCount(graph.totalNodes)} nodes` : `Showing all ${formatCount(graph.nodes.length)} nodes`}
        {` and ${formatCount(graph.edges.length)} of ${formatCount(graph.totalEdges)} links, from ${formatCount(graph.events)} events.`}
      </p>
      <ul className="graph-legend" aria-label="Legend">
        <li><span className="graph-key graph-key--ip" />IP</li>
        <li><span className="graph-key graph-key--user" />account</li>
        <li><span className="graph-key graph-key--host" />host</li>
        <li><span className="graph-key graph-key--line graph-edge--failure" />failed</li>
        <li><span className="graph-key graph-key--line graph-edge--success" />succeeded</li>
        <li><span className="graph-key graph-key--line graph-edge--mixed" />both</li>
        <li><span className="graph-key graph-key--alert" />ring: alerts (colour of the worst severity)</li>
      </ul>
      <GraphCanvas graph={graph} onOpen={open} />
      <details className="chart__data">
        <summary>Table: graph nodes</summary>
        <NodeTable nodes={graph.nodes} onOpen={open} />
      </details>
    </>
  );
}

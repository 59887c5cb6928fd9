// Draws a laid-out graph as SVG: edges coloured by outcome and as wide as their event count, nodes
// shaped by kind (IP circle, user square, host diamond), coloured by outcome, and ringed in the colour
// of the worst alert naming them. Every node is a
// button (click, Enter or Space) that opens its entity page. Positions come from the engine worker.
import { useEffect, useRef, useState } from 'react';
import type { Graph, GraphNode } from '../../../workers/api.ts';
import { formatCount } from '../../format.ts';
import { edgeTone, edgeWidth, labelledNodes, nodeTone, shortValue, viewBox } from './graphShapes.ts';
// SVG text holds no elements: invisible characters are shown as plain ⟨U+…⟩ marks
import { safeLabel } from '../../components/SafeText.tsx';

export function GraphCanvas({ graph, onOpen }: { graph: Graph; onOpen: (node: GraphNode) => void }) {
  const at = new Map(graph.nodes.map((n) => [n.id, n]));
  const box = viewBox(graph.nodes);
  const [wrap, labelStyle, labelUnits] = useLabelSize(box);
  // no labels until the box is measured (their size in view-box units depends on it)
  const labelled = labelUnits === undefined ? new Set<string>() : labelledNodes(graph.nodes, labelUnits);
  return (
    // the box is measured on this wrapper: the observer reported nothing usable for the <svg> itself
    <div ref={wrap} className="graph-canvas-wrap" style={labelStyle}>
    <svg
      className="graph-canvas" viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`} preserveAspectRatio="xMidYMid meet"
      role="group" aria-label="Logon and connection graph"
    >
      <g className="graph-edges" aria-hidden="true">
        {graph.edges.map((e) => {
          const a = at.get(e.source), b = at.get(e.target);
          if (a === undefined || b === undefined) return null;
          return (
            <line key={`${e.source}>${e.target}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={`graph-edge graph-edge--${edgeTone(e)}`} strokeWidth={edgeWidth(e.count)}>
              <title>{`${safeLabel(a.value)} → ${safeLabel(b.value)}: ${formatCount(e.count)} events, ${formatCount(e.failure)} failed, ${formatCount(e.success)} succeeded`}</title>
            </line>
          );
        })}
      </g>
      <g className="graph-nodes">
        {graph.nodes.map((n) => (
          <g
            key={n.id} role="button" tabIndex={0} className={`graph-node graph-node--${nodeTone(n)}`} transform={`translate(${n.x} ${n.y})`}
            aria-label={`Open ${n.kind} ${safeLabel(n.value)} (${formatCount(n.count)} events, ${formatCount(n.failure)} failed${alertWords(n)})`}
            onClick={() => onOpen(n)}
            onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen(n); } }}
          >
            {n.alerts !== undefined && <circle r={n.r * 1.25 + 5} className={`graph-alert graph-alert--${n.alertSeverity ?? 'low'}`} />}
            <Shape node={n} />
            {!labelled.has(n.id) && <title>{safeLabel(n.value)}</title>}
          </g>
        ))}
      </g>
      {/* labels over every shape (inside each node, a later node's shape covered an earlier node's label);
          the node buttons carry the same names */}
      <g className="graph-labels" aria-hidden="true">
        {graph.nodes.map((n) => labelled.has(n.id) && (
          <text key={n.id} x={n.x + n.r + 4} y={n.y + 4} className="graph-label">{safeLabel(shortValue(n.value))}</text>
        ))}
      </g>
    </svg>
    </div>
  );
}

/** ", 3 alerts, highest high" (empty without alerts) */
export function alertWords(n: Pick<GraphNode, 'alerts' | 'alertSeverity'>): string {
  if (n.alerts === undefined) return '';
  return `, ${formatCount(n.alerts)} alert${n.alerts === 1 ? '' : 's'}, highest ${n.alertSeverity ?? 'low'}`;
}

function Shape({ node }: { node: GraphNode }) {
  const r = node.r;
  // a square and a diamond of about the circle's area
  const s = r * 0.9;
  if (node.kind === 'user') return <rect x={-s} y={-s} width={2 * s} height={2 * s} rx={2} className="graph-shape" />;
  if (node.kind === 'host') return <polygon points={`0,${-r * 1.25} ${r * 1.25},0 0,${r * 1.25} ${-r * 1.25},0`} className="graph-shape" />;
  return <circle r={r} className="graph-shape" />;
}

/**
 * The labels' size in the view box's units, so that on screen they are the charts' type size (--chart-font:
 * 12 px, 16 px in projector mode) however much the fitted view box is scaled: a fixed 11 units came out at
 * 8 px on a wide graph, unreadable on a projector.
 */
function useLabelSize(box: { width: number; height: number }): [React.RefObject<HTMLDivElement | null>, React.CSSProperties | undefined, number | undefined] {
  const ref = useRef<HTMLDivElement>(null);
  const [screen, setScreen] = useState<{ w: number; h: number; font: number }>();
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    // the observer's report comes after layout: no synchronous layout when the graph mounts
    const ro = new ResizeObserver(() => setScreen({ w: el.clientWidth, h: el.clientHeight, font: parseFloat(getComputedStyle(el).getPropertyValue('--chart-font')) || 12 }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  if (screen === undefined || screen.w === 0 || screen.h === 0) return [ref, undefined, undefined];
  const unitsPerPx = 1 / Math.min(screen.w / box.width, screen.h / box.height);
  const units = Math.ceil(screen.font * unitsPerPx * 100) / 100;
  return [ref, { '--graph-label': `${units}px` } as React.CSSProperties, units];
}

// The graph's nodes as a table: the same clicks as the drawing, for keyboards and screen readers.
import type { GraphNode } from '../../../workers/api.ts';
import { formatCount } from '../../format.ts';
import { SafeText } from '../../components/SafeText.tsx';

export function NodeTable({ nodes, onOpen }: { nodes: readonly GraphNode[]; onOpen: (n: GraphNode) => void }) {
  return (
    <table className="chart-table">
      <thead><tr><th scope="col">Node</th><th scope="col">Kind</th><th scope="col">Events</th><th scope="col">Failed</th><th scope="col">Succeeded</th><th scope="col">Alerts</th></tr></thead>
      <tbody>
        {nodes.map((n) => (
          <tr key={n.id}>
            <th scope="row"><button type="button" className="link-button" onClick={() => onOpen(n)}><SafeText text={n.value} max={300} /></button></th>
            <td>{n.kind}</td>
            <td className="num">{formatCount(n.count)}</td>
            <td className="num">{formatCount(n.failure)}</td>
            <td className="num">{formatCount(n.success)}</td>
            <td>{n.alerts === undefined ? '' : `${formatCount(n.alerts)} (highest ${n.alertSeverity ?? 'low'})`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

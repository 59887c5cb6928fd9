// How the graph draws: outcome tones, edge widths, the fitted view box.
import { describe, expect, it } from 'vitest';
import { edgeTone, edgeWidth, labelledNodes, nodeTone, shortValue, viewBox } from '../../../../src/app/views/graph/graphShapes.ts';

describe('graph shapes', () => {
  it('tones by outcome', () => {
    expect(edgeTone({ success: 1, failure: 3200 })).toBe('mixed');
    expect(edgeTone({ success: 0, failure: 3 })).toBe('failure');
    expect(edgeTone({ success: 2, failure: 0 })).toBe('success');
    expect(edgeTone({ success: 0, failure: 0 })).toBe('neutral');
    expect(nodeTone({ success: 2, failure: 3200 })).toBe('failure');
    expect(nodeTone({ success: 5, failure: 5 })).toBe('success');
    expect(nodeTone({ success: 0, failure: 0 })).toBe('neutral');
  });

  it('edge width grows with the log of the count', () => {
    expect(edgeWidth(0)).toBe(1);
    expect(edgeWidth(9)).toBe(2.5);
    expect(edgeWidth(999)).toBe(5.5);
  });

  it('view box holds every circle with a margin and room for labels', () => {
    expect(viewBox([{ x: 0, y: 0, r: 10 }, { x: 100, y: 50, r: 5 }], 20)).toEqual({ x: -30, y: -30, width: 115 + 40 + 120, height: 65 + 40 });
    expect(viewBox([])).toEqual({ x: -100, y: -100, width: 200, height: 200 });
    expect(shortValue('a'.repeat(30), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('graph labels', () => {
  const node = (id: string, count: number, x: number, y: number) => ({ id, value: id, count, x, y, r: 5 });

  it('the busiest node keeps its label; one that would overlap it is left out; one apart keeps its own', () => {
    const nodes = [node('svc_sql', 3, 0, 2), node('hnguyen', 40, 0, 0), node('web01', 1, 0, 200)];
    expect([...labelledNodes(nodes, 12)].sort()).toEqual(['hnguyen', 'web01']);
  });

  it('labels side by side on one line overlap only when their text reaches the next', () => {
    // 7 characters at 10 units: about 43 units wide, drawn from x + r + 4
    expect(labelledNodes([node('aaaaaaa', 2, 0, 0), node('bbbbbbb', 1, 60, 0)], 10).size).toBe(2);
    expect(labelledNodes([node('aaaaaaa', 2, 0, 0), node('bbbbbbb', 1, 30, 0)], 10)).toEqual(new Set(['aaaaaaa']));
  });
});

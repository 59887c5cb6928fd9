// The shape cache (src/core/template/shapes.ts) is a shortcut, never a different answer: a Drain with it and one
// without it put every message in the same cluster, end with the same templates, and refine a shape's text
// exactly as they refine its message. Checked on every loghub set's raw lines (many shapes, templates that keep
// generalising) and on sequences made to change a leaf under a cached shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Drain } from '../../../src/core/template/drain.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';

/** Feeds both miners; returns how many messages took a shape (their refined text is checked from it). */
function same(messages: string[], options: { threshold: number; maxShapes?: number }): number {
  const cached = new Drain(options);
  const walked = new Drain({ ...options, maxShapes: 0 });
  const shapes: number[] = [], ids: number[] = [];
  for (const m of messages) {
    const a = cached.add(m);
    const b = walked.add(m);
    expect(a.id).toBe(b.id);
    expect(a.size).toBe(b.size);
    expect(walked.lastShape).toBe(-1);
    shapes.push(cached.lastShape);
    ids.push(a.id);
  }
  expect(cached.clusters.map((c) => cached.text(c))).toEqual(walked.clusters.map((c) => walked.text(c)));
  expect(cached.clusters.map((c) => cached.refinable(c))).toEqual(walked.clusters.map((c) => walked.refinable(c)));
  let shaped = 0;
  messages.forEach((m, i) => {
    const want = walked.refine(walked.clusters[ids[i]], m);
    expect(cached.refine(cached.clusters[ids[i]], m)).toBe(want);
    if (shapes[i] >= 0) {
      shaped++;
      // a shape keeps the cluster it was placed in: the one this message went to
      expect(cached.shapeCluster(shapes[i])).toBe(ids[i]);
      expect(cached.refineShape(cached.clusters[ids[i]], shapes[i])).toBe(want);
    }
  });
  return shaped;
}

describe('the shape cache gives the walk\'s answers', () => {
  it('when a leaf changes under a cached shape (a new cluster, a position turned <*>)', () => {
    const msgs = [
      'job alpha started on node', 'job alpha started on node', 'job beta started on node', 'job alpha started on node',
      'job alpha stopped on rack', 'job alpha started on node', 'job gamma started on rack', 'job alpha started on node',
      'job 12 started on node', 'job alpha started on 7', 'job alpha started on node', 'job delta started on node',
      'job epsilon started on node', 'job zeta started on node', 'job alpha started on node', 'job beta started on node',
    ];
    expect(same(msgs, { threshold: 0.7 })).toBeGreaterThan(0);
    expect(same(msgs, { threshold: 0.4 })).toBeGreaterThan(0);
  });

  it('on random messages over a few words and numbers (leaves that keep changing)', () => {
    let seed = 12345;
    const rand = (k: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    const vocab = ['a', 'b', 'c', 'd', '1', '22', 'x.example.com', 'Jan'];
    for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7]) {
      const msgs = Array.from({ length: 800 }, () => ['job', 'on', ...Array.from({ length: 2 + rand(2) }, () => vocab[rand(vocab.length)])].join(' '));
      expect(same(msgs, { threshold })).toBeGreaterThan(0);
    }
  });

  it('with a full cache (shapes past the limit walk the tree)', () => {
    const msgs = Array.from({ length: 400 }, (_, i) => `user u${'abcdefghij'[i % 10]}${'klmnopqrst'[(i * 7) % 10]} logged in from host ${'xyz'[i % 3]}`);
    expect(same(msgs, { threshold: 0.7, maxShapes: 16 })).toBeGreaterThan(0);
  });
});

describe('the shape cache on loghub', needsCorpus, () => {
  for (const set of ['OpenSSH', 'Linux', 'Apache', 'Proxifier', 'HDFS', 'Windows']) {
    it(`${set}: same clusters, templates and refined texts`, () => {
      const text = readFileSync(corpusPath(`loghub/${set}/${set}_2k.log`), 'utf8');
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      expect(same(lines, { threshold: 0.7 })).toBeGreaterThan(0);
    });
  }
});

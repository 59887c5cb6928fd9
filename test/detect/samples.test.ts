// Every built-in detector's own samples (its documentation) raise exactly the alerts they promise.
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detect/index.ts';
import { templateDetector } from '../../src/detect/builtin/_template.ts';
import { resolveParams } from '../../src/detect/builtin/detector.ts';
import { tableOf } from '../../src/detect/memoryTable.ts';

describe('built-in detector samples', () => {
  // the template (src/detect/builtin/_template.ts) is checked like a registered detector, so a copy starts sound
  for (const d of [...DETECTORS, templateDetector]) {
    it(`${d.id}: self-description is complete`, () => {
      expect(d.title).not.toBe('');
      expect(d.playbook.length).toBeGreaterThan(0);
      expect(d.remediation).not.toBe('');
      expect(d.samples.length).toBeGreaterThan(0);
      for (const p of d.params) {
        if (p.kind === 'number') expect((p.default as number) >= (p.min ?? -Infinity) && (p.default as number) <= (p.max ?? Infinity)).toBe(true);
      }
    });
    for (const s of d.samples) {
      it(`${d.id}: ${s.title}`, () => {
        const table = tableOf(s.events);
        const alerts = d.run(table, resolveParams(d.params, s.params));
        expect(alerts).toHaveLength(s.expect.count);
        if (s.expect.groups !== undefined) expect(alerts.map((a) => a.group)).toEqual(s.expect.groups.map((g) => expect.objectContaining(g)));
        for (const a of alerts) {
          expect(a.ruleId).toBe(d.id);
          expect(a.evidence.length).toBeGreaterThan(0);
          expect(a.ts).toBeLessThanOrEqual(a.lastTs);
        }
      });
    }
  }
});

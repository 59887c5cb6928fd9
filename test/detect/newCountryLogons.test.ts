// newCountryLogons counts each country's rank instead of sorting the account's countries at every logon
// (it runs once per successful logon). Checked against the plain definition, written out here as the sort it
// replaced, over random logon sequences: few and many countries, ties, top and history settings.
import { describe, expect, it } from 'vitest';
import { tableOf } from '../../src/detect/memoryTable.ts';
import { COUNTRY, newCountryLogons } from '../../src/detect/builtin/geo.ts';
import { rng } from '../../scripts/rng.ts';

const SUCCESS = 1, FAILURE = 2;

/** The definition: sort the account's earlier countries by count (then code) and look at the first `top`. */
function reference(countries: (string | undefined)[], kind: Uint8Array, user: Uint32Array, top: number, minHistory: number): { pos: number; country: string }[] {
  const history = new Map<number, Map<string, number>>();
  const seen = new Set<string>();
  const out: { pos: number; country: string }[] = [];
  for (let p = 0; p < kind.length; p++) {
    const country = countries[p];
    if (kind[p] !== SUCCESS || user[p] === 0 || country === undefined) continue;
    let h = history.get(user[p]);
    if (h === undefined) history.set(user[p], (h = new Map()));
    let total = 0;
    for (const c of h.values()) total += c;
    if (total >= minHistory) {
      const leaders = [...h.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top).map((e) => e[0]);
      const key = `${user[p]}\u0000${country}`;
      if (!leaders.includes(country) && !seen.has(key)) {
        seen.add(key);
        out.push({ pos: p, country });
      }
    }
    h.set(country, (h.get(country) ?? 0) + 1);
  }
  return out;
}

describe('newCountryLogons', () => {
  const cases = [
    { codes: ['DE', 'FR', 'US', 'BR', 'RU', 'CN', 'JP', 'NL'], users: 4, top: 3, minHistory: 3 },
    { codes: ['DE', 'FR'], users: 2, top: 1, minHistory: 1 },
    { codes: ['AA', 'AB', 'AC', 'AD', 'AE', 'AF', 'AG', 'AH', 'AI', 'AJ', 'AK', 'AL'], users: 3, top: 5, minHistory: 10 },
    { codes: ['ZZ', 'AA', 'MM'], users: 6, top: 2, minHistory: 2 },
  ];
  for (const [n, c] of cases.entries()) {
    it(`equals the sorted definition (${c.codes.length} countries, top ${c.top}, history ${c.minHistory})`, () => {
      let fired = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const r = rng(seed * 31 + n);
        const len = 300;
        const events = Array.from({ length: len }, (): Record<string, string> => {
          const absent = r() < 0.05;
          // skewed: early codes are common, so ties and rank changes both happen
          const code = c.codes[Math.floor(r() * r() * c.codes.length)];
          return absent ? { x: '1' } : { [COUNTRY]: code };
        });
        const table = tableOf(events);
        const kind = Uint8Array.from(events, () => (r() < 0.8 ? SUCCESS : FAILURE));
        const user = Uint32Array.from(events, () => Math.floor(r() * (c.users + 1)));
        const rows = Uint32Array.from(events.keys());
        const got = newCountryLogons(table, { rows, kind, user }, SUCCESS, c.top, c.minHistory);
        const want = reference(events.map((e) => e[COUNTRY]), kind, user, c.top, c.minHistory);
        expect(got).toEqual(want);
        fired += want.length;
      }
      // the sequences are not trivial: new countries are found
      expect(fired).toBeGreaterThan(0);
    });
  }
});

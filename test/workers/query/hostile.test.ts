// Hostile queries (issue 9 items 8-10): catastrophic regexes and globs finish, nesting and length limits
// give positioned errors instead of a stack overflow, a pasted list of 12,000 IPs stays linear, and a
// sliced query can be cancelled while the event loop keeps serving other work.
import { describe, expect, it } from 'vitest';
import type { EventFields } from '../../../src/core/schema.ts';
import { CaseIndex } from '../../../src/workers/query/caseIndex.ts';
import { createQueryEngine } from '../../../src/workers/query/engine.ts';
import { MAX_QUERY_DEPTH, MAX_QUERY_LENGTH } from '../../../src/workers/query/language/parser.ts';
import { searchSliced } from '../../../src/workers/query/search.ts';
import { ChunkBuilder } from '../../../src/workers/chunk/chunk.ts';

function indexOf(events: EventFields[], perChunk = 10_000): CaseIndex {
  const index = new CaseIndex(), b = new ChunkBuilder(perChunk);
  let seq = 0;
  for (const e of events) {
    b.add(e);
    if (b.full) index.addChunk(b.build(1, seq++));
  }
  if (b.size > 0) index.addChunk(b.build(1, seq));
  return index;
}

const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
/** n events, each with its own source IP (n distinct values) and one of 500 users */
function sshEvents(n: number): EventFields[] {
  return Array.from({ length: n }, (_, i) => ({
    ts: Date.UTC(2024, 0, 1) + i * 1000, message: `Failed password for user${i % 500} from ${ipOf(i)} port 22 ssh2`,
    'init.host.ip': ipOf(i), 'target.usr.name': `user${i % 500}`, 'col.file': 'auth.log', 'col.line': i + 1,
  }));
}

describe('catastrophic patterns run in linear time', () => {
  const evil = 'a'.repeat(50_000) + 'b';
  const engine = createQueryEngine(indexOf([{ message: evil, 'target.usr.name': evil }, { message: 'aaa' }]));
  it.each([
    ['message:/(a+)+$/', 1], // 'aaa' only: the 50,001-character value ends in b
    ['message:/(a+)+c$/', 0],
    ['target.usr.name:/(a|aa)+c$/', 0],
    ['/(a*)*c/', 0],
    ['message:*a*a*a*a*a*a*a*a*c', 0],
    ['target.usr.name:*a*a*a*a*a*a*a*b', 1],
  ])('%s', (q, total) => {
    const r = engine.query(q);
    expect(r.ok && r.handle.total).toBe(total);
  });

  it('refuses lookaround with a reason, at the expression', () => {
    const r = engine.query('message:/a(?=b)/');
    expect(r).toMatchObject({ ok: false, error: { position: 8 } });
    if (!r.ok) expect(r.error.message).toMatch(/lookahead and lookbehind are not supported/);
  });
});

describe('invisible characters can be searched with escapes', () => {
  const engine = createQueryEngine(indexOf([
    { 'target.usr.name': 'root', message: 'a' }, { 'target.usr.name': 'ro\u200Bot', message: 'b' }, { 'target.usr.name': 'ad\u202Emin', message: 'x\u202Ey' },
  ]));
  it.each([
    ['target.usr.name:root', 1], ['target.usr.name:"ro\\u200Bot"', 1], ['target.usr.name:ro\\u{200b}ot', 1],
    ['target.usr.name:ad\\u{202E}*', 1], ['message:"\\u202E"', 1], ['target.usr.name:/\\u200B/', 1], ['"\\u{202e}"', 1],
  ])('%s', (q, total) => {
    expect(engine.query(q)).toMatchObject({ ok: true, handle: { total } });
  });
  it('a bad escape is a positioned error', () => {
    expect(engine.query('user.name:"a\\u20"')).toMatchObject({ ok: false, error: { position: 12 } });
  });
});

describe('nesting and length limits', () => {
  const engine = createQueryEngine(indexOf(sshEvents(10)));
  it.each([
    { name: '1,500 parentheses', q: '('.repeat(1500) + 'sshd' + ')'.repeat(1500), position: MAX_QUERY_DEPTH },
    { name: '20,000 nots', q: 'not '.repeat(20_000) + 'sshd', position: MAX_QUERY_DEPTH * 4 },
    { name: '5,000 nested value lists', q: 'user.name:('.repeat(5000) + 'x' + ')'.repeat(5000), position: 10 + 11 * MAX_QUERY_DEPTH },
  ])('$name: a positioned error in plain words', ({ q, position }) => {
    const r = engine.query(q);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^the query nests too deeply: more than 100 levels of parentheses or 'not'/);
    expect(r.error.position).toBe(position);
  });

  it('100 levels still work', () => {
    const r = engine.query('('.repeat(MAX_QUERY_DEPTH) + 'password' + ')'.repeat(MAX_QUERY_DEPTH));
    expect(r.ok && r.handle.total).toBe(10);
  });

  it('a query over the length limit is refused before parsing', () => {
    const r = engine.query('x '.repeat(MAX_QUERY_LENGTH));
    expect(r).toMatchObject({ ok: false, error: { position: MAX_QUERY_LENGTH } });
  });
});

describe('long lists of terms', () => {
  // 30,000 distinct IPs: testing each term against every distinct value was 12,000 x 30,000 tests
  const engine = createQueryEngine(indexOf(sshEvents(30_000)));
  const wanted = Array.from({ length: 12_000 }, (_, k) => ipOf(k * 2));

  it('a pasted list of 12,000 IPs (~150 KB) finds each one', () => {
    const r = engine.query(`init.host.ip:(${wanted.join(' ')})`);
    expect(r.ok && r.handle.total).toBe(12_000);
  });

  it('8,000 terms joined by or (~200 KB), through an alias of two fields', () => {
    const r = engine.query(wanted.slice(0, 8000).map((ip) => `source.ip:${ip}`).join(' or '));
    expect(r.ok && r.handle.total).toBe(8000);
    const u = engine.query(`user.name:(${Array.from({ length: 12_000 }, (_, k) => `user${k}`).join(' or ')})`);
    expect(u.ok && u.handle.total).toBe(30_000);
  });

  it('CIDRs and IPv6 spellings still match', () => {
    expect(engine.query('init.host.ip:10.0.1.0/24')).toMatchObject({ ok: true, handle: { total: 256 } });
    const v6 = createQueryEngine(indexOf([{ 'init.host.ip': '2001:db8::15' }, { 'init.host.ip': '2001:DB8:0:0:0:0:0:15' }, { 'init.host.ip': '10.0.0.1' }]));
    expect(v6.query('init.host.ip:2001:db8:0::15')).toMatchObject({ ok: true, handle: { total: 2 } });
    expect(v6.query('init.host.ip:2001:db8::/32')).toMatchObject({ ok: true, handle: { total: 2 } });
    expect(v6.query('init.host.ip:"2001:db8::15"')).toMatchObject({ ok: true, handle: { total: 1 } });
  });
});

describe('sliced evaluation', () => {
  const index = indexOf(sshEvents(50_000), 1000);

  it('gives the event loop turns, reports progress, and gives the same rows as a plain search', async () => {
    let turns = 0, stop = false;
    const tick = () => { turns++; if (!stop) setImmediate(tick); };
    setImmediate(tick);
    const progress: [number, number][] = [];
    const r = await searchSliced(index, 'message:/user4\\d\\d from/', 0, { cancelled: () => false, progress: (d, t) => progress.push([d, t]), sliceMs: 0 });
    stop = true;
    expect(r !== 'cancelled' && r.ok && r.value.rows.size).toBe(10_000);
    expect(turns).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual([50, 50]);
  });

  it('stops when cancelled', async () => {
    let slices = 0;
    const r = await searchSliced(index, 'message:/port 2\\d/', 0, { cancelled: () => ++slices > 3, sliceMs: 0 });
    expect(r).toBe('cancelled');
    expect(slices).toBe(4);
  });

  it('a query engine reports a cancelled run as such', async () => {
    const engine = createQueryEngine(index);
    const r = await engine.querySliced('password', { cancelled: () => true, sliceMs: 0 });
    expect(r).toMatchObject({ ok: false, cancelled: true });
  });
});

describe('an empty quoted value on a text field', () => {
  it('finds the rows with a value and returns (it scanned forever)', () => {
    const engine = createQueryEngine(indexOf([{ message: 'Failed password' }, { 'target.usr.name': 'root' }, { message: 'x', 'col.file': 'a.log' }], 2));
    for (const [text, hits] of [['message:""', 2], ['not message:""', 1], ['message:"" and message:x', 1]] as const) {
      const r = engine.query(text);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.handle.total, text).toBe(hits);
    }
  }, 10_000);
});

// The URL hash module: every view's state survives a serialize -> parse round trip; bad hashes fall back.
import { describe, expect, it } from 'vitest';
import { parseHash, serializeHash, URL_QUERY_MAX_CHARS } from '../../../src/app/state/hash.ts';
import type { Place } from '../../../src/app/state/route.ts';

describe('hash round trip', () => {
  it.each<{ name: string; place: Place }>([
    { name: 'empty search', place: { route: { view: 'search', query: '' }, projector: false } },
    {
      name: 'full search',
      place: {
        route: { view: 'search', query: 'outcome:failure and init.host.ip:203.0.113.0/24 "a & b = c"', from: 1700000000000, to: 1700003600000, sort: { field: 'init.host.ip', dir: 'desc' }, columns: ['ts', 'message', 'data.Event ID'], event: 42 },
        projector: true,
      },
    },
    { name: 'alerts with one open', place: { route: { view: 'alerts', alert: 'a#1?x' }, projector: false } },
    { name: 'dashboard', place: { route: { view: 'dashboard' }, projector: true } },
    { name: 'graph', place: { route: { view: 'graph', query: 'type:AUTH' }, projector: false } },
    { name: 'entity with an IPv6 value', place: { route: { view: 'entity', kind: 'ip', value: '2001:db8::1' }, projector: false } },
    { name: 'user entity with odd characters', place: { route: { view: 'entity', kind: 'user', value: 'DOM\\bob & co' }, projector: false } },
    { name: 'ledger', place: { route: { view: 'ledger' }, projector: false } },
  ])('$name', ({ place }) => {
    const hash = serializeHash(place);
    expect(hash.startsWith(`#/${place.route.view}`)).toBe(true);
    expect(parseHash(hash)).toEqual(place);
  });

  it('writes a readable hash', () => {
    expect(serializeHash({ route: { view: 'search', query: 'a:b', sort: { field: 'ts', dir: 'desc' } }, projector: true })).toBe('#/search?q=a%3Ab&sort=ts.desc&pj=1');
    expect(serializeHash({ route: { view: 'search', query: '' }, projector: false })).toBe('#/search');
    // a query too long for a URL stays in the view only (pushState of a 136 KB URL was a long main-thread task)
    const long = 'x'.repeat(URL_QUERY_MAX_CHARS + 1);
    expect(serializeHash({ route: { view: 'search', query: long, sort: { field: 'ts', dir: 'desc' } }, projector: false })).toBe('#/search?sort=ts.desc');
    expect(serializeHash({ route: { view: 'graph', query: long }, projector: false })).toBe('#/graph');
    expect(serializeHash({ route: { view: 'search', query: long.slice(1) }, projector: false })).toBe(`#/search?q=${long.slice(1)}`);
  });
});

describe('bad hashes fall back to the search view', () => {
  it.each([
    ['', { view: 'search', query: '' }],
    ['#', { view: 'search', query: '' }],
    ['#/nowhere?q=x', { view: 'search', query: 'x' }],
    ['#/entity?kind=planet&value=mars', { view: 'search', query: '' }],
    ['#/entity?kind=ip', { view: 'search', query: '' }],
    ['#/search?from=abc&to=1e3&ev=-4&sort=ts&cols=', { view: 'search', query: '' }],
    ['#/search?ev=99999999999999999999', { view: 'search', query: '' }],
    ['#/__proto__', { view: 'search', query: '' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual({ route, projector: false });
  });
});

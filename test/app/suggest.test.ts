// Autocomplete: what is being typed at the caret, ranking of names, and putting the choice in place.
import { describe, expect, it } from 'vitest';
import { applySuggestion, contextAt, rankNames } from '../../src/app/query/suggest.ts';

describe('contextAt', () => {
  it.each([
    { q: '', caret: 0, expected: { kind: 'field', partial: '', start: 0, end: 0 } },
    { q: 'outc', caret: 4, expected: { kind: 'field', partial: 'outc', start: 0, end: 4 } },
    { q: 'sshd and outcome:fa', caret: 19, expected: { kind: 'value', field: 'outcome', partial: 'fa', start: 17, end: 19 } },
    { q: 'init.host.ip:203.0 and x', caret: 18, expected: { kind: 'value', field: 'init.host.ip', partial: '203.0', start: 13, end: 18 } },
    { q: '(app.name:ss)', caret: 12, expected: { kind: 'value', field: 'app.name', partial: 'ss', start: 10, end: 12 } },
    { q: 'init.host.ip:2001:db', caret: 20, expected: { kind: 'value', field: 'init.host.ip', partial: '2001:db', start: 13, end: 20 } },
    { q: 'data.Event\\ ID:46', caret: 17, expected: { kind: 'value', field: 'data.Event ID', partial: '46', start: 15, end: 17 } },
    { q: 'a and ', caret: 6, expected: { kind: 'field', partial: '', start: 6, end: 6 } },
  ])('$q @ $caret', ({ q, caret, expected }) => {
    expect(contextAt(q, caret)).toEqual(expected);
  });

  it.each([['"failed pass', 12], ['a and', 5], ['ts:>=', 5]])('nothing to suggest in %s', (q, caret) => {
    expect(contextAt(q as string, caret as number)).toBeUndefined();
  });
});

describe('rankNames', () => {
  it('prefix matches first, then substring matches, limited', () => {
    expect(rankNames(['init.host.ip', 'target.host.ip', 'host', 'hostname', 'obs.host.name'], 'host', 3)).toEqual(['host', 'hostname', 'init.host.ip']);
    expect(rankNames(['b', 'a'], '', 5)).toEqual(['b', 'a']);
  });
});

describe('applySuggestion', () => {
  it('a field gets its colon, a value its quoting and a space', () => {
    expect(applySuggestion('sshd and outc', { kind: 'field', partial: 'outc', start: 9, end: 13 }, 'outcome')).toEqual({ text: 'sshd and outcome:', caret: 17 });
    expect(applySuggestion('user:bo and x', { kind: 'value', field: 'user', partial: 'bo', start: 5, end: 7 }, 'bob smith')).toEqual({ text: 'user:"bob smith" and x', caret: 17 });
  });
});

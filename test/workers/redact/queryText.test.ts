// Query text across the redaction boundary, on a Redactor alone: typed pseudonyms -> originals for the engine,
// engine-written originals -> pseudonyms for the user, and the two are inverse on what the engine writes.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/workers/redact/redactor.ts';
import { storedToShown, typedToStored } from '../../../src/workers/redact/queryText.ts';
import { and, anyOf, term } from '../../../src/workers/query/queryText.ts';
import { parseQuery } from '../../../src/workers/query/language/parser.ts';

function redactor(): { red: Redactor; ip: string; ip6: string; user: string; spaced: string; host: string } {
  const red = new Redactor();
  return {
    red,
    ip: red.pseudonym('ip', '203.0.113.45'),
    ip6: red.pseudonym('ip', '2001:470:1f0b::42'),
    user: red.pseudonym('user', 'root'),
    spaced: red.pseudonym('user', 'John "JJ" Smith'),
    host: red.pseudonym('host', 'web01'),
  };
}

describe('typedToStored', () => {
  it('puts originals back for pseudonyms in field terms, lists, phrases and free text, and leaves the rest as typed', () => {
    const { red, ip, ip6, user, spaced, host } = redactor();
    expect(ip).toBe('10.0.0.1');
    expect(typedToStored(`init.host.ip:${ip} and not user:${user.toUpperCase()}`, red).text).toBe('init.host.ip:203.0.113.45 and not user:root');
    expect(typedToStored(`target.host.ip:"${ip6}"`, red).text).toBe('target.host.ip:"2001:470:1f0b::42"');
    expect(typedToStored(`user:(${spaced} or ${user})`, red).text).toBe('user:("John \\"JJ\\" Smith" or root)');
    expect(typedToStored(`"Failed password for ${user} from ${ip} port 22" ${host}`, red).text).toBe('"Failed password for root from 203.0.113.45 port 22" web01');
    // not pseudonyms this case gave: unchanged (10.0.0.99 was never given; user-12 neither)
    for (const q of ['init.host.ip:10.0.0.99', 'user-12', 'message:"user-1x"', 'outcome:failure', 'ts >= 2026-01-01', 'raw:/user-1/']) {
      expect(typedToStored(q, red).text).toBe(q);
    }
    // a query that does not parse goes on as typed (the engine reports its error)
    expect(typedToStored(`init.host.ip:${ip} and (`, red).text).toBe(`init.host.ip:${ip} and (`);
    const parsed = parseQuery(typedToStored(`user:(${spaced} or ${user})`, red).text);
    expect(parsed.ok).toBe(true);
  });

  it('a wildcard also matches the originals of the pseudonyms it matches', () => {
    const { red } = redactor();
    const t = typedToStored('user:user-* and init.host.ip:10.0.0.*', red).text;
    expect(t).toBe('user:(user-* or "root" or "John \\"JJ\\" Smith") and init.host.ip:(10.0.0.* or "203.0.113.45")');
    expect(parseQuery(t).ok).toBe(true);
    expect(typedToStored('user:adm*', red).text).toBe('user:adm*');
  });

  it('maps positions in the translated text back to what was typed', () => {
    const { red, ip } = redactor();
    const typed = `init.host.ip:${ip} nosuch:x`;
    const t = typedToStored(typed, red);
    expect(t.text).toBe('init.host.ip:203.0.113.45 nosuch:x');
    expect(t.typedPos(t.text.indexOf('nosuch'))).toBe(typed.indexOf('nosuch'));
    expect(t.typedPos(t.text.indexOf('113'))).toBe(typed.indexOf(ip));
    expect(t.typedPos(0)).toBe(0);
  });
});

describe('storedToShown', () => {
  it('writes the pseudonyms into engine-written queries, and typedToStored undoes it', () => {
    const { red, ip, user, spaced } = redactor();
    const stored = [
      and(anyOf(['init.host.ip', 'target.host.ip'], '203.0.113.45'), term('target.usr.name', 'root')),
      and(term('init.host.ip', '203.0.113.45'), term('target.usr.name', 'John "JJ" Smith')),
      `${term('init.host.ip', '203.0.113.45')} and ts >= 2026-01-05T08:00:00.000Z and "from 203.0.113.45"`,
    ];
    const shown = stored.map((q) => storedToShown(q, red));
    expect(shown[0]).toBe(`(init.host.ip:${ip} or target.host.ip:${ip}) and (target.usr.name:${user})`);
    expect(shown[1]).toBe(`(init.host.ip:${ip}) and (target.usr.name:"${spaced}")`);
    expect(shown[2]).toBe(`init.host.ip:${ip} and ts >= 2026-01-05T08:00:00.000Z and "from ${ip}"`);
    for (const s of shown) for (const o of ['203.0.113.45', 'root', 'Smith']) expect(s).not.toContain(o);
    shown.forEach((s, i) => expect(typedToStored(s, red).text).toBe(stored[i]));
  });

  it('a saved numbering gives the same pseudonyms and reverse lookups', () => {
    const { red, ip, user } = redactor();
    const again = new Redactor({}, JSON.parse(JSON.stringify(red.snapshot())));
    expect(again.original(ip)).toBe('203.0.113.45');
    expect(again.original(user.toUpperCase())).toBe('root');
    expect(again.pseudonym('ip', '203.0.113.45')).toBe(ip);
    expect(again.pseudonym('ip', '198.51.100.1')).toBe(red.pseudonym('ip', '198.51.100.1'));
    expect(again.mapping()).toEqual(red.mapping());
  });
});

// The CLI with hostile input (issue 9 items 10 and 12): deep or huge queries give a caret and exit 2,
// never a stack; control characters in paths, parse messages and values never reach the terminal raw.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { normalize } from '../../src/cli/normalize.ts';
import { query } from '../../src/cli/query.ts';
import { caretLines, jsonLine, terminalText } from '../../src/cli/terminal.ts';

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'logdrop-cli-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ESC = '\u001b', CSI1 = '\u009b', RLO = '\u202e', ZWSP = '\u200b';
// a syslog line whose user and message carry an ANSI sequence, an 8-bit CSI, a bidi override and a zero-width space
const LOG = [
  `Oct  1 10:00:00 web-01 sshd[42]: Failed password for ro${ZWSP}ot from 10.0.0.1 port 22 ssh2`,
  `Oct  1 10:00:01 web-01 sshd[42]: Failed password for ad${RLO}min from 10.0.0.2 port 22 ssh2 ${ESC}[2J${ESC}]0;pwned${ESC}\\ ${CSI1}31m`,
  `garbage ${ESC}[31mred${ESC}[0m`,
].join('\n') + '\n';
const path = join(dir, `${RLO}gol.exe`);
writeFileSync(path, LOG);

/** Anything a terminal acts on or hides: C0 except tab and line feed (the formats use them), DEL, C1, bidi and zero-width characters. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/; // eslint-disable-line no-control-regex -- the point of the test

describe('CLI output escapes control characters', () => {
  it('normalize: stdout JSON and the stderr summary carry no raw control or bidi character', async () => {
    const out = new Collect(), err = new Collect();
    await normalize([path], {}, out, err);
    expect(out.text).not.toMatch(RAW);
    expect(err.text).not.toMatch(RAW);
    expect(err.text).toContain('\\u{202E}gol.exe');
    const events = out.text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => e['target.usr.name'] ?? e['init.usr.name'])).toContain(`ro${ZWSP}ot`);
    expect(events.some((e) => String(e.raw).includes(`${ESC}[2J`) && String(e.raw).includes(CSI1))).toBe(true);
  });

  it('query --facet prints invisible values as JSON strings', async () => {
    const out = new Collect(), err = new Collect();
    const r = await query([path], 'target.usr.name:"ro\\u200Bot" or target.usr.name:"ad\\u{202E}min"', { facets: ['target.usr.name'] }, out, err);
    expect(r.code).toBe(0);
    expect(out.text).not.toMatch(RAW);
    expect(out.text).toContain('1\t"ro\\u200bot"');
    expect(out.text).toContain('1\t"ad\\u202emin"');
  });

  it('one escaping function: readable escapes that the query language reads back', () => {
    expect(terminalText(`a${ESC}[31mb\tc${RLO}`)).toBe('a\\u{1B}[31mb\\tc\\u{202E}');
    expect(JSON.parse(jsonLine({ v: `x${CSI1}${RLO}` }))).toEqual({ v: `x${CSI1}${RLO}` });
  });
});

describe('CLI query limits', () => {
  it.each([
    ['('.repeat(1500) + 'sshd' + ')'.repeat(1500), /nests too deeply/],
    ['not '.repeat(20_000) + 'sshd', /nests too deeply/],
    ['user.name:('.repeat(5000) + 'x' + ')'.repeat(5000), /nests too deeply/],
  ])('%#: a caret under the position, exit 2, no stack', async (text, message) => {
    const out = new Collect(), err = new Collect();
    const r = await query([path], text, {}, out, err);
    expect(r.code).toBe(2);
    const lines = err.text.trimEnd().split('\n');
    const [msg, echoed, caret] = lines.slice(-3);
    expect(msg).toMatch(message);
    expect(echoed.length).toBeLessThan(120); // a window around the position, not 20,000 characters
    expect(caret.trim()).toBe('^');
    expect(err.text).not.toMatch(/RangeError|\n\s+at /);
  });

  it('the caret stays under the character after escapes', () => {
    const [line, caret] = caretLines(`user:"a${RLO}b" )`, 11).split('\n');
    expect(line[caret.indexOf('^')]).toBe(')');
  });
});

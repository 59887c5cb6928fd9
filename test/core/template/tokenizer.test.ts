// The one-pass Tokenizer (character codes, a word table, premask only when a quote, an aside with a number or
// a number with a unit is there) gives the tokens of the rules in their plain form: premask, cut at white
// space, maskToken per token. On every loghub line and on lines made to hit each rule, also past maxTokens.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Tokenizer, maskToken, premask } from '../../../src/core/template/tokens.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';

const plain = (m: string, max: number): string[] => premask(m).split(/[ \t\n\r]+/).filter((t) => t !== '').slice(0, max).map(maskToken);

function check(lines: string[], max = 48): void {
  const t = new Tokenizer();
  for (const line of lines) {
    const n = t.read(line, max);
    expect(t.strs.slice(0, n), line).toEqual(plain(line, max));
    // the same word is the same number; <*> is 0
    for (let i = 0; i < n; i++) expect(t.words[t.ids[i]]).toBe(t.strs[i]);
  }
}

describe('Tokenizer', () => {
  it('reads like the plain rules', () => {
    check([
      'took 12 ms and 3sec, sent 1.5 KiB / 7kB', "said 'hi there' (pid 7) done", 'a "b c" d', 'x () y', 'x (a) (b1) y',
      'Jan Sept, Monday /etc/x host.example.com 1.2.3.4 abc12 ab123 a1', 'uid=0 user=root 10.0.0.1:22 http://x PWD=/home/a',
      'USER=root USER=root TTY=pts/3 COMMAND=/usr/bin/x pam_unix(sshd:session): a:b', '5\u00a0ms 5\u00a0x 12:30:00 ms',
      'tab\there\r\nend', '<*> <*>x x<*>', 'café 10,5 sec',
    ]);
  });
  it('past maxTokens: a unit, a quote or an aside after the last token read still counts', () => {
    const long = Array.from({ length: 10 }, (_, i) => `w${i}x`).join(' ');
    check([`${long} 5 ms`, `${long} "a b"`, `${long} (1)`, `${long}`, `a b c d e f g h i j k (2)`], 6);
  });
});

describe('Tokenizer on loghub', needsCorpus, () => {
  for (const set of ['OpenSSH', 'Linux', 'Apache', 'Proxifier', 'HDFS', 'Windows']) {
    it(set, () => check(readFileSync(corpusPath(`loghub/${set}/${set}_2k.log`), 'utf8').split('\n')));
  }
});

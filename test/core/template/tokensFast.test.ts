// templateTokens' character-level paths (no regex for plain words and numbers, the unit/quote and aside scans
// skipped when nothing can match) keep every masking rule.
import { describe, expect, it } from 'vitest';
import { templateTokens, WILDCARD as W } from '../../../src/core/template/drain.ts';

describe('templateTokens fast paths', () => {
  it('masks numbers with units, quotes and asides only where they are', () => {
    expect(templateTokens('took 12 ms and 3sec, sent 1.5 KiB / 7kB', 48)).toEqual(['took', W, 'and', `${W},`, 'sent', W, W, W]);
    expect(templateTokens("port 22 ssh2 said 'hi there' (pid 7) done", 48)).toEqual(['port', W, 'ssh2', 'said', `${W}${W}`, 'done']);
    expect(templateTokens('Jan Sept, Monday /etc/x host.example.com 1.2.3.4 abc12 ab123 a1', 48)).toEqual([W, W, 'Monday', W, W, W, 'abc12', W, W]);
    expect(templateTokens('uid=0 user=root 10.0.0.1:22 http://x', 48)).toEqual([`uid=${W}`, 'user=root', W, W]);
  });
});

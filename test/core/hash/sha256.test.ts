// SHA-256 against the FIPS 180-4 / NIST CAVP example vectors, and against node:crypto on corpus files fed in
// chunks of several sizes (the ingest hashes whatever chunking the stream hands it).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Sha256, sha256Hex } from '../../../src/core/hash/sha256.ts';
import { corpusPath, needsCorpus } from '../../harness/corpus.ts';

const text = (s: string) => new TextEncoder().encode(s);
const nodeHex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  it.each([
    { name: 'empty', input: '', expected: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { name: 'abc (FIPS 180-4 example)', input: 'abc', expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    {
      name: '448-bit two-block message',
      input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      expected: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    },
    {
      name: '896-bit message',
      input: 'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      expected: 'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    },
  ])('$name', ({ input, expected }) => {
    expect(sha256Hex(text(input))).toBe(expected);
  });

  it('hashes one million "a" (FIPS 180-4 long message)', () => {
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto around every padding boundary (0..200 bytes)', () => {
    const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i * 31 + 7) & 0xff);
    for (let n = 0; n <= 200; n++) expect(sha256Hex(bytes.subarray(0, n)), `length ${n}`).toBe(nodeHex(bytes.subarray(0, n)));
  });

  const files = ['loghub/OpenSSH/OpenSSH_2k.log', 'loghub/Apache/Apache_2k.log', 'loghub/HDFS/HDFS_2k.log'];
  it.each(files)('agrees with node:crypto on %s in chunks of 1, 63, 64, 65, 1000 and 65536 bytes', needsCorpus, (file) => {
    const bytes = new Uint8Array(readFileSync(corpusPath(file)));
    const expected = nodeHex(bytes);
    for (const size of [1, 63, 64, 65, 1000, 65536]) {
      const h = new Sha256();
      for (let i = 0; i < bytes.length; i += size) h.update(bytes.subarray(i, i + size));
      expect(h.hex(), `chunks of ${size}`).toBe(expected);
    }
  });

  it('agrees with node:crypto on 5 MB of pseudo-random bytes in uneven chunks', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 13);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (Math.imul(i, 2654435761) >>> 23) & 0xff;
    const h = new Sha256();
    let at = 0;
    for (let k = 1; at < bytes.length; k++) {
      const size = (k * 7919) % 100_003;
      h.update(bytes.subarray(at, at + size));
      at += size;
    }
    expect(h.hex()).toBe(nodeHex(bytes));
  });

  it('refuses updates after the digest (a caller bug)', () => {
    const h = new Sha256();
    h.digest();
    expect(() => h.update(text('x'))).toThrow();
    expect(h.hex()).toBe(sha256Hex(new Uint8Array(0)));
  });
});

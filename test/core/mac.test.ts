import { describe, expect, it } from 'vitest';
import { macKey } from '../../src/core/mac.ts';

describe('macKey', () => {
  const same = ['00:16:3e:5e:6c:00', '00-16-3E-5E-6C-00', '0016.3e5e.6c00', '00163E5E6C00', '0:16:3e:5e:6c:0'];
  for (const m of same) it(`${m} is 00163e5e6c00`, () => expect(macKey(m)).toBe('00163e5e6c00'));
  const not = ['10.0.0.1', '2001:db8::1', '00:16:3e:5e:6c', '00:16-3e:5e:6c:00', '0016.3e5e', 'zz:16:3e:5e:6c:00', 'hello world!', '00:16:3e:5e:6c:00:11'];
  for (const m of not) it(`${m} is no MAC`, () => expect(macKey(m)).toBeUndefined());
});

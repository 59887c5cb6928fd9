// The bound on a file-system promise (store/deadline.ts): the value when in time, a TimeoutError when not, and
// what arrives late handed to its cleanup (a late failure is dropped).
import { describe, expect, it, vi } from 'vitest';
import { within } from '../../../src/workers/store/deadline.ts';

const after = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('within', () => {
  it('gives the value of work that settles in time, and its failure', async () => {
    const late = vi.fn();
    await expect(within(after(5, 'body'), 1_000, 'writing', late)).resolves.toBe('body');
    await expect(within(Promise.reject(new Error('disk full')), 1_000, 'writing')).rejects.toThrow('disk full');
    expect(late).not.toHaveBeenCalled();
  });

  it('rejects with a TimeoutError naming the work, and hands a late value to its cleanup', async () => {
    const late = vi.fn();
    const work = after(60, 'handle');
    await expect(within(work, 10, 'opening a chunk file', late)).rejects.toMatchObject({
      name: 'TimeoutError', message: 'opening a chunk file did not finish within 0.01 s',
    });
    expect(late).not.toHaveBeenCalled();
    await work;
    await after(0, undefined);
    expect(late).toHaveBeenCalledWith('handle');
  });

  it('drops a late failure (no unhandled rejection) and one that never settles stays bounded', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const failing = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 30));
    await expect(within(failing, 5, 'writing')).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(within(new Promise(() => undefined), 5, 'writing')).rejects.toMatchObject({ name: 'TimeoutError' });
    await after(50, undefined);
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});

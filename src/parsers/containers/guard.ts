// Zip-bomb guard: caps how far a bundle may expand, per compressed stream and in total.
// Reference: https://www.bamsoftware.com/hacks/zipbomb/ (overlapping and nested zip bombs);
// DEFLATE's best case is about 1032:1 (RFC 1951), real logs compress 5:1 to 50:1.
//
// Example: a 48 KB zip entry that inflates to 48 MB (1000:1) is stopped once it passes the grace size.

import type { ExpandLimits } from './types.ts';

const MiB = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * MiB) return `${(n / (1024 * MiB)).toFixed(1)} GiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Counts one decompressor's bytes in and out; `add` returns why it must stop, or null. */
export interface Meter {
  add(inBytes: number, outBytes: number): string | null;
}

export class ExpansionGuard {
  private total = 0;

  constructor(
    readonly limits: ExpandLimits,
    private readonly maxTotal: number,
  ) {}

  meter(): Meter {
    let inBytes = 0;
    let outBytes = 0;
    return {
      add: (i, o) => {
        inBytes += i;
        outBytes += o;
        this.total += o;
        const { maxRatio, ratioGraceBytes } = this.limits;
        if (outBytes > ratioGraceBytes && outBytes > maxRatio * Math.max(inBytes, 1)) {
          return `stopped after ${formatBytes(outBytes)}: it expands more than ${maxRatio} times its compressed size (zip bomb guard)`;
        }
        if (this.total > this.maxTotal) {
          return `stopped: the bundle expands to more than ${formatBytes(this.maxTotal)} in total (zip bomb guard)`;
        }
        return null;
      },
    };
  }
}

// Expansion budget: how many decompressed bytes one bundle may produce, and what happens past it.
// Reference: https://www.bamsoftware.com/hacks/zipbomb/ (overlapping and nested zip bombs).
//
// Why a budget and no ratio cap: real logs compress 20-100x (a repetitive 89 MB gzip of 1M lines is
// legitimate) and a ratio or fixed output cap silently cut them. A bomb is only a problem because it
// would fill the disk or never end, so the one limit is a budget the user can see: the storage left to
// the site, or an explicit limit. When it is used up, the member being read stops (and is reported as
// not read to its end) and the members after it are reported as not read.
//
// Example: budget 16 MiB, a 40 MiB member -> "stopped after 16.0 MiB of 40.0 MiB: ... budget ... used up".

const MiB = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1024 * MiB) return `${(n / (1024 * MiB)).toFixed(1)} GiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Counts one decompressor's bytes out; `add` returns why it must stop, or null. */
export interface Meter {
  add(inBytes: number, outBytes: number): string | null;
}

export interface ExpandBudget {
  /** decompressed bytes the whole bundle may produce */
  bytes: number;
  /** what the budget is, in words the user recognises: "the storage left to this site" */
  name: string;
}

export class ExpansionGuard {
  private total = 0;

  constructor(private readonly budget: ExpandBudget | undefined) {}

  /** the budget is used up: nothing more is decompressed */
  get exhausted(): boolean {
    return this.budget !== undefined && this.total >= this.budget.bytes;
  }

  /** "the expansion budget of 16.0 MiB (the storage left to this site) is used up" */
  spentReason(): string {
    const b = this.budget;
    return b === undefined ? '' : `the expansion budget of ${formatBytes(b.bytes)} (${b.name}) is used up`;
  }

  /** For one member: `expected` is its size when the archive says it (to tell how much was not read). */
  meter(expected?: number): Meter {
    let outBytes = 0;
    return {
      add: (_inBytes, o) => {
        outBytes += o;
        this.total += o;
        if (!this.exhausted) return null;
        const of = expected !== undefined && expected > 0 ? ` of ${formatBytes(expected)}` : '';
        return `stopped after ${formatBytes(outBytes)}${of}: ${this.spentReason()}; the rest of this file was not read`;
      },
    };
  }
}

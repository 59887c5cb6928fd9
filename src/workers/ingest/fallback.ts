// Mixed files, never silent (issue 12): a record the file's parser rejects is offered to the other text
// parsers before it becomes an unparsed event — syslog with JSON payload lines, an export with two layouts,
// concatenated logs. The parser that read the previous rejected record is tried first (mixed files repeat
// their second layout); then the others in the order their sniff() rates the record alone, skipping any that
// rate it 0. The catch-all generic parser is never a fallback: a record no parser knows stays unparsed, with
// its reason.
import type { EventFields } from '../../core/schema.ts';
import { PARSERS } from '../../parsers/index.ts';
import type { Head, ParseContext, TextParser } from '../../parsers/types.ts';

// generic takes anything (nothing would ever be unparsed); framings that need more than one record
// (CSV headers, multi-line XML) cannot read a lone line
const NEVER = new Set(['generic']);

export interface FallbackHit {
  parser: TextParser;
  fields: EventFields;
}

export class FallbackParsers {
  private readonly candidates: TextParser[];
  private readonly contexts = new Map<string, ParseContext>();
  private last: TextParser | undefined;

  constructor(primary: TextParser, private readonly base: ParseContext) {
    this.candidates = PARSERS.filter((p): p is TextParser =>
      p.kind === 'text' && p !== primary && !NEVER.has(p.id) && (p.framing === 'line' || p.framing === 'json'));
  }

  /** The first other parser that reads the record, or undefined. */
  parse(record: string): FallbackHit | undefined {
    if (this.last !== undefined) {
      const hit = this.tryOne(this.last, record);
      if (hit !== undefined) return hit;
    }
    const head: Head = { name: '', bytes: new Uint8Array(0), text: record, lines: [record] };
    const ranked: [TextParser, number][] = [];
    for (const p of this.candidates) {
      if (p === this.last) continue;
      const score = safeSniff(p, head);
      if (score > 0) ranked.push([p, score]);
    }
    ranked.sort((a, b) => b[1] - a[1]);
    for (const [p] of ranked) {
      const hit = this.tryOne(p, record);
      if (hit !== undefined) {
        this.last = p;
        return hit;
      }
    }
    return undefined;
  }

  private tryOne(p: TextParser, record: string): FallbackHit | undefined {
    // each fallback parser keeps its own per-file state, apart from the file's parser
    let ctx = this.contexts.get(p.id);
    if (ctx === undefined) {
      ctx = { ...this.base, state: new Map(), learned: undefined };
      this.contexts.set(p.id, ctx);
    }
    if (p.isMeta?.(record, ctx) === true) return undefined;
    const r = p.parse(record, ctx);
    return r.ok ? { parser: p, fields: r.value } : undefined;
  }
}

/** A sniff that throws is that parser's bug: the others are still tried. */
function safeSniff(p: TextParser, head: Head): number {
  try {
    return p.sniff(head);
  } catch {
    return 0;
  }
}

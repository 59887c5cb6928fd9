// Content sniffing: every parser scores the head; the best score wins, the earlier parser on a tie
// (the registry is ordered specific -> generic). The user can override per file.
import { PARSERS, parserById } from '../../parsers/index.ts';
import type { Head, Parser } from '../../parsers/types.ts';

export interface ParserChoice {
  parser: Parser;
  confidence: number;
  /** every parser's score, best first, for the ledger ("why this parser") */
  scores: { id: string; score: number }[];
}

export function chooseParser(head: Head, overrideId?: string): ParserChoice | undefined {
  const scores = PARSERS.map((p) => ({ parser: p, score: safeSniff(p, head) }));
  const ranked = [...scores].sort((a, b) => b.score - a.score);
  const summary = ranked.filter((s) => s.score > 0).map((s) => ({ id: s.parser.id, score: s.score }));
  if (overrideId !== undefined) {
    const forced = parserById(overrideId);
    if (forced !== undefined) return { parser: forced, confidence: 1, scores: summary };
  }
  const best = ranked[0];
  if (best === undefined || best.score <= 0) return undefined;
  return { parser: best.parser, confidence: best.score, scores: summary };
}

/** A sniff that throws is a bug in that parser; it must not stop the others from being tried. */
function safeSniff(parser: Parser, head: Head): number {
  try {
    const s = parser.sniff(head);
    return Number.isFinite(s) ? Math.max(0, Math.min(1, s)) : 0;
  } catch (e) {
    console.error(`parser ${parser.id}: sniff failed`, e);
    return 0;
  }
}

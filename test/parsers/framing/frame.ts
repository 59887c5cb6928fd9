// Test helper: runs a framer over a text the way ingest does (lines without terminators, 1-based numbers,
// byte offsets) and collects the records.
import type { RecordFramer } from '../../../src/parsers/framing/types.ts';

export interface Framed { text: string; line: number; offset: number }

export function frameText(framer: RecordFramer, text: string): Framed[] {
  const out: Framed[] = [];
  const emit = (t: string, line: number, offset: number) => { out.push({ text: t, line, offset }); };
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let offset = 0;
  lines.forEach((l, i) => {
    const line = l.endsWith('\r') ? l.slice(0, -1) : l;
    framer.line(line, i + 1, offset, emit);
    offset += new TextEncoder().encode(l).length + 1;
  });
  framer.end(emit);
  return out;
}

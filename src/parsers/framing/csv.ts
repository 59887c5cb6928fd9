// CSV framer: one CSV record per record, joining physical lines while a quoted field is open.
// Reference: https://www.rfc-editor.org/rfc/rfc4180 (section 2.6: fields with line breaks are quoted)
// Example: the two lines
//   2024-01-02T03:04:05Z,web01,"first line
//   second line",alice
// are one record. A quote opens a field only at a field start (line start or after , ; or tab): a stray quote
// inside an unquoted field (a,b"c,d) is text, as papaparse reads it. Inside a quoted field "" is an escaped quote.
// A quote that never closes would swallow the rest of the file: past MAX_LINES the pending lines are emitted
// as they are (they become unparsed) and framing starts again.
import type { EmitRecord, RecordFramer } from './types.ts';

const QUOTE = 0x22;
const MAX_LINES = 1000;

const isDelimiter = (c: number) => c === 0x2c || c === 0x3b || c === 0x09;

/** Whether a quoted field is still open at the end of `text`, starting in state `open`. */
export function quoteOpenAfter(text: string, open: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++; // "" inside a quoted field
        else open = false;
      }
    } else if (c === QUOTE && (i === 0 || isDelimiter(text.charCodeAt(i - 1)))) {
      open = true;
    }
  }
  return open;
}

export function createCsvFramer(): RecordFramer {
  let pieces: string[] = [];
  let recLine = 0;
  let recOffset = 0;
  let open = false;

  const flush = (emit: EmitRecord) => {
    if (pieces.length > 0) emit(pieces.join('\n'), recLine, recOffset);
    pieces = [];
    open = false;
  };

  return {
    line(text, line, offset, emit) {
      if (pieces.length === 0) { recLine = line; recOffset = offset; }
      pieces.push(text);
      open = quoteOpenAfter(text, open);
      if (!open || pieces.length >= MAX_LINES) flush(emit);
    },
    end: flush,
    pending: () => (pieces.length > 0 ? { line: recLine, offset: recOffset } : undefined),
  };
}

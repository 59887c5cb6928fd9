// JSON framer: cuts a text file into one JSON value per record.
// Reference: https://www.rfc-editor.org/rfc/rfc8259 (JSON), https://jsonlines.org/ (JSON lines),
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html (CloudTrail files)
// Example inputs, each giving the records {"a":1} and {"a":2}:
//   {"a":1}\n{"a":2}            JSON lines (also several values back to back on one line)
//   [\n  {"a":1},\n  {"a":2}\n]  a pretty-printed top-level array (also on one single huge line)
//   {"Records":[{"a":1},{"a":2}]} a CloudTrail log file
// How: one pass over the characters, string-aware (braces inside strings, escaped quotes), counting
// bracket depth. Records are the values found at `elemDepth`: 0 for JSON lines, 1 inside a top-level array,
// 2 inside {"Records":[...]}. A record on one line is emitted as a slice of that line (never re-joined), so a
// 100 MB one-line array is scanned once and never copied as a whole; a record spanning lines is joined with \n.
import type { EmitRecord, RecordFramer } from './types.ts';

const OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c;
/** the wrapper of a CloudTrail file, whitespace removed (whitespace inside the key would not match anyway) */
const RECORDS_PREFIX = '{"Records":[';

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0xfeff;

/** UTF-8 byte length of text[from, to) (record offsets are byte offsets in the file). */
export function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) { n += 4; i++; } // a surrogate pair is one 4-byte char
    else n += 3;
  }
  return n;
}

export function createJsonFramer(): RecordFramer {
  let depth = 0;
  let elemDepth = 0;
  let inStr = false;
  /** after a wrapper's array closed: swallow the rest of the wrapper object until depth 0 */
  let skipping = false;
  // the record being collected
  let inRecord = false;
  /** a record that does not start with { or [ at depth 0 (a scalar or garbage): it runs to the end of its line */
  let lineRecord = false;
  /** record at depth 0 starting with '{' that may still turn out to be {"Records":[ */
  let wrapperCheck = false;
  let compact = '';
  let pieces: string[] = [];
  let recLine = 0;
  let recOffset = 0;

  const reset = () => {
    inRecord = false; lineRecord = false; wrapperCheck = false; compact = ''; pieces = [];
  };

  function flush(emit: EmitRecord) {
    if (inRecord) {
      const text = pieces.join('\n');
      if (text.trim() !== '') emit(text, recLine, recOffset);
    }
    reset();
  }

  return {
    line(text, lineNo, offset, emit) {
      const n = text.length;
      let start = 0; // start of the current record inside this line
      // byte offset bookkeeping: bytes of text[0, byteIdx) = byteCount, advanced lazily (linear per line)
      let byteIdx = 0, byteCount = 0;
      const byteAt = (i: number) => { byteCount += utf8Length(text, byteIdx, i); byteIdx = i; return offset + byteCount; };
      const begin = (i: number) => {
        inRecord = true; start = i; pieces = []; recLine = lineNo; recOffset = byteAt(i);
      };
      const finish = (endExclusive: number) => {
        pieces.push(text.slice(start, endExclusive));
        flush(emit);
      };
      if (inRecord) start = 0;

      let i = 0;
      while (i < n) {
        if (inStr) {
          // jump to the next quote that is not escaped (fast path for long message strings)
          let j = text.indexOf('"', i);
          while (j !== -1) {
            let k = j - 1, slashes = 0;
            while (k >= i && text.charCodeAt(k) === BACKSLASH) { slashes++; k--; }
            if (slashes % 2 === 0) break;
            j = text.indexOf('"', j + 1);
          }
          if (j === -1) break; // the string runs past the end of the line
          if (wrapperCheck) { compact += text.slice(i, j + 1); if (!RECORDS_PREFIX.startsWith(compact)) wrapperCheck = false; }
          inStr = false;
          i = j + 1;
          continue;
        }
        const c = text.charCodeAt(i);
        if (wrapperCheck && !isSpace(c)) {
          compact += text[i];
          if (compact === RECORDS_PREFIX) {
            // a CloudTrail file: its records are the elements of the Records array (depth 2)
            reset();
            depth = 2; elemDepth = 2; i++;
            continue;
          }
          if (!RECORDS_PREFIX.startsWith(compact)) wrapperCheck = false;
        }
        if (!inRecord) {
          if (isSpace(c)) { i++; continue; }
          if (skipping) {
            if (c === QUOTE) inStr = true;
            else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
            else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) { depth--; if (depth <= 0) { depth = 0; skipping = false; } }
            i++;
            continue;
          }
          if (elemDepth > 0) {
            if (c === COMMA) { i++; continue; }
            if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
              // the container closes: back to JSON-lines mode, skipping what is left of a wrapper object
              depth--;
              elemDepth = 0;
              if (depth > 0) skipping = true; else depth = 0;
              i++;
              continue;
            }
          } else if (c === OPEN_BRACKET) {
            // a top-level array: its elements are the records
            depth = 1; elemDepth = 1; i++;
            continue;
          }
          begin(i);
          if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            depth++;
            if (elemDepth === 0 && c === OPEN_BRACE) { wrapperCheck = true; compact = '{'; }
          } else if (elemDepth === 0) {
            lineRecord = true; // garbage or a bare scalar: the rest of the line (it parses or becomes unparsed)
            break;
          } else if (c === QUOTE) {
            inStr = true;
          }
          i++;
          continue;
        }
        // inside a record
        if (c === QUOTE) {
          inStr = true;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          depth++;
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (depth === elemDepth) {
            // a scalar element ends at the container's closing bracket: emit it, then let the container close
            finish(i);
            continue;
          }
          depth--;
          if (depth === elemDepth) { finish(i + 1); i++; continue; }
        } else if (c === COMMA && depth === elemDepth) {
          finish(i); // scalar element of an array
          i++;
          continue;
        }
        i++;
      }
      if (inRecord) {
        if (lineRecord) { finish(n); return; }
        if (inStr) {
          // JSON strings cannot hold a raw line break: this record is broken (truncated line); emit it as is
          // so it becomes unparsed, and resynchronise on the next line
          inStr = false;
          finish(n);
          depth = elemDepth;
          return;
        }
        pieces.push(text.slice(start));
      } else if (inStr) {
        inStr = false; // an unterminated string outside any record (inside a skipped wrapper): drop it
      }
    },
    end(emit) {
      flush(emit);
      depth = 0; elemDepth = 0; inStr = false; skipping = false;
    },
    pending: () => (inRecord ? { line: recLine, offset: recOffset } : undefined),
  };
}

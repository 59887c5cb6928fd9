// ModSecurity native audit log framer (SecAuditLogFormat Native): one record per transaction, from its
// `--<boundary>-A--` line to its `--<boundary>-Z--` line. Serial logs hold every transaction in one file,
// Concurrent logs one per file; the framing is the same.
// Reference: https://github.com/owasp-modsecurity/ModSecurity/wiki/Reference-Manual-(v2.x)#SecAuditLogParts
// and the ModSecurity 2 Data Formats document (doc/modsecurity2-data-formats.xml, "Audit Log").
// Example (v2; v3 writes `---Ab3dEf9h---A--`, the boundary 8 letters and digits):
//   --6ef24602-A--
//   [02/Aug/2016:09:57:47 +0300] V6BEawUs8J4AACcbno4AAAAE 192.0.2.7 43077 198.51.100.10 80
//   --6ef24602-B--
//   POST /command.php HTTP/1.0
//   ...
//   --6ef24602-Z--
// Quirks:
// - Bodies (C, E, I) are written as received, so a body may hold lines that look like boundaries, even whole
//   audit records. Only the open record's own boundary ends a section. Another boundary's A line followed by
//   an A header line (`[time] id ...`) is a candidate record start: if the open record's own boundary comes
//   back, the candidate was body text; if it does not (end of file, or CANDIDATE_WINDOW lines or characters
//   later), the open record was cut there (a crash while writing) and the lines from the candidate on are
//   framed again as records of their own.
// - A record never closed (no Z: the file was copied while being written) and lines outside any record (the
//   tail of a record whose start is missing) are emitted as they are: the parser refuses them with a reason,
//   so they are counted as unparsed, never dropped. Blank lines between records are no record.
// - A record over MAX_RECORD_CHARS is emitted as it stands, so a runaway body cannot hold the file in memory.
import type { EmitRecord, RecordFramer } from './types.ts';

/** `--1b2c3d4e-A--` (v2, Coraza) or `---Ab3dEf9h---A--` (libmodsecurity 3): boundary and part letter */
const BOUNDARY = /^---?([A-Za-z0-9]{1,64})-{1,3}([A-Z])--[ \t]*$/;
/** the A section's first line starts with the transaction's time in brackets: `[02/Aug/2016:09:57:47` */
const A_HEADER = /^\[\d\d?\/[A-Za-z]{3}\/\d{4}:\d\d:\d\d:\d\d/;
const DASH = 0x2d;
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

export interface AuditBoundary { id: string; part: string }

/** The boundary and part letter of a section line, or undefined when the line is none. */
export function auditBoundary(line: string): AuditBoundary | undefined {
  if (line.charCodeAt(0) !== DASH || line.charCodeAt(1) !== DASH) return undefined;
  const m = BOUNDARY.exec(line);
  return m === null ? undefined : { id: m[1], part: m[2] };
}

export function isAuditHeaderLine(line: string): boolean {
  return A_HEADER.test(line);
}

interface Candidate {
  /** index in pieces of its A line */
  at: number;
  /** whether the line after its A line was an A header (undefined: not seen yet) */
  header?: boolean;
}

/** lines or characters after a candidate without the open record's own boundary: the open record was cut */
export const CANDIDATE_WINDOW = { lines: 20_000, chars: 1024 * 1024 };

export function createModsecAuditFramer(): RecordFramer {
  let pieces: string[] = [];
  let lineNos: number[] = [];
  let offsets: number[] = [];
  let chars = 0;
  /** boundary of the open record; undefined when idle or gathering lines outside any record */
  let open: string | undefined;
  let cand: Candidate | undefined;
  let candChars = 0;

  const push = (text: string, line: number, offset: number) => {
    pieces.push(text);
    lineNos.push(line);
    offsets.push(offset);
    chars += text.length + 1;
    if (cand !== undefined) candChars += text.length + 1;
  };
  const reset = () => {
    pieces = [];
    lineNos = [];
    offsets = [];
    chars = 0;
    open = undefined;
    cand = undefined;
  };
  /** emits pieces [0, end) without trailing blank lines (they were between records) */
  const emitPart = (end: number, emit: EmitRecord) => {
    let e = end;
    while (e > 0 && pieces[e - 1].trim() === '') e--;
    if (e > 0) emit(pieces.slice(0, e).join('\n'), lineNos[0], offsets[0]);
  };
  const flush = (emit: EmitRecord) => {
    emitPart(pieces.length, emit);
    reset();
  };
  /** the open record was cut where the candidate begins: emit it, frame the lines from there again */
  const splitAtCandidate = (c: Candidate, emit: EmitRecord) => {
    const [texts, nos, offs] = [pieces.slice(c.at), lineNos.slice(c.at), offsets.slice(c.at)];
    emitPart(c.at, emit);
    reset();
    for (let i = 0; i < texts.length; i++) framer.line(texts[i], nos[i], offs[i], emit);
  };

  const framer: RecordFramer = {
    line(text, line, offset, emit) {
      const b = auditBoundary(text);
      if (open === undefined) {
        if (b !== undefined && b.part === 'A') {
          flush(emit); // lines outside any record before it
          open = b.id;
          push(text, line, offset);
          return;
        }
        if (pieces.length === 0 && text.trim() === '') return; // blank lines between records
        push(text, line, offset);
        if (chars > MAX_RECORD_CHARS) flush(emit);
        return;
      }
      if (cand !== undefined && cand.header === undefined) {
        cand.header = isAuditHeaderLine(text);
        if (!cand.header) cand = undefined;
      }
      if (b !== undefined && b.id === open) {
        if (b.part === 'A') { // the same boundary starts again: the open record was cut
          flush(emit);
          open = b.id;
          push(text, line, offset);
          return;
        }
        cand = undefined; // the lines since the candidate were this record's body
        push(text, line, offset);
        if (b.part === 'Z') flush(emit);
        return;
      }
      if (b !== undefined && b.part === 'A' && cand === undefined) {
        cand = { at: pieces.length };
        candChars = 0;
      }
      push(text, line, offset);
      if (cand?.header === true && (pieces.length - cand.at > CANDIDATE_WINDOW.lines || candChars > CANDIDATE_WINDOW.chars)) {
        splitAtCandidate(cand, emit);
      } else if (chars > MAX_RECORD_CHARS) {
        flush(emit);
      }
    },
    end(emit) {
      while (cand?.header === true) splitAtCandidate(cand, emit);
      flush(emit);
    },
    pending: () => (pieces.length > 0 ? { line: lineNos[0], offset: offsets[0] } : undefined),
  };
  return framer;
}

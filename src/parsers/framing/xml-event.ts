// <Event> framer: cuts Windows event XML into one <Event>...</Event> element per record.
// Reference: https://learn.microsoft.com/en-us/windows/win32/wes/eventschema-event-element
// Example inputs, each giving two records:
//   <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>...</System></Event><Event xmlns=...>...</Event>
//       (wevtutil qe /f:xml writes the elements back to back, without a root and often without line breaks)
//   <?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n<Event xmlns=...>\n ... </Event>\n<Event ...>...</Event></Events>
//       (Event Viewer's "Save as XML"; UTF-16 files are decoded before they reach us)
// Quirks: <EventData>, <EventID>, <EventRecordID> and </EventData> start with "<Event" but are other elements,
// so a tag counts only when "<Event" is followed by whitespace, '>' or '/'. Text outside any <Event> (the
// XML declaration, <Events>, </Events>, whitespace, comments) is no record; other stray text is emitted so it
// is counted as unparsed rather than lost.
import type { EmitRecord, RecordFramer } from './types.ts';
import { utf8Length } from './json.ts';

/** '<Event' followed by whitespace, '>' or '/' (not <EventData>, <EventID>, ...) */
const OPEN = /<Event(?=[\s>/]|$)/g;
const CLOSE = /<\/Event\s*>/g;
/** wrapper text between events that is not a record */
const WRAPPER = /<\?xml[^>]*\?>|<\/?Events(?:\s[^>]*)?>|<!--[\s\S]*?-->|\s+/g;

function isWrapperOnly(text: string): boolean {
  return text.replace(WRAPPER, '') === '';
}

export function createXmlEventFramer(): RecordFramer {
  /** depth of open <Event> elements (1 inside an event; more only if an event nests <Event> in UserData) */
  let depth = 0;
  let pieces: string[] = [];
  let recLine = 0;
  let recOffset = 0;

  function flush(emit: EmitRecord) {
    if (depth > 0 || pieces.length > 0) {
      const text = pieces.join('\n');
      if (!isWrapperOnly(text)) emit(text, recLine, recOffset);
    }
    pieces = [];
    depth = 0;
  }

  return {
    line(text, lineNo, offset, emit) {
      let i = 0; // scan position
      let start = 0; // start of the current record's part on this line
      let byteIdx = 0, byteCount = 0;
      const byteAt = (k: number) => { byteCount += utf8Length(text, byteIdx, k); byteIdx = k; return offset + byteCount; };
      while (i < text.length) {
        if (depth === 0) {
          OPEN.lastIndex = i;
          const m = OPEN.exec(text);
          const at = m === null ? text.length : m.index;
          const between = text.slice(i, at);
          if (!isWrapperOnly(between)) {
            const lead = between.length - between.trimStart().length;
            emit(between.trim(), lineNo, byteAt(i + lead)); // stray text: becomes an unparsed record
          }
          if (m === null) return;
          depth = 1;
          start = at;
          pieces = [];
          recLine = lineNo;
          recOffset = byteAt(at);
          i = at + 6;
          continue;
        }
        // inside an event: find the next <Event or </Event>, whichever comes first
        OPEN.lastIndex = i;
        CLOSE.lastIndex = i;
        const o = OPEN.exec(text);
        const c = CLOSE.exec(text);
        if (c === null && o === null) break;
        if (o !== null && (c === null || o.index < c.index)) {
          // a self-closing <Event .../> nested inside does not open anything
          const gt = text.indexOf('>', o.index);
          if (gt === -1 || text.charCodeAt(gt - 1) !== 0x2f) depth++;
          i = o.index + 6;
          continue;
        }
        if (c === null) break;
        depth--;
        i = c.index + c[0].length;
        if (depth === 0) {
          pieces.push(text.slice(start, i));
          const rec = pieces.join('\n');
          pieces = [];
          emit(rec, recLine, recOffset);
        }
      }
      if (depth > 0) pieces.push(text.slice(start));
    },
    end(emit) {
      flush(emit); // an <Event> that never closed: emitted as is, it becomes unparsed
    },
    pending: () => (depth > 0 ? { line: recLine, offset: recOffset } : undefined),
  };
}

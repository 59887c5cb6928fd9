import { describe, expect, it } from 'vitest';
import { createXmlEventFramer } from '../../../src/parsers/framing/xml-event.ts';
import { createFramer } from '../../../src/parsers/framing/index.ts';
import { frameText } from '../../harness/parsers.ts';

const texts = (input: string) => frameText(createXmlEventFramer(), input).map((r) => r.text);
const E1 = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>1</EventID><EventRecordID>5</EventRecordID></System><EventData><Data Name="A">x</Data></EventData></Event>';
const E2 = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>2</EventID></System></Event>';

const cases: { name: string; input: string; expected: string[] }[] = [
  { name: 'back to back on one line (wevtutil)', input: E1 + E2, expected: [E1, E2] },
  { name: 'one per line', input: `${E1}\n${E2}\n`, expected: [E1, E2] },
  { name: 'Events document with declaration, CRLF', input: `<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n${E1}\r\n${E2}</Events>`, expected: [E1, E2] },
  { name: 'multi-line event', input: '<Event>\n  <System>\n    <EventID>7</EventID>\n  </System>\n</Event>', expected: ['<Event>\n  <System>\n    <EventID>7</EventID>\n  </System>\n</Event>'] },
  { name: '<EventData> and <EventID> are not <Event', input: '<Event><EventData><Data>1</Data></EventData><EventID>3</EventID></Event>', expected: ['<Event><EventData><Data>1</Data></EventData><EventID>3</EventID></Event>'] },
  { name: 'closing tag with whitespace', input: '<Event><System/></Event >', expected: ['<Event><System/></Event >'] },
  { name: 'never closed: emitted at end', input: `${E2}\n<Event><System>\n<EventID>4`, expected: [E2, '<Event><System>\n<EventID>4'] },
  { name: 'stray text kept as a record', input: `garbage\n${E2}`, expected: ['garbage', E2] },
  { name: 'comment between events is no record', input: `${E2}<!-- saved -->${E2}`, expected: [E2, E2] },
  { name: 'Events root with attributes', input: `<Events xmlns:x="y">${E2}</Events>`, expected: [E2] },
];

describe('<Event> framer', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(texts(input)).toEqual(expected);
  });

  it('is the framer behind framing "xml-event"', () => {
    expect(frameText(createFramer('xml-event'), E1 + E2).length).toBe(2);
  });

  it('gives the same records however the text is cut into lines', () => {
    const doc = E1 + E2 + E1;
    const want = texts(doc).map((t) => t.replace(/\n/g, ''));
    // XML allows a line break between tags, in text and between attributes, never inside a name
    for (let cut = 1; cut < doc.length; cut++) {
      if (doc[cut - 1] !== '>' && doc[cut] !== ' ' && doc[cut] !== '<') continue;
      const got = texts(doc.slice(0, cut) + '\n' + doc.slice(cut)).map((t) => t.replace(/\n/g, ''));
      expect(got, `cut at ${cut}`).toEqual(want);
    }
  });

  it('reports line and byte offset', () => {
    const recs = frameText(createXmlEventFramer(), `<Events>\n  ${E2}${E2}`);
    expect(recs.map((r) => [r.line, r.offset])).toEqual([[2, 11], [2, 11 + E2.length]]);
  });
});

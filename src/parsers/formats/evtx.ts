// Windows XML Event Log (EVTX), the binary .evtx files of Event Viewer, read natively and streaming.
// Reference: https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc
// and MS-EVEN6 (BinXml) https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-even6/
// Example input: a file starting "ElfFile\0" (45 6C 66 46 69 6C 65 00), then 64 KiB "ElfChnk\0" chunks.
// Each record becomes one event: `raw` is the rendered XML, data.* the System fields under Sigma's names plus
// every EventData/UserData field (naming rules in evtx/fields.ts), and the normalized fields come from the
// shared Windows table (windows/normalize.ts). Format internals live in ../evtx/; nothing here needs Node.
// Per record: evtx/walk.ts renders the XML and fills the fields straight from the chunk's cached template
// (no tree), then normalizeWindowsFields builds the event; one walker serves the whole file.
import type { EventFields } from '../../core/schema.ts';
import type { BinaryParser } from '../types.ts';
import { EvtxStream } from '../evtx/file.ts';
import { hasFileSignature } from '../evtx/header.ts';
import { lastFiletime } from '../evtx/values.ts';
import { RecordWalker } from '../evtx/walk.ts';
import { normalizeWindowsFields } from '../windows/normalize.ts';

export const evtx: BinaryParser = {
  kind: 'binary',
  id: 'evtx',
  title: 'Windows event log (EVTX)',
  version: '1',
  url: 'https://github.com/libyal/libevtx/blob/main/documentation/Windows%20XML%20Event%20Log%20(EVTX).asciidoc',
  sniff(head) {
    return hasFileSignature(head.bytes) ? 1 : 0;
  },
  // Text samples cannot carry a binary file: the corpus tests (test/parsers/evtx*.test.ts) check this parser.
  samples: [],
  async parseBytes(chunks, ctx, sink) {
    const walker = new RecordWalker();
    const stream = new EvtxStream((chunk, nodes, ordinal, offset, checksumBad) => {
      walker.run(chunk, nodes);
      // TimeCreated is a FILETIME the walker just formatted: its ts is known without parsing the text
      const created = walker.fields.get('TimeCreated');
      const createdMs = created !== undefined && created === lastFiletime.text ? lastFiletime.ms : undefined;
      const fields: EventFields = normalizeWindowsFields(walker.fields, ctx.time, createdMs);
      if (checksumBad) fields['evtx.checksum'] = 'bad';
      if (walker.problems.length) fields['parse.warning'] = walker.problems.join('; ');
      sink.event(fields, walker.xml, ordinal, offset);
    }, sink);
    for await (const piece of chunks) stream.push(piece);
    stream.finish();
  },
};

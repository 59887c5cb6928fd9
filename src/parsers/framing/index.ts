// Framing registry: Framing name (parsers/types.ts) -> framer factory.
import type { Framing } from '../types.ts';
import type { RecordFramer } from './types.ts';
import { createLineFramer } from './line.ts';
import { createJsonFramer } from './json.ts';
import { createXmlEventFramer } from './xml-event.ts';
import { createCsvFramer } from './csv.ts';
import { createModsecAuditFramer } from './modsec-audit.ts';

const FRAMERS: Record<Framing, () => RecordFramer> = {
  line: createLineFramer,
  json: createJsonFramer,
  'xml-event': createXmlEventFramer,
  csv: createCsvFramer,
  'modsec-audit': createModsecAuditFramer,
};

export function createFramer(framing: Framing): RecordFramer {
  return FRAMERS[framing]();
}

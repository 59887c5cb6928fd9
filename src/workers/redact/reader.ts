// A RowReader that reads through the redactor: every exporter gets pseudonyms exactly as the views show them
// (the same Redactor.event for whole events; one cell is the same value the event would give).
import type { RowReader } from '../export/types.ts';
import type { Redactor, Words } from './redactor.ts';

export function redactingReader(read: RowReader, redactor: Redactor): RowReader {
  // CSV asks cell by cell along a row: the row's user/host words are worked out once per row
  let wordsRow = -1;
  let words: Words = new Map();
  const wordsOf = (row: number): Words => {
    if (row !== wordsRow) {
      words = redactor.words(read.event(row));
      wordsRow = row;
    }
    return words;
  };
  return {
    value(field, row) {
      const v = read.value(field, row);
      if (v === undefined) return v;
      const kind = redactor.kindOf(field);
      return kind === 'keep' || typeof v === 'number' && kind !== 'ip' ? v : redactor.value(field, v, kind === 'text' ? wordsOf(row) : undefined);
    },
    event: (row) => redactor.event(read.event(row)),
    fieldNames: () => read.fieldNames(),
  };
}

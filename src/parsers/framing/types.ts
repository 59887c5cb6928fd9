// Framers cut a text file into records for TextParser.parse(): they receive the file's lines in order
// (already decoded, without terminators, with their 1-based number and byte offset) and emit records.
// A record may span lines (pretty JSON, <Event> elements) or a line may hold several records
// (wevtutil writes <Event>s back to back; CloudTrail writes {"Records":[...]} on one line).

export type EmitRecord = (text: string, line: number, offset: number) => void;

export interface RecordFramer {
  line(text: string, line: number, offset: number, emit: EmitRecord): void;
  /** end of file: flush what is pending; an incomplete record is emitted as is (it becomes unparsed) */
  end(emit: EmitRecord): void;
}

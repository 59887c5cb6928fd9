// Framers cut a text file into records for TextParser.parse(): they receive the file's lines in order
// (already decoded, without terminators, with their 1-based number and byte offset) and emit records.
// A record may span lines (pretty JSON, <Event> elements) or a line may hold several records
// (wevtutil writes <Event>s back to back; CloudTrail writes {"Records":[...]} on one line).

export type EmitRecord = (text: string, line: number, offset: number) => void;

export interface RecordFramer {
  line(text: string, line: number, offset: number, emit: EmitRecord): void;
  /** end of file: flush what is pending; an incomplete record is emitted as is (it becomes unparsed) */
  end(emit: EmitRecord): void;
  /**
   * Where the record begun but not yet closed starts (line and byte offset), or undefined: the last line ended
   * a record. Live follow asks before end() so a record cut by a poll is read again whole on the next poll.
   * Framers whose records never span lines leave it out.
   */
  pending?(): { line: number; offset: number } | undefined;
}

// Where export text goes when the browser offers no disk file (diskSink.ts is the usual sink): BlobSink hands text
// to Blob parts every few MiB (in Chromium those parts grew the tab by the file's size); TextSink: tests.
import type { ExportSink } from './run.ts';

const PART_CHARS = 4 << 20;

export class BlobSink implements ExportSink {
  private parts: Blob[] = [];
  private pending: (string | Uint8Array)[] = [];
  private pendingChars = 0;

  /** text, or bytes (the case hand-over writes UTF-8 it has hashed); a part every few Mi characters or bytes */
  write(text: string | Uint8Array): void {
    if (text.length === 0) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= PART_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingChars = 0;
  }

  blob(type: string): Blob {
    this.flush();
    return new Blob(this.parts, { type });
  }
}

export class TextSink implements ExportSink {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

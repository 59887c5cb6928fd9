// How many entries a zip's table of contents lists, read from its end record without reading the archive.
// Reference: APPNOTE.TXT 4.3.16 (end of central directory record: signature 50 4b 05 06, total entries at +10).
// Example: a zip of 2,000 files -> 2000 (folders count as entries too). Used to say how much of an
// interrupted archive was never read; undefined when it is not a zip or the record is not found.

const SIG_END = 0x06054b50;
/** the end record is 22 bytes plus a comment of at most 65,535 */
const MAX_TAIL = 22 + 0xffff;

export async function zipEntryCount(file: Blob): Promise<number | undefined> {
  if (file.size < 22) return undefined;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) return undefined;
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - MAX_TAIL)).arrayBuffer());
  const dv = new DataView(tail.buffer, tail.byteOffset, tail.length);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) !== SIG_END) continue;
    const total = dv.getUint16(i + 10, true);
    return total === 0xffff ? undefined : total; // zip64: the count is elsewhere; not needed for a note
  }
  return undefined;
}

// A handed-over bundle (files, archives, archives in archives) -> its files as named byte streams.
// References: zip https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT ,
// tar https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html , gzip https://www.rfc-editor.org/rfc/rfc1952
//
// Example: for await (const e of expandBundle([caseZip], onIssue)) { await consume(e.open()); }
//   -> 'case.zip/auth.log', 'case.zip/old.tar.gz/old.tar/var/log/syslog.1', ...
//
// Containers are recognised by their first bytes (names lie: '.Zip', a gzip called '.log'), then
// opened recursively, up to limits.maxDepth levels. Everything is one forward pass: an entry's bytes
// are decompressed only while its consumer reads them. See types.ts for the path convention.

import { ByteReader } from './byte-reader.ts';
import { ExpansionGuard } from './guard.ts';
import { gunzip } from './gzip.ts';
import { MemberStream } from './member-stream.ts';
import { gunzipName, joinPath } from './paths.ts';
import { detectContainer, SNIFF_BYTES } from './sniff.ts';
import { readTar } from './tar.ts';
import { DEFAULT_LIMITS, type BundleEntry, type BundleSource, type ExpandLimits, type OnIssue } from './types.ts';
import { readZip, type ArchiveMember } from './zip.ts';

const LEAF_SLICE = 1024 * 1024;

interface Node {
  path: string;
  /** the name as written in the archive, when cleaning changed it */
  rawName?: string;
  reader: ByteReader;
  size?: number;
  lastModified: number;
  depth: number;
  /** the source's Blob, for a source that is not a container (a leaf at depth 0) */
  blob?: Blob;
}

interface Context {
  onIssue: OnIssue;
  guard: ExpansionGuard;
  maxDepth: number;
  /** entries yielded so far for the current source (their ordinals) */
  ordinal: number;
}

/**
 * Every file of the bundle, one after another, in the order of `sources` and of each archive.
 * Read each entry's stream to its end (or cancel it) before asking for the next; what is left unread
 * is skipped. Problems (damage, encryption, bombs, unreadable files) go to onIssue with the path and
 * a plain reason; this never throws for bad input.
 */
export async function* expandBundle(
  sources: BundleSource[],
  onIssue: OnIssue,
  limits: Partial<ExpandLimits> = {},
): AsyncGenerator<BundleEntry, void, undefined> {
  const all: ExpandLimits = { ...DEFAULT_LIMITS, ...limits };
  const ctx: Context = { onIssue, guard: new ExpansionGuard(all.budget), maxDepth: all.maxDepth, ordinal: 0 };
  for (const source of sources) {
    ctx.ordinal = 0;
    let stream: ReadableStream<Uint8Array>;
    try {
      stream = source.stream();
    } catch (e) {
      onIssue({ path: source.name, reason: `could not be read (${e instanceof Error ? e.message : String(e)})` });
      continue;
    }
    const reader = new ByteReader(stream);
    try {
      yield* expand({ path: source.name, reader, size: source.size, lastModified: source.lastModified, depth: 0, blob: source.blob }, ctx);
    } catch (e) {
      // Not reachable for bad input (every reader reports instead of throwing); a bug in a reader
      // must still not lose the other files of the bundle.
      onIssue({ path: source.name, reason: `reading failed unexpectedly (${e instanceof Error ? e.message : String(e)})` });
      await reader.cancel();
    }
  }
}

async function* expand(node: Node, ctx: Context): AsyncGenerator<BundleEntry, void, undefined> {
  const { reader, path } = node;
  await reader.fill(SNIFF_BYTES);
  const head = reader.peek(Math.min(reader.available, SNIFF_BYTES));
  const kind = detectContainer(head, path);
  if (kind === 'none') {
    if (reader.readError && reader.available === 0) {
      ctx.onIssue({ path, reason: `could not be read (${reader.readError})` });
      return;
    }
    yield* leaf(node, ctx);
    return;
  }
  if (node.depth >= ctx.maxDepth) {
    ctx.onIssue({ path, reason: `archive nested more than ${ctx.maxDepth} levels deep; not opened` });
    await reader.cancel();
    return;
  }
  if (kind === 'gzip') {
    const childPath = joinPath(path, gunzipName(path));
    if (ctx.guard.exhausted) {
      ctx.onIssue({ path: childPath, reason: `not read: ${ctx.guard.spentReason()}`, effect: 'budget' });
      await reader.cancel();
      return;
    }
    const inner = new MemberStream(gunzip(reader, childPath, ctx.onIssue, ctx.guard.meter()));
    try {
      const child = { path: childPath, reader: new ByteReader(inner.stream()), lastModified: node.lastModified, depth: node.depth + 1 };
      yield* expand(child, ctx);
    } finally {
      await inner.finish();
    }
    return;
  }
  const members: AsyncGenerator<ArchiveMember> = kind === 'zip' ? readZip(reader, path, ctx.onIssue, ctx.guard) : readTar(reader, path, ctx.onIssue);
  try {
    for await (const m of members) {
      const inner = new MemberStream(m.producer);
      try {
        const child = { path: m.path, rawName: m.rawName, reader: new ByteReader(inner.stream()), size: m.size, lastModified: m.lastModified ?? node.lastModified, depth: node.depth + 1 };
        yield* expand(child, ctx);
      } finally {
        await inner.finish();
      }
    }
  } finally {
    await members.return(undefined);
  }
}

/** A file that is not an archive: handed to the consumer, and closed when it asks for the next. */
async function* leaf(node: Node, ctx: Context): AsyncGenerator<BundleEntry, void, undefined> {
  const { reader } = node;
  let opened = false;
  const entry: BundleEntry = {
    path: node.path,
    size: node.size,
    lastModified: node.lastModified,
    ordinal: ctx.ordinal++,
    rawName: node.rawName,
    whole: node.depth === 0 ? node.blob : undefined,
    open() {
      if (opened) throw new Error(`${node.path}: open() may be called once`); // a caller bug, not bad input
      opened = true;
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const piece = await reader.read(LEAF_SLICE);
            if (piece) controller.enqueue(piece);
            else {
              if (reader.readError) ctx.onIssue({ path: node.path, reason: `reading stopped early (${reader.readError})` });
              controller.close();
            }
          },
          cancel: () => reader.cancel(),
        },
        { highWaterMark: 0 },
      );
    },
  };
  try {
    yield entry;
  } finally {
    await reader.cancel();
  }
}

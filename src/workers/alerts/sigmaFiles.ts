// Sigma rule files handed over by the UI (single files, the files of a dropped folder, zips or tarballs of a rule
// repository) -> rule texts. Archives stream through the same expansion as log bundles (parsers/containers):
// one forward pass, members decompressed only while read, nested archives opened, damage reported not thrown.
import type { RuleFile } from '../../detect/sigma/index.ts';
import { expandBundle } from '../../parsers/containers/bundle.ts';
import type { DroppedFile } from '../api.ts';
import { concatBytes } from '../../core/bytes.ts';

const RULE = /\.ya?ml$/i;
/** a rule file larger than this is not a rule (a data dump named .yml): skipped with a reason */
const MAX_RULE_BYTES = 4 * 1024 * 1024;

export interface RuleFilesRead {
  files: RuleFile[];
  /** what was not read, with why (not YAML, too large, archive damage) */
  skipped: { path: string; reason: string }[];
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    parts.push(value);
  }
  return concatBytes(parts);
}

/** Reads rule texts out of the dropped files; anything that is neither YAML nor an archive is skipped with a reason. */
export async function readRuleSources(dropped: readonly DroppedFile[]): Promise<RuleFilesRead> {
  const out: RuleFilesRead = { files: [], skipped: [] };
  const decoder = new TextDecoder('utf-8');
  const sources = dropped.map((d) => ({
    name: d.path, size: d.file.size, lastModified: d.file.lastModified, stream: () => d.file.stream(),
  }));
  const onIssue = (i: { path: string; reason: string }) => out.skipped.push({ path: i.path, reason: i.reason });
  for await (const entry of expandBundle(sources, onIssue)) {
    if (!RULE.test(entry.path)) {
      // archives hold READMEs, tests and tooling beside the rules: only a file handed over directly is worth a word
      if (!entry.path.includes('/') || dropped.some((d) => d.path === entry.path)) out.skipped.push({ path: entry.path, reason: 'not a .yml or .yaml file' });
      await entry.open().cancel();
      continue;
    }
    const bytes = await readAll(entry.open(), MAX_RULE_BYTES);
    if (bytes === undefined) out.skipped.push({ path: entry.path, reason: `larger than ${MAX_RULE_BYTES / 1024 / 1024} MiB: not a rule file` });
    else out.files.push({ path: entry.path, text: decoder.decode(bytes) });
  }
  return out;
}

// A set of rule files -> one collection of rules, correlations and filters, plus every rejected document
// with its reason, file and line. Folders and zips are expanded by the caller (files arrive as text).
import type { SigmaCorrelation, SigmaFilter, SigmaIssue, SigmaRule } from './model.ts';
import { parseDocument, type Path } from './parse.ts';
import { loadDocuments, locate } from './yaml.ts';

export interface RuleFile { path: string; text: string }

export interface LoadOptions {
  /** values of `expand` placeholders (%Administrators% -> ['admin', ...]); rules using others are rejected */
  placeholders?: Readonly<Record<string, readonly string[]>>;
}

export interface RuleSet {
  rules: SigmaRule[];
  correlations: SigmaCorrelation[];
  filters: SigmaFilter[];
  /** rejected documents (and whole files that are not YAML) */
  issues: SigmaIssue[];
  /** documents read, rejected ones included */
  documents: number;
}

function titleOf(d: unknown): string | undefined {
  if (typeof d !== 'object' || d === null) return undefined;
  const o = d as Record<string, unknown>;
  return typeof o.id === 'string' ? o.id : typeof o.title === 'string' ? o.title : undefined;
}

export function loadRules(files: readonly RuleFile[], opts: LoadOptions = {}): RuleSet {
  const set: RuleSet = { rules: [], correlations: [], filters: [], issues: [], documents: 0 };
  const ctx = { placeholders: new Map(Object.entries(opts.placeholders ?? {})), keys: new Map<string, string>() };
  const texts = new Map<string, string>();
  const issueAt = (file: string, doc: number, path: Path, message: string, rule?: string): SigmaIssue => {
    const pos = locate(texts.get(file) ?? '', doc, path);
    return { file, line: pos.line, column: pos.column, message, rule };
  };
  for (const f of files) {
    texts.set(f.path, f.text);
    const loaded = loadDocuments(f.text);
    if (loaded.error !== undefined) {
      set.issues.push({ file: f.path, line: loaded.error.line, column: loaded.error.column, message: loaded.error.message });
      set.documents++;
      continue;
    }
    loaded.docs.forEach((d, i) => {
      set.documents++;
      const parsed = parseDocument(d, { file: f.path, doc: i, line: loaded.lines[i] ?? 1 }, ctx);
      for (const is of parsed.issues) set.issues.push(issueAt(f.path, i, is.path, is.message, titleOf(d)));
      for (const doc of parsed.docs) {
        if (doc.kind === 'rule') set.rules.push(doc);
        else if (doc.kind === 'correlation') set.correlations.push(doc);
        else set.filters.push(doc);
      }
    });
  }
  resolveReferences(set, issueAt);
  return set;
}

type IssueAt = (file: string, doc: number, path: Path, message: string, rule?: string) => SigmaIssue;

/** Duplicate ids are rejected (alert ids are built from them); correlations must name known rules. */
function resolveReferences(set: RuleSet, issueAt: IssueAt): void {
  const seen = new Map<string, string>();
  const keep = <T extends { id: string; file: string; doc: number }>(docs: T[]): T[] => docs.filter((d) => {
    const first = seen.get(d.id);
    if (first === undefined) {
      seen.set(d.id, d.file);
      return true;
    }
    set.issues.push(issueAt(d.file, d.doc, ['id'], `duplicate id '${d.id}' (first defined in ${first})`, d.id));
    return false;
  });
  set.rules = keep(set.rules);
  set.correlations = keep(set.correlations);
  set.filters = keep(set.filters);
  const known = new Set<string>();
  for (const d of [...set.rules, ...set.correlations]) {
    known.add(d.id);
    if (d.name !== undefined) known.add(d.name);
  }
  // drop correlations naming unknown rules, repeatedly (a chain falls with its missing link)
  for (let changed = true; changed;) {
    changed = false;
    set.correlations = set.correlations.filter((c) => {
      const missing = c.rules.findIndex((r) => !known.has(r));
      if (missing < 0) return true;
      set.issues.push(issueAt(c.file, c.doc, ['correlation', 'rules', missing], `unknown rule '${c.rules[missing]}'`, c.id));
      known.delete(c.id);
      if (c.name !== undefined) known.delete(c.name);
      changed = true;
      return false;
    });
  }
}

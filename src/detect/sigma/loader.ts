// A set of rule files -> one collection of rules, correlations and filters, plus every rejected document
// with its reason, file and line. Folders and zips are expanded by the caller (files arrive as text).
import type { SigmaCorrelation, SigmaDocument, SigmaFilter, SigmaIssue, SigmaRule } from './model.ts';
import type { ItemContext } from './modifiers.ts';
import { parseDocument, type Path } from './parse.ts';
import { loadDocuments, locate } from './yaml.ts';
import { appendAll } from '../../core/appendAll.ts';

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
  return new RuleLoader(opts).load(files);
}

/** One file read and parsed: its documents, its issues (located) and how many documents it holds. */
interface FileLoad { text: string; docs: SigmaDocument[]; issues: SigmaIssue[]; documents: number }

/**
 * Loads rule sets again and again (the case's rules as files are added or removed): a file whose path and text
 * are unchanged keeps its parse, so its documents are the same objects in the next set. That is how a re-run
 * tells which documents changed (`changedDocuments`, rerun.ts). One item context for every load, so the test
 * keys that identical items share (verdict caches) mean the same across files parsed at different times.
 */
export class RuleLoader {
  private readonly ctx: ItemContext;
  private byPath = new Map<string, FileLoad>();

  constructor(opts: LoadOptions = {}) {
    this.ctx = { placeholders: new Map(Object.entries(opts.placeholders ?? {})), keys: new Map<string, string>() };
  }

  load(files: readonly RuleFile[]): RuleSet {
    const set: RuleSet = { rules: [], correlations: [], filters: [], issues: [], documents: 0 };
    const texts = new Map<string, string>();
    const next = new Map<string, FileLoad>();
    for (const f of files) {
      texts.set(f.path, f.text);
      const kept = this.byPath.get(f.path);
      // a path given twice in one load is parsed twice: two copies must not share document objects
      const file = kept !== undefined && kept.text === f.text && !next.has(f.path) ? kept : this.parseFile(f);
      next.set(f.path, file);
      set.documents += file.documents;
      appendAll(set.issues, file.issues);
      for (const doc of file.docs) {
        if (doc.kind === 'rule') set.rules.push(doc);
        else if (doc.kind === 'correlation') set.correlations.push(doc);
        else set.filters.push(doc);
      }
    }
    this.byPath = next;
    resolveReferences(set, (file, doc, path, message, rule) => {
      const pos = locate(texts.get(file) ?? '', doc, path);
      return { file, line: pos.line, column: pos.column, message, rule };
    });
    return set;
  }

  private parseFile(f: RuleFile): FileLoad {
    const out: FileLoad = { text: f.text, docs: [], issues: [], documents: 0 };
    const loaded = loadDocuments(f.text);
    if (loaded.error !== undefined) {
      out.issues.push({ file: f.path, line: loaded.error.line, column: loaded.error.column, message: loaded.error.message });
      out.documents = 1;
      return out;
    }
    loaded.docs.forEach((d, i) => {
      out.documents++;
      const parsed = parseDocument(d, { file: f.path, doc: i, line: loaded.lines[i] ?? 1 }, this.ctx);
      for (const is of parsed.issues) {
        const pos = locate(f.text, i, is.path);
        out.issues.push({ file: f.path, line: pos.line, column: pos.column, message: is.message, rule: titleOf(d) });
      }
      appendAll(out.docs, parsed.docs);
    });
    return out;
  }
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

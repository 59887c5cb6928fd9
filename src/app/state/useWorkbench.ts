// The workbench state: the open case, the ingest in progress, the current query and its page of rows.
// Every engine call goes through the idle tracker so tests can wait for the work to settle.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  CaseInfo, CaseNotice, DroppedFile, DuplicateAnswer, DuplicateQuestion, EventRow, FileLedgerEntry, QueryError, QueryProgress, ReingestOptions, ReingestResult,
} from '../../workers/api.ts';
import { callback, type EngineClient, type IdleTracker } from '../../workers/client.ts';
import { mergeProgress } from './mergeProgress.ts';

export const PAGE_SIZE = 100;

export interface QueryView {
  text: string;
  total: number;
  handle: number;
  offset: number;
  rows: EventRow[];
  error?: QueryError;
  tookMs: number;
  /** the user cancelled the search of `cancelledText`: rows and total are still those of `text` */
  cancelledText?: string;
}

/** A search the engine is running: work units done out of total (0 of 0 until its first report). */
export interface QueryRun { runId: number; text: string; done: number; total: number }

export interface Workbench {
  caseInfo?: CaseInfo;
  /** another tab is writing the open case: show what is stored, change nothing */
  readOnly: boolean;
  /** what another tab did that the user must know (the open case was deleted) */
  notice?: string;
  /** the case list (dialog) is shown */
  caseListShown: boolean;
  showCaseList(shown: boolean): void;
  /** a file of the running ingest is already in the case: the user answers skip, replace or keep both */
  question?: DuplicateQuestion;
  answer(a: DuplicateAnswer): void;
  ingesting: boolean;
  files: FileLedgerEntry[];
  view?: QueryView;
  /** the search running now (the UI shows its progress and a Cancel button) */
  querying?: QueryRun;
  fatal?: string;
  /** files may still be arriving (a folder walk, the demo download): the wait is part of the tracked work */
  ingest(files: DroppedFile[] | Promise<DroppedFile[]>): Promise<void>;
  runQuery(text: string): Promise<void>;
  /** stops the running search; the previous results stay */
  cancelQuery(): void;
  goTo(offset: number): Promise<void>;
  cancelIngest(): void;
  /** shows a case the engine has just opened: its files and all its events */
  showCase(info: CaseInfo): Promise<void>;
  /** the open case's catalog entry changed (renamed) */
  caseChanged(info: CaseInfo): void;
  /** deletes a file's events (an incomplete or failed file) and re-runs the query */
  removeFile(fileId: number): Promise<void>;
  /** reads one file again (another parser) or re-times its events (zone, year); undefined when it failed (see fatal) */
  reingestFile(fileId: number, options: ReingestOptions, file?: File): Promise<ReingestResult | undefined>;
}

export function useWorkbench(engine: EngineClient, tracker: IdleTracker): Workbench {
  const [caseInfo, setCaseInfo] = useState<CaseInfo>();
  const [files, setFiles] = useState<FileLedgerEntry[]>([]);
  const [ingesting, setIngesting] = useState(false);
  const [view, setViewState] = useState<QueryView>();
  const [fatal, setFatal] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [caseListShown, showCaseList] = useState(false);
  const [pending, setPending] = useState<{ q: DuplicateQuestion; resolve: (a: DuplicateAnswer) => void }>();
  const [querying, setQuerying] = useState<QueryRun>();
  // the latest run: answers and progress of older runs (replaced by a newer search) are dropped
  const runSeq = useRef(0);
  // the latest view for callbacks (paging, re-running after an ingest) without re-creating them
  const viewRef = useRef<QueryView | undefined>(undefined);
  const setView = useCallback((v: QueryView) => {
    viewRef.current = v;
    setViewState(v);
  }, []);

  const runQuery = useCallback(async (text: string) => {
    const runId = ++runSeq.current;
    await tracker.track((async () => {
      setQuerying({ runId, text, done: 0, total: 0 });
      try {
        const onProgress = callback((p: QueryProgress) => {
          if (runSeq.current === runId) setQuerying({ runId, text, done: p.done, total: p.total });
        });
        const r = await engine.query(text, { runId }, onProgress);
        if (runSeq.current !== runId) {
          if (r.ok) void engine.release(r.handle.id); // a newer search replaced this one
          return;
        }
        const previous = viewRef.current;
        if (!r.ok && r.cancelled === true) {
          if (previous !== undefined) setView({ ...previous, cancelledText: text });
          return;
        }
        if (previous !== undefined) void engine.release(previous.handle);
        if (!r.ok) {
          setView({ text, total: 0, handle: -1, offset: 0, rows: [], error: r.error, tookMs: 0 });
          return;
        }
        const rows = await engine.page(r.handle.id, 0, PAGE_SIZE);
        setView({ text, total: r.handle.total, handle: r.handle.id, offset: 0, rows, tookMs: r.handle.tookMs });
      } catch (e) {
        // a bug in the engine: shown in place of the results, not swallowed
        if (runSeq.current === runId) {
          setView({ text, total: 0, handle: -1, offset: 0, rows: [], error: { message: `The search failed: ${e instanceof Error ? e.message : String(e)}`, position: 0 }, tookMs: 0 });
        }
      } finally {
        if (runSeq.current === runId) setQuerying(undefined);
      }
    })());
  }, [engine, tracker, setView]);

  const cancelQuery = useCallback(() => {
    void engine.cancelQuery(runSeq.current);
  }, [engine]);

  const goTo = useCallback(async (offset: number) => {
    const v = viewRef.current;
    if (v === undefined || v.handle < 0) return;
    await tracker.track((async () => {
      const rows = await engine.page(v.handle, offset, PAGE_SIZE);
      setView({ ...v, offset, rows });
    })());
  }, [engine, tracker, setView]);

  // open the most recent case, or start the first one
  useEffect(() => {
    void tracker.track((async () => {
      try {
        const cases = await engine.listCases();
        const info = cases.length > 0 ? await engine.openCase(cases[0].id) : await engine.createCase('Case 1');
        setCaseInfo(info);
        setFiles(await engine.ledger());
        await runQuery('');
      } catch (e) {
        setFatal(`The case store could not be opened: ${e instanceof Error ? e.message : String(e)}`);
      }
    })());
  }, [engine, tracker, runQuery]);

  // what other tabs do to the open case: read-only while one writes it, reload when it is done, leave when deleted
  useEffect(() => {
    void engine.watchCases(callback((n: CaseNotice) => {
      if (n.kind === 'deleted') {
        setCaseInfo(undefined);
        setFiles([]);
        viewRef.current = undefined;
        setViewState(undefined);
        setNotice('This case was deleted in another tab. Open or create a case to go on.');
        showCaseList(true);
        return;
      }
      if (n.info !== undefined) setCaseInfo(n.info);
      if (n.kind === 'written') {
        void tracker.track((async () => {
          setFiles(await engine.ledger());
          await runQuery(viewRef.current?.text ?? '');
        })());
      }
    }));
  }, [engine, tracker, runQuery]);

  const askDuplicate = useCallback((q: DuplicateQuestion) => new Promise<DuplicateAnswer>((resolve) => setPending({ q, resolve })), []);
  const answer = useCallback((a: DuplicateAnswer) => {
    setPending((p) => {
      p?.resolve(a);
      return undefined;
    });
  }, []);

  const ingest = useCallback(async (incoming: DroppedFile[] | Promise<DroppedFile[]>) => {
    await tracker.track((async () => {
      let dropped: DroppedFile[];
      try {
        dropped = await incoming;
      } catch (e) {
        setFatal(`The files could not be read: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      if (dropped.length === 0) return;
      setIngesting(true);
      try {
        const before = await engine.ledger();
        setFiles(before);
        // progress holds only the rows that changed: merged into what is shown
        await engine.ingest(dropped, {}, callback((p) => setFiles((shown) => mergeProgress(shown, p.files))), callback(askDuplicate));
        // from the store: a duplicate replaced or skipped changed rows that were there before
        setFiles(await engine.ledger());
        const cases = await engine.listCases();
        setCaseInfo(cases.find((c) => c.id === caseInfo?.id) ?? cases[0]);
      } catch (e) {
        setFatal(`Ingest failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setIngesting(false);
      }
      await runQuery(viewRef.current?.text ?? '');
    })());
  }, [engine, tracker, runQuery, caseInfo?.id, askDuplicate]);

  const cancelIngest = useCallback(() => void engine.cancelIngest(), [engine]);

  const showCase = useCallback(async (info: CaseInfo) => {
    await tracker.track((async () => {
      setFatal(undefined);
      setNotice(undefined);
      setCaseInfo(info);
      setFiles(await engine.ledger());
      await runQuery('');
    })());
  }, [engine, tracker, runQuery]);

  const removeFile = useCallback(async (fileId: number) => {
    await tracker.track((async () => {
      try {
        setCaseInfo(await engine.removeFile(fileId));
        setFiles(await engine.ledger());
      } catch (e) {
        setFatal(`The file could not be removed: ${e instanceof Error ? e.message : String(e)}`);
      }
      await runQuery(viewRef.current?.text ?? '');
    })());
  }, [engine, tracker, runQuery]);

  const reingestFile = useCallback(async (fileId: number, options: ReingestOptions, file?: File) => {
    return tracker.track((async () => {
      setIngesting(true);
      let result: ReingestResult | undefined;
      try {
        result = await engine.reingestFile(fileId, options, file);
        if (result.ok) setCaseInfo(result.info);
        setFiles(await engine.ledger());
      } catch (e) {
        setFatal(`The file could not be read again: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setIngesting(false);
      }
      if (result?.ok === true) await runQuery(viewRef.current?.text ?? '');
      return result;
    })());
  }, [engine, tracker, runQuery]);

  return {
    caseInfo, readOnly: caseInfo?.writtenElsewhere === true, notice, caseListShown, showCaseList, question: pending?.q, answer,
    ingesting, files, view, querying, fatal, ingest, runQuery, cancelQuery, goTo, cancelIngest, showCase, caseChanged: setCaseInfo, removeFile, reingestFile,
  };
}

// The workbench state: the open case and the ingest in progress. Views ask the engine themselves and
// re-ask when `dataVersion` changes (a case opened, files added or removed, a file read again).
// Every engine call goes through the idle tracker so tests can wait for the work to settle.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type {
  CaseInfo, CaseNotice, DroppedFile, DuplicateAnswer, DuplicateQuestion, FileLedgerEntry, IngestOptions, ReingestOptions, ReingestResult,
} from '../../workers/api.ts';
import { callback, type EngineClient, type IdleTracker } from '../../workers/client.ts';
import { FilesStore } from './filesStore.ts';
import { readLedger } from './readLedger.ts';

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
  /** the case's files (ledger rows): read with useFiles(filesStore), so progress re-renders only what shows it */
  filesStore: FilesStore;
  /** bumped whenever the open case's events change: views re-run their queries */
  dataVersion: number;
  /** the events changed outside the workbench's own calls (GeoIP data added): views re-read */
  dataChanged(): void;
  fatal?: string;
  /** files may still be arriving (a folder walk, the demo download): the wait is part of the tracked work */
  ingest(files: DroppedFile[] | Promise<DroppedFile[]>): Promise<void>;
  cancelIngest(): void;
  /** shows a case the engine has just opened: its files and all its events */
  showCase(info: CaseInfo): Promise<void>;
  /** the open case's catalog entry changed (renamed) */
  caseChanged(info: CaseInfo): void;
  /** re-reads the ledger rows (live follow wrote some) */
  refreshFiles(): void;
  /** deletes a file's events (an incomplete or failed file) and re-runs the query */
  removeFile(fileId: number): Promise<void>;
  /** reads one file again (another parser) or re-times its events (zone, year); undefined when it failed (see fatal) */
  reingestFile(fileId: number, options: ReingestOptions, file?: File): Promise<ReingestResult | undefined>;
}

/** `options`: what every drop is read with (the settings' archive expansion limit) */
export function useWorkbench(engine: EngineClient, tracker: IdleTracker, options: IngestOptions = {}): Workbench {
  const optionsRef = useRef(options);
  useEffect(() => { optionsRef.current = options; });
  const [caseInfo, setCaseInfo] = useState<CaseInfo>();
  const [filesStore] = useState(() => new FilesStore());
  const setFiles = useCallback((files: FileLedgerEntry[]) => filesStore.set(files), [filesStore]);
  const [ingesting, setIngesting] = useState(false);
  const [dataVersion, setDataVersion] = useState(0);
  const [fatal, setFatal] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [caseListShown, showCaseList] = useState(false);
  const [pending, setPending] = useState<{ q: DuplicateQuestion; resolve: (a: DuplicateAnswer) => void }>();
  // the test hook's idle() stays busy until the new version is committed and the views' effects for it ran
  // (they start the follow-up searches, tracked): this workbench's effect below runs after theirs (idleTracker.ts)
  const versionHolds = useRef<(() => void)[]>([]);
  const changed = useCallback(() => {
    versionHolds.current.push(tracker.hold());
    setDataVersion((v) => v + 1);
  }, [tracker]);
  useEffect(() => {
    for (const release of versionHolds.current.splice(0)) release();
  }, [dataVersion]);

  // open the most recent case, or start the first one
  useEffect(() => {
    void tracker.track((async () => {
      try {
        const cases = await engine.listCases();
        const info = cases.length > 0 ? await engine.openCase(cases[0].id) : await engine.createCase('Case 1');
        setCaseInfo(info);
        setFiles(await readLedger(engine));
        changed();
      } catch (e) {
        setFatal(`The case store could not be opened: ${e instanceof Error ? e.message : String(e)}`);
      }
    })());
  }, [engine, tracker, changed, setFiles]);

  // what other tabs do to the open case: read-only while one writes it, reload when it is done, leave when deleted
  useEffect(() => {
    void engine.watchCases(callback((n: CaseNotice) => {
      if (n.kind === 'deleted') {
        setCaseInfo(undefined);
        setFiles([]);
        setNotice('This case was deleted in another tab. Open or create a case to go on.');
        showCaseList(true);
        return;
      }
      if (n.info !== undefined) setCaseInfo(n.info);
      if (n.kind === 'written') {
        void tracker.track((async () => {
          setFiles(await readLedger(engine));
          changed();
        })());
      }
    }));
  }, [engine, tracker, changed, setFiles]);

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
      let info: CaseInfo | undefined;
      try {
        const before = await readLedger(engine);
        setFiles(before);
        // progress holds only the rows that changed: merged into what is shown
        // no rows at the end: the ledger is read once below, in pages (readLedger.ts)
        await engine.ingest(dropped, { ...optionsRef.current, rowsInResult: false }, callback((p) => filesStore.merge(p.files)), callback(askDuplicate));
        // from the store: a duplicate replaced or skipped changed rows that were there before
        setFiles(await readLedger(engine));
        const cases = await engine.listCases();
        info = cases.find((c) => c.id === caseInfo?.id) ?? cases[0];
      } catch (e) {
        setFatal(`Ingest failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      // The end of an ingest re-renders the whole workbench (every control that was disabled while reading, the
      // views for the new data version): as a transition React renders it in slices that yield to the browser.
      // As one update it was a single task of up to 47 ms of CPU after a 1,000-member archive (issue 9).
      startTransition(() => {
        if (info !== undefined) setCaseInfo(info);
        setIngesting(false);
        changed();
      });
    })());
  }, [engine, tracker, changed, caseInfo?.id, askDuplicate, setFiles, filesStore]);

  const cancelIngest = useCallback(() => void engine.cancelIngest(), [engine]);

  const showCase = useCallback(async (info: CaseInfo) => {
    await tracker.track((async () => {
      setFatal(undefined);
      setNotice(undefined);
      setCaseInfo(info);
      setFiles(await readLedger(engine));
      changed();
    })());
  }, [engine, tracker, changed, setFiles]);

  const removeFile = useCallback(async (fileId: number) => {
    await tracker.track((async () => {
      try {
        setCaseInfo(await engine.removeFile(fileId));
        setFiles(await readLedger(engine));
      } catch (e) {
        setFatal(`The file could not be removed: ${e instanceof Error ? e.message : String(e)}`);
      }
      changed();
    })());
  }, [engine, tracker, changed, setFiles]);

  const reingestFile = useCallback(async (fileId: number, options: ReingestOptions, file?: File) => {
    return tracker.track((async () => {
      setIngesting(true);
      let result: ReingestResult | undefined;
      try {
        result = await engine.reingestFile(fileId, options, file);
        if (result.ok) setCaseInfo(result.info);
        setFiles(await readLedger(engine));
      } catch (e) {
        setFatal(`The file could not be read again: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setIngesting(false);
      }
      if (result?.ok === true) changed();
      return result;
    })());
  }, [engine, tracker, changed, setFiles]);

  const refreshFiles = useCallback(() => {
    void tracker.track(readLedger(engine).then(setFiles, () => {}));
  }, [engine, tracker, setFiles]);

  return {
    refreshFiles,
    caseInfo, readOnly: caseInfo?.writtenElsewhere === true, notice, caseListShown, showCaseList, question: pending?.q, answer,
    ingesting, filesStore, dataVersion, dataChanged: changed, fatal, ingest, cancelIngest, showCase, caseChanged: setCaseInfo, removeFile, reingestFile,
  };
}

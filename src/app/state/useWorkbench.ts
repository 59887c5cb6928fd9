// The workbench state: the open case and the ingest in progress. Views ask the engine themselves and
// re-ask when `dataVersion` changes (a case opened, files added or removed, a file read again).
// Every engine call goes through the idle tracker so tests can wait for the work to settle.
import { useCallback, useEffect, useState } from 'react';
import type { CaseInfo, DroppedFile, FileLedgerEntry, ReingestOptions, ReingestResult } from '../../workers/api.ts';
import { callback, type EngineClient, type IdleTracker } from '../../workers/client.ts';

export interface Workbench {
  caseInfo?: CaseInfo;
  ingesting: boolean;
  files: FileLedgerEntry[];
  /** bumped whenever the open case's events change: views re-run their queries */
  dataVersion: number;
  fatal?: string;
  /** files may still be arriving (a folder walk, the demo download): the wait is part of the tracked work */
  ingest(files: DroppedFile[] | Promise<DroppedFile[]>): Promise<void>;
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
  const [dataVersion, setDataVersion] = useState(0);
  const [fatal, setFatal] = useState<string>();
  const changed = useCallback(() => setDataVersion((v) => v + 1), []);

  // open the most recent case, or start the first one
  useEffect(() => {
    void tracker.track((async () => {
      try {
        const cases = await engine.listCases();
        const info = cases.length > 0 ? await engine.openCase(cases[0].id) : await engine.createCase('Case 1');
        setCaseInfo(info);
        setFiles(await engine.ledger());
        changed();
      } catch (e) {
        setFatal(`The case store could not be opened: ${e instanceof Error ? e.message : String(e)}`);
      }
    })());
  }, [engine, tracker, changed]);

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
        const done = await engine.ingest(dropped, {}, callback((p) => setFiles([...before, ...p.files])));
        setFiles([...before, ...done.files]);
        const cases = await engine.listCases();
        setCaseInfo(cases.find((c) => c.id === caseInfo?.id) ?? cases[0]);
      } catch (e) {
        setFatal(`Ingest failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setIngesting(false);
      }
      changed();
    })());
  }, [engine, tracker, changed, caseInfo?.id]);

  const cancelIngest = useCallback(() => void engine.cancelIngest(), [engine]);

  const showCase = useCallback(async (info: CaseInfo) => {
    await tracker.track((async () => {
      setFatal(undefined);
      setCaseInfo(info);
      setFiles(await engine.ledger());
      changed();
    })());
  }, [engine, tracker, changed]);

  const removeFile = useCallback(async (fileId: number) => {
    await tracker.track((async () => {
      try {
        setCaseInfo(await engine.removeFile(fileId));
        setFiles(await engine.ledger());
      } catch (e) {
        setFatal(`The file could not be removed: ${e instanceof Error ? e.message : String(e)}`);
      }
      changed();
    })());
  }, [engine, tracker, changed]);

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
      if (result?.ok === true) changed();
      return result;
    })());
  }, [engine, tracker, changed]);

  return {
    caseInfo, ingesting, files, dataVersion, fatal, ingest, cancelIngest, showCase, caseChanged: setCaseInfo, removeFile, reingestFile,
  };
}

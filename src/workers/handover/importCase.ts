// Reads a hand-over file (format.ts) into a NEW case, streaming: each record is written as it is read, the
// SHA-256 of the bytes read is checked against the trailer, and the case is entered in the catalog only then.
// A foreign, corrupt or truncated file removes what was written and touches nothing that existed before.
import { Sha256 } from '../../core/hash/sha256.ts';
import type { Alert, AlertState } from '../../detect/types.ts';
import type { CaseInfo, FileLedgerEntry } from '../api.ts';
import type { EventChunk } from '../chunk/chunk.ts';
import { describeChunk } from '../store/chunkMeta.ts';
import { CaseStore } from '../store/caseStore.ts';
import { decodeValue } from './codec.ts';
import type { HandoverProgress } from './exportCase.ts';
import { checkHeader, HandoverError, isMachineLocalSetting, isSecretSetting, type HandoverRecord, type HandoverTrailer } from './format.ts';
import { byteLines } from './lines.ts';

/** What the import needs of the catalog (catalog.ts in the engine). */
export interface ImportCatalog {
  getCase(id: string): Promise<CaseInfo | undefined>;
  putCase(info: CaseInfo): Promise<void>;
  /** removes a case's database (and its catalog row, if any) */
  removeCase(id: string): Promise<void>;
  newCaseId(): string;
  getGlobal(key: string): Promise<unknown>;
  setGlobal(key: string, value: unknown): Promise<void>;
}

const corrupt = (why: string): HandoverError =>
  new HandoverError(`This case file is damaged (${why}); nothing was imported.`);

function parseLine(bytes: Uint8Array, decoder: TextDecoder, lineNo: number): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw corrupt(`line ${lineNo} is not UTF-8 text`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw corrupt(`line ${lineNo} is not a complete record`);
  }
}

interface Target { store: CaseStore; id: string }

export async function importCase(
  stream: ReadableStream<Uint8Array>, catalog: ImportCatalog, onProgress?: (p: HandoverProgress) => void, signal?: AbortSignal,
): Promise<CaseInfo> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const hash = new Sha256();
  let target: Target | undefined;
  let info: CaseInfo | undefined;
  let lineNo = 0;
  let records = 0;
  let bytes = 0;
  let chunks = 0;
  let storedBytes = 0;
  let trailer: HandoverTrailer | undefined;
  const alerts: Alert[] = [];
  const states: AlertState[] = [];
  const cache: { key: string; records: unknown[] }[] = [];
  try {
    for await (const { bytes: line, ended } of byteLines(stream, HEADER_MAX)) {
      // cancelled: what was written so far is deleted below, like a refused file
      if (signal?.aborted === true) throw new HandoverError('The import was cancelled; nothing was imported.');
      lineNo++;
      if (lineNo === 1 && !ended) throw new HandoverError('This is not a Logdrop case file (its first line is not the case-file header).');
      if (!ended) throw new HandoverError('This case file is cut short (it ends in the middle of a record); nothing was imported.');
      if (trailer !== undefined) throw corrupt('there is data after its end record');
      bytes += line.length + 1;
      if (lineNo === 1) {
        checkHeader(decoder.decode(line, { stream: false }));
        hash.update(line).update(NEWLINE);
        continue;
      }
      const rec = parseLine(line, decoder, lineNo) as HandoverRecord | HandoverTrailer;
      if (rec === null || typeof rec !== 'object' || typeof rec.t !== 'string') throw corrupt(`line ${lineNo} is not a record`);
      if (rec.t === 'end') {
        trailer = rec;
        continue;
      }
      hash.update(line).update(NEWLINE);
      records++;
      if (lineNo === 2) {
        if (rec.t !== 'case' || typeof rec.id !== 'string' || typeof rec.name !== 'string') throw corrupt('it does not start with the case');
        target = await newTarget(rec.id, catalog);
        info = { id: target.id, name: rec.name, createdMs: Number(rec.createdMs) || 0, events: 0, unparsed: 0, files: 0, sourceBytes: 0 };
        continue;
      }
      if (target === undefined) throw corrupt('it does not start with the case');
      const { store } = target;
      switch (rec.t) {
        case 'file': await store.putFile(decodeValue(rec.row) as FileLedgerEntry); break;
        case 'setting':
          if (typeof rec.key !== 'string') throw corrupt(`line ${lineNo} is a setting without a key`);
          if (!isSecretSetting(rec.key) && !isMachineLocalSetting(rec.key)) await store.setSetting(rec.key, decodeValue(rec.value));
          break;
        case 'alert': alerts.push(decodeValue(rec.alert) as Alert); break;
        case 'alertState': states.push(decodeValue(rec.state) as AlertState); break;
        case 'chunk': {
          const chunk = decodeValue(rec.chunk) as EventChunk;
          await store.putChunk(chunk);
          storedBytes += describeChunk(chunk).bytes;
          chunks++;
          onProgress?.({ phase: 'import', chunks, bytes });
          break;
        }
        case 'cache':
          if (typeof rec.key !== 'string' || !rec.key.startsWith('ti.cache.') || !Array.isArray(rec.records)) throw corrupt(`line ${lineNo} is a malformed cache record`);
          cache.push({ key: rec.key, records: rec.records.map(decodeValue) });
          break;
        default: throw corrupt(`line ${lineNo} is a record this version does not know`);
      }
    }
    if (signal?.aborted === true) throw new HandoverError('The import was cancelled; nothing was imported.');
    if (trailer === undefined) {
      throw new HandoverError(lineNo === 0 ? 'This file is empty; nothing was imported.' : 'This case file is cut short (its end record is missing); nothing was imported.');
    }
    if (trailer.sha256 !== hash.hex() || trailer.records !== records) throw corrupt('its checksum does not match its content');
    if (target === undefined || info === undefined) throw corrupt('it holds no case');
    await target.store.putAlerts(alerts);
    await target.store.putAlertStates(states);
    const files = await target.store.files();
    info = {
      ...info,
      events: files.reduce((n, f) => n + f.events, 0),
      unparsed: files.reduce((n, f) => n + f.unparsed, 0),
      files: files.length,
      sourceBytes: files.reduce((n, f) => n + f.bytesRead, 0),
      storedBytes,
    };
    target.store.close();
    await mergeCache(cache, catalog);
    // the last step: until here the case is in no list, so a failure above leaves the catalog as it was
    await catalog.putCase(info);
    return info;
  } catch (e) {
    if (target !== undefined) {
      target.store.close();
      await catalog.removeCase(target.id);
    }
    if (e instanceof HandoverError) throw e;
    throw new HandoverError(`The case file could not be imported: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.`);
  }
}

const NEWLINE = new Uint8Array([10]);
/** the header is ~40 bytes: a file without a line break this early is foreign, and is not read on into memory */
const HEADER_MAX = 1024;

/** The file's case id, unless a case (or a database left without its catalog row) already uses it. */
async function newTarget(id: string, catalog: ImportCatalog): Promise<Target> {
  for (let tries = 0; tries < 5; tries++) {
    const candidate = tries === 0 && /^[\w-]{1,64}$/.test(id) ? id : catalog.newCaseId();
    if ((await catalog.getCase(candidate)) !== undefined) continue;
    const store = await CaseStore.open(candidate);
    if ((await store.chunkCount()) === 0 && (await store.files()).length === 0 && (await store.settingEntries()).length === 0) return { store, id: candidate };
    store.close(); // a database with data but no catalog row: not ours to write into
  }
  throw new HandoverError('No free case id could be found for the import.');
}

/** Adds the file's cached answers to this browser's cache; an answer already here (same ip) is kept as it is. */
async function mergeCache(cache: readonly { key: string; records: unknown[] }[], catalog: ImportCatalog): Promise<void> {
  for (const { key, records } of cache) {
    const have = await catalog.getGlobal(key);
    const list = Array.isArray(have) ? [...(have as { ip?: unknown }[])] : [];
    const known = new Set(list.map((r) => r?.ip));
    const added = (records as { ip?: unknown }[]).filter((r) => typeof r?.ip === 'string' && !known.has(r.ip));
    if (added.length > 0) await catalog.setGlobal(key, [...list, ...added]);
  }
}

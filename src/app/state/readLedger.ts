// The open case's ledger, read in pages. One message of a 10,001-row ledger (an archive of 10,000 members) was
// deserialized on the page's main thread as one task of ~40 ms of CPU (50-100 ms of wall time, issue 9 item 11);
// pages of LEDGER_PAGE rows are one short task each, with the browser free between them.
import type { EngineApi, FileLedgerEntry } from '../../workers/api.ts';

export const LEDGER_PAGE = 1_000;

export async function readLedger(engine: Pick<EngineApi, 'ledgerPage'>, page = LEDGER_PAGE): Promise<FileLedgerEntry[]> {
  const rows: FileLedgerEntry[] = [];
  for (let after = -Infinity; ;) {
    const got = await engine.ledgerPage(after, page);
    for (const r of got) rows.push(r);
    if (got.length < page) return rows;
    after = got[got.length - 1].id;
  }
}

// Live follow's e2e helpers: an origin-private folder stands in for the folder picker (?testing=1
// window.__logdrop.pick), and the test appends sshd lines to files in it as a log writer would.
import type { Page } from '@playwright/test';

export function liveFolder(dirName: string) {
  let n = 0;
  /** sshd lines, one per second from Mar 3 02:00:00, numbered across calls */
  const lines = (count: number, msg = (i: number) => `Failed password for invalid user u${i} from 203.0.113.45 port ${40000 + i} ssh2`): string => {
    let s = '';
    for (let k = 0; k < count; k++, n++) s += `Mar  3 02:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')} web01 sshd[${100 + n}]: ${msg(n)}\n`;
    return s;
  };

  /** Appends text to a file of the folder (created empty when missing). */
  const append = async (page: Page, name: string, text: string): Promise<void> => {
    await page.evaluate(async ([dir0, file, t]) => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle(dir0, { create: true });
      const h = await dir.getFileHandle(file, { create: true });
      const size = (await h.getFile()).size;
      const w = await h.createWritable({ keepExistingData: true });
      await w.seek(size);
      await w.write(t);
      await w.close();
    }, [dirName, name, text] as const);
  };

  /** The stand-in for the folder picker: the folder the test writes to. */
  const standInPicker = async (page: Page): Promise<void> => {
    await page.evaluate(async (dir0) => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle(dir0, { create: true });
      window.__logdrop!.pick = { directory: async () => dir, files: async () => [] };
    }, dirName);
  };

  /** Removes the folder (before and after a test). */
  const clear = async (page: Page): Promise<void> => {
    await page.evaluate(async (dir0) => (await navigator.storage.getDirectory()).removeEntry(dir0, { recursive: true }).catch(() => {}), dirName);
  };

  return { lines, append, standInPicker, clear };
}

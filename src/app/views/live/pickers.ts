// The File System Access pickers, or undefined where the browser has none (Firefox, Safari): the Follow
// buttons are then absent. With ?testing=1 a test may stand in for the pickers (window.__logdrop.pick),
// because a headless browser cannot click through a real picker: it hands over handles of the origin-private
// file system, which the test writes to. Everything after the picker (handles kept with the case, polling,
// reading appended bytes) is the real path.

export interface Pickers {
  directory(): Promise<FileSystemDirectoryHandle>;
  files(): Promise<FileSystemFileHandle[]>;
}

interface PickerWindow {
  showDirectoryPicker?: (o?: { mode?: 'read' | 'readwrite'; id?: string }) => Promise<FileSystemDirectoryHandle>;
  showOpenFilePicker?: (o?: { multiple?: boolean }) => Promise<FileSystemFileHandle[]>;
}

export function pickers(): Pickers | undefined {
  const stand = window.__logdrop?.pick;
  if (stand !== undefined) return stand;
  const w = window as unknown as PickerWindow;
  const dir = w.showDirectoryPicker, open = w.showOpenFilePicker;
  if (typeof dir !== 'function' || typeof open !== 'function') return undefined;
  return {
    directory: () => dir.call(window, { mode: 'read', id: 'logdrop-follow' }),
    files: () => open.call(window, { multiple: true }),
  };
}

// Projector mode folds the case's panels (live follow, files, ledger) into one line above the views: on a
// 1280 x 720 projector they filled the first screen, and the room saw file names instead of the attack.
// Open while an ingest runs (its progress must show) and whenever the trainer opens it. The element is
// the same in both modes, so switching mode keeps the panels' own state.
import { useState, type ReactNode } from 'react';
import { formatCount } from '../format.ts';
import { useFileCount, type FilesStore } from '../state/filesStore.ts';

export function ProjectorFold({ projector, ingesting, files, children }: { projector: boolean; ingesting: boolean; files: FilesStore; children: ReactNode }) {
  const count = useFileCount(files);
  const [opened, setOpened] = useState(false);
  const open = !projector || ingesting || opened;
  return (
    <details className={projector ? 'projector-fold projector-fold--on' : 'projector-fold'} open={open} onToggle={(e) => { if (projector) setOpened(e.currentTarget.open); }}>
      <summary>Files ({formatCount(count)}), live follow and ledger</summary>
      {children}
    </details>
  );
}

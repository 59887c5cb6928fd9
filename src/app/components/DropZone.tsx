// The whole page accepts drops of files and folders.
import { useState, type DragEvent, type ReactNode } from 'react';
import type { DroppedFile } from '../../workers/api.ts';
import { fromDataTransfer } from '../hooks/collectDropped.ts';

/** disabled: no case to drop into, or another tab writes it (read-only here) */
export function DropZone({ onDrop, disabled = false, children }: { onDrop: (files: Promise<DroppedFile[]>) => void; disabled?: boolean; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (!disabled) setOver(true);
  };
  const onDropEvent = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onDrop(fromDataTransfer(e.dataTransfer));
  };
  return (
    <main
      className={over ? 'drop-zone drop-zone--over' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDropEvent}
    >
      {children}
      {over && <div className="drop-hint" aria-hidden="true">Drop files, folders or archives to add them to the case</div>}
    </main>
  );
}

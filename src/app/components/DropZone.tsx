// The whole page accepts drops of files and folders.
import { useState, type DragEvent, type ReactNode } from 'react';
import type { DroppedFile } from '../../workers/api.ts';
import { fromDataTransfer } from '../hooks/collectDropped.ts';

export function DropZone({ onDrop, children }: { onDrop: (files: Promise<DroppedFile[]>) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    setOver(true);
  };
  const onDropEvent = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onDrop(fromDataTransfer(e.dataTransfer));
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

// File and folder pickers plus the demo bundle: the ways in besides drag and drop.
import { useRef } from 'react';
import type { DroppedFile } from '../../workers/api.ts';
import { fromFileList } from '../hooks/collectDropped.ts';
import { loadDemoFiles } from '../hooks/demoBundle.ts';

export function OpenFiles({ onFiles, disabled, onDemoOverlay }: {
  onFiles: (files: DroppedFile[] | Promise<DroppedFile[]>) => void;
  disabled: boolean;
  /** adds the demo's GeoIP overlay to the open case */
  onDemoOverlay?: (data: Blob) => Promise<unknown>;
}) {
  const folderInput = useRef<HTMLInputElement>(null);
  return (
    <div className="open-files">
      <label className="button">
        Open log files
        <input
          type="file"
          multiple
          aria-label="Open log files"
          disabled={disabled}
          onChange={(e) => { onFiles(fromFileList(e.currentTarget.files)); e.currentTarget.value = ''; }}
        />
      </label>
      <label className="button">
        Open folder
        <input
          ref={(el) => {
            folderInput.current = el;
            // webkitdirectory is not in React's input attribute types
            el?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          aria-label="Open folder"
          disabled={disabled}
          onChange={(e) => { onFiles(fromFileList(e.currentTarget.files)); e.currentTarget.value = ''; }}
        />
      </label>
      <button type="button" className="button button--primary" disabled={disabled} onClick={() => onFiles(loadDemoFiles(onDemoOverlay))}>
        Load demo bundle
      </button>
    </div>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startEngine, IdleTracker, type EngineClient } from '../workers/client.ts';
import { App } from './App.tsx';
import './styles.css';

declare global {
  interface Window {
    /** test and benchmark hook, present only with ?testing=1 */
    __logdrop?: {
      idle(): Promise<void>;
      engine: EngineClient;
      /** end-to-end tests stand in for the File System Access pickers (views/live/pickers.ts) */
      pick?: { directory(): Promise<FileSystemDirectoryHandle>; files(): Promise<FileSystemFileHandle[]> };
    };
  }
}

const engine = startEngine();
const tracker = new IdleTracker();
if (new URLSearchParams(location.search).has('testing')) {
  window.__logdrop = { idle: () => tracker.idle(), engine };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App engine={engine} tracker={tracker} />
  </StrictMode>,
);

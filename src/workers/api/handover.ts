// Types of the case hand-over (EngineApi.exportCase / importCase; src/workers/handover).

/** Progress of a case export or import: chunks written or read, bytes of the file so far. */
export interface HandoverProgress { phase: 'export' | 'import'; chunks: number; totalChunks?: number; bytes: number }

export interface CaseExportFile {
  blob: Blob;
  fileName: string;
  bytes: number;
  chunks: number;
  /** SHA-256 of the file up to its end record (what the trailer carries) */
  sha256: string;
}


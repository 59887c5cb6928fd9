/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CORPUS_TAG, corpusTestsRun } from './test/harness/corpus.ts';
import { geoipData } from './scripts/geoip/vitePlugin.ts';

// Nothing leaves the page: the production build carries a Content-Security-Policy that allows only this
// origin (the enrichment issue adds its providers to connect-src explicitly). Dev mode keeps Vite's
// inline HMR preamble working, so the policy is added to the build only.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'logdrop-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), geoipData()],
  base: './',
  worker: { format: 'es', plugins: () => [geoipData()] },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // tests reading the third-party corpus (test/harness/corpus.ts): skipped, and counted in one line, when it is absent
    tags: [{ name: CORPUS_TAG, description: 'reads the third-party test corpus (LOGDROP_CORPUS or ../shared/corpus)', skip: !corpusTestsRun() }],
    reporters: ['default', './test/harness/corpusReporter.ts'],
    globalSetup: ['./test/harness/corpusSetup.ts'],
  },
});

/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP, SECURITY_HEADERS, cspFor } from './scripts/csp.ts';
import { CORPUS_TAG, corpusTestsRun } from './test/harness/corpus.ts';
import { geoipData } from './scripts/geoip/vitePlugin.ts';
import { buildDate, serviceWorker } from './scripts/pwa/vitePlugin.ts';
import pkg from './package.json' with { type: 'json' };

// Nothing leaves the page (scripts/csp.ts): the CSP is an HTTP header on every response of `npm start` (the
// page and the worker scripts: a worker obeys its own script's header, not the page's meta tag), and a meta
// tag in the built page for hosts that send no headers. Dev mode keeps Vite's inline HMR preamble working,
// so the meta tag is added to the build only.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'logdrop-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

// The fetch workers' scripts get their own policy (scripts/csp.ts cspFor: threat intel's providers, the live
// webhook's one origin) in place of the general one that preview.headers sets on every static file.
function workerPolicies(): Plugin {
  return {
    name: 'logdrop-worker-csp',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const policy = cspFor(req.url ?? '/');
        const set = res.setHeader.bind(res);
        res.setHeader = ((name: string, value: number | string | readonly string[]) =>
          set(name, name.toLowerCase() === 'content-security-policy' ? policy : value)) as typeof res.setHeader;
        next();
      });
    },
  };
}

// `--mode single` is the first step of the single-file build (scripts/single/build.ts): classic (IIFE)
// workers, which a page opened from file:// can start from blob URLs without fetching modules, and no public
// folder (the script embeds the demo bundle itself).
// one build date for the page and build.json
const BUILT = buildDate();

export default defineConfig(({ mode }) => ({
  plugins: [react(), contentSecurityPolicy(), workerPolicies(), geoipData(mode === 'single'), ...(mode === 'single' ? [] : [serviceWorker(pkg.version, BUILT)])],
  base: './',
  // the About panel's version and build date (src/types/build.d.ts)
  define: { __LOGDROP_VERSION__: JSON.stringify(pkg.version), __LOGDROP_BUILT__: JSON.stringify(BUILT) },
  publicDir: mode === 'single' ? false : 'public',
  worker: { format: mode === 'single' ? 'iife' : 'es', plugins: () => [geoipData(mode === 'single')] },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000, outDir: mode === 'single' ? 'dist-single/.build' : 'dist' },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true, headers: { ...SECURITY_HEADERS } },
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
}));

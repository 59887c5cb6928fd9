// Replaced at build time by vite.config.ts `define`: the package version and the build date (ISO 8601).
declare const __LOGDROP_VERSION__: string;
declare const __LOGDROP_BUILT__: string;

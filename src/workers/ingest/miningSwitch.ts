// Template mining is on in every build; a build made with VITE_LOGDROP_TEMPLATES=off leaves it out, for one use
// only: measuring what mining costs in the browser (`VITE_LOGDROP_TEMPLATES=off npm run bench` against
// `npm run bench`, the difference being mining). Node (CLI, tests, benches) has no import.meta.env: on there.
const env = (import.meta as { env?: Record<string, string | undefined> }).env;

/** whether ingestFile mines message templates when its options do not say */
export const MINING_BY_DEFAULT = env?.VITE_LOGDROP_TEMPLATES !== 'off';

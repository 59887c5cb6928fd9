// How Debian's chromium is launched headless here: the background-networking flags stop it from
// trying to reach the internet at every start (there is none here, and nothing may leave anyway).
export const CHROMIUM_PATH = process.env.LOGDROP_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

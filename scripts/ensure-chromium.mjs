// Playwright cannot download browsers here: tests and benchmarks drive Debian's chromium.
// On a fresh machine (CI included) it is installed with apt-get; elsewhere set LOGDROP_CHROMIUM.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM = process.env.LOGDROP_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium not found at ${CHROMIUM}. Install Chromium and set LOGDROP_CHROMIUM to its path.`);
    process.exit(1);
  }
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium package…`);
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
}

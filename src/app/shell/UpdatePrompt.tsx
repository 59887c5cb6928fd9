// The installed app's update prompt: a new version was deployed and is ready; the user chooses when to switch
// (the page reloads into it), so work in progress is never cut off by an update.
import { useEffect, useState } from 'react';
import { registerServiceWorker } from './serviceWorker.ts';

export function UpdatePrompt() {
  const [apply, setApply] = useState<() => void>();
  useEffect(() => registerServiceWorker((fn) => setApply(() => fn)), []);
  if (apply === undefined) return null;
  return (
    <section className="notice-banner" aria-label="Update available">
      <p>A new version of Logdrop is ready. It is used after a reload; your cases are kept.</p>
      <button type="button" className="button" onClick={apply}>Reload to update</button>
    </section>
  );
}

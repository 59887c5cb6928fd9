// The built-in demo bundle (public/demo, made by scripts/make-demo.ts): fetched from this origin, or read from
// the page itself in the single-file build; ingested like dropped files.
import type { DroppedFile } from '../../workers/api.ts';
import { embeddedDemoFile } from '../../workers/client.ts';

interface DemoManifest {
  files: { path: string; lastModified: number }[];
}

/** The demo's addresses are documentation and private ranges: a labelled overlay gives them fictional places. */
export const DEMO_OVERLAY_NAME = 'Demo overlay (fictional locations for the demo addresses)';

async function demoFile(path: string): Promise<Response> {
  return (await embeddedDemoFile(path)) ?? fetch(`demo/${path}`);
}

/** addOverlay: adds the demo's GeoIP overlay to the open case before its files are read. */
export async function loadDemoFiles(addOverlay?: (data: Blob) => Promise<unknown>): Promise<DroppedFile[]> {
  if (addOverlay !== undefined) {
    const res = await demoFile('geoip-overlay.json');
    if (res.ok) await addOverlay(await res.blob());
  }
  const manifest = (await (await demoFile('manifest.json')).json()) as DemoManifest;
  return Promise.all(manifest.files.map(async ({ path, lastModified }) => {
    const blob = await (await demoFile(path)).blob();
    return { path: `demo/${path}`, file: new File([blob], path.split('/').pop() ?? path, { lastModified }) };
  }));
}

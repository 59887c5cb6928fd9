// The built-in demo bundle (public/demo, made by scripts/make-demo.ts): fetched from this origin, ingested
// like dropped files.
import type { DroppedFile } from '../../workers/api.ts';

interface DemoManifest {
  files: { path: string; lastModified: number }[];
}

export async function loadDemoFiles(): Promise<DroppedFile[]> {
  const manifest = (await (await fetch('demo/manifest.json')).json()) as DemoManifest;
  return Promise.all(manifest.files.map(async ({ path, lastModified }) => {
    const blob = await (await fetch(`demo/${path}`)).blob();
    return { path: `demo/${path}`, file: new File([blob], path.split('/').pop() ?? path, { lastModified }) };
  }));
}

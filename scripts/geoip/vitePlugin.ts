// Vite plugin: builds the GeoIP tables when missing (scripts/geoip/build.ts, cached by package version) and
// exposes their URLs to the engine worker as `virtual:logdrop-geoip`. The tables go through Vite's own asset
// handling (`?url`), so their URLs are right under any base path and in dev as in the build. The single-file
// build (embedded: true) lists none: it carries the tables inside the page (src/workers/embed.ts).
import type { Plugin } from 'vite';
import { buildGeoData } from './build.ts';

const ID = 'virtual:logdrop-geoip';
const RESOLVED = '\0' + ID;

export function geoipData(embedded = false): Plugin {
  return {
    name: 'logdrop-geoip',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (embedded) return 'export default {};\n';
      const files = await buildGeoData((m) => this.info(m));
      const names = [...files.keys()];
      const imports = names.map((_, i) => `import u${i} from ${JSON.stringify(files.get(names[i]) + '?url')};`).join('\n');
      const entries = names.map((n, i) => `${JSON.stringify(n)}: u${i}`).join(', ');
      return `${imports}\nexport default { ${entries} };\n`;
    },
  };
}

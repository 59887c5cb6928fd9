// The running build: version and build date (compiled in), and the SHA-256 over every file of the build,
// which the served folder carries in build.json (scripts/pwa/vitePlugin.ts). A page opened from disk can read
// no file, not even itself: there the panel says how to check the file instead.
import { useEffect, useState } from 'react';

interface BuildJson { version: string; built: string; sha256: string; files: number }

type Hash = { state: 'loading' } | { state: 'ready'; info: BuildJson } | { state: 'none' };

function isBuildJson(v: unknown): v is BuildJson {
  const o = v as Partial<BuildJson> | null;
  return typeof o?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(o.sha256) && typeof o.files === 'number';
}

export function BuildInfo() {
  const [hash, setHash] = useState<Hash>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const none = () => { if (live) setHash({ state: 'none' }); };
    if (location.protocol === 'file:') none();
    else {
      fetch('./build.json', { cache: 'no-cache' })
        .then((r) => (r.ok ? r.json() : undefined))
        .then((j: unknown) => { if (live) setHash(isBuildJson(j) ? { state: 'ready', info: j } : { state: 'none' }); }, none);
    }
    return () => { live = false; };
  }, []);
  return (
    <section aria-label="This build">
      <h3 className="geoip__h">This build</h3>
      <dl className="about__build">
        <dt>Version</dt><dd>{__LOGDROP_VERSION__}</dd>
        <dt>Built</dt><dd>{__LOGDROP_BUILT__}</dd>
        <dt>SHA-256</dt>
        <dd>
          {hash.state === 'loading' && 'computing…'}
          {hash.state === 'ready' && (
            <>
              <code className="about__hash">{hash.info.sha256}</code>
              {' '}(over the {hash.info.files} files of this build, names and bytes in name order)
            </>
          )}
          {hash.state === 'none' && (location.protocol === 'file:'
            ? 'A page opened from disk cannot read its own file: check it with `sha256sum logdrop-<version>.html` against the release\'s SHA256SUMS.'
            : 'not known for this build (it carries no build.json: a development server, or a folder built without it).')}
        </dd>
      </dl>
    </section>
  );
}

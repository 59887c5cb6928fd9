// The Vite plugin scripts/geoip/vitePlugin.ts: built-in GeoIP table file name -> asset URL.
declare module 'virtual:logdrop-geoip' {
  const urls: Record<string, string>;
  export default urls;
}

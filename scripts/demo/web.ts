// The demo's web side: web01's nginx access log (combined format). Two days of ordinary traffic to the shop
// and its API; on day 2 at 01:20 a script from 198.51.100.77 tries passwords on POST /api/login (401 each
// time) for twenty minutes until one works (200), then reads the admin API.
const ATTACKER = '198.51.100.77';
const CLIENTS = ['10.20.7.14', '10.20.7.21', '192.0.2.80', '192.0.2.133', '198.51.100.4', '203.0.113.200'];
const PAGES = ['/', '/products', '/products/42', '/products/17', '/cart', '/static/app.js', '/static/site.css', '/api/products?page=2', '/favicon.ico'];
const AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
}

export function webDemo(day1: number, rand: () => number): [number, string][] {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const out: [number, string][] = [];
  const line = (ms: number, ip: string, req: string, rc: number, bytes: number, agent = AGENT, user = '-') =>
    out.push([ms, `${ip} - ${user} [${stamp(ms)}] "${req} HTTP/1.1" ${rc} ${bytes} "-" "${agent}"`]);
  for (let t = day1; t < day1 + 2 * 86_400_000; t += int(10_000, 60_000)) {
    const ip = pick(CLIENTS);
    const r = rand();
    if (r < 0.03) line(t, ip, 'POST /api/login', 200, 312);
    else if (r < 0.035) line(t, ip, 'POST /api/login', 401, 43); // a mistyped password
    else line(t, ip, `GET ${pick(PAGES)}`, rand() < 0.02 ? 404 : 200, int(200, 40_000));
  }
  let t = day1 + 86_400_000 + 80 * 60_000;
  for (let i = 0; i < 240; i++, t += int(3000, 7000)) line(t, ATTACKER, 'POST /api/login', 401, 43, 'python-requests/2.31.0');
  line(t, ATTACKER, 'POST /api/login', 200, 312, 'python-requests/2.31.0');
  line(t + 2000, ATTACKER, 'GET /api/admin/users', 200, 18_211, 'python-requests/2.31.0');
  line(t + 4000, ATTACKER, 'GET /api/admin/export?table=customers', 200, 2_481_002, 'python-requests/2.31.0');
  return out;
}

// expandBundle: detection by content, nesting, limits, consumer behaviour, hostile fixtures, corpus.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandBundle } from '../../../src/parsers/containers/bundle.ts';
import type { BundleSource } from '../../../src/parsers/containers/types.ts';
import { corpusPath, listCorpus, needsCorpus } from '../../harness/corpus.ts';
import { collect, concat, dec, enc, makeTar, readAll, source, summary } from './helpers.ts';

const HOSTILE = join(import.meta.dirname, '../../fixtures/hostile');
const hostile = (name: string) => source(name, new Uint8Array(readFileSync(join(HOSTILE, name))), 4096);

describe('containers are found by their bytes, not their names', () => {
  const zip = zipSync({ 'in.log': enc('z\n') });
  const cases: { name: string; input: BundleSource; expected: string[] }[] = [
    { name: 'zip named .log', input: source('report.log', zip), expected: ['report.log/in.log 2'] },
    { name: 'zip named .Zip', input: source('AADAuditEvents.Zip', zip), expected: ['AADAuditEvents.Zip/in.log 2'] },
    { name: 'zip named .ZIP', input: source('X.ZIP', zip), expected: ['X.ZIP/in.log 2'] },
    { name: 'gzip named .txt', input: source('notes.txt', gzipSync(enc('g\n'))), expected: ['notes.txt/notes.txt 2'] },
    { name: 'tar with no extension', input: source('bundle', makeTar([{ name: 't.log', data: 't\n' }])), expected: ['bundle/t.log 2'] },
    { name: '.tgz', input: source('case.tgz', gzipSync(makeTar([{ name: 'var/log/a', data: 'a\n' }]))), expected: ['case.tgz/case.tar/var/log/a 2'] },
    { name: 'text named .zip stays a file', input: source('fake.zip', enc('not a zip\n')), expected: ['fake.zip 10'] },
    { name: 'text named .gz stays a file', input: source('fake.gz', enc('not gzip\n')), expected: ['fake.gz 9'] },
    { name: 'empty file', input: source('empty.log', new Uint8Array(0)), expected: ['empty.log 0'] },
  ];
  it.each(cases)('$name', async ({ input, expected }) => {
    const got = await collect([input]);
    expect(summary(got)).toEqual(expected);
    expect(got.issues).toEqual([]);
  });
});

describe('nesting and limits', () => {
  it('opens zip in zip, .gz in tar, tar.gz in zip, in order', async () => {
    const inner = zipSync({ 'a.log': enc('a\n'), 'b.log.gz': gzipSync(enc('bb\n')) });
    const tar = makeTar([{ name: 'x/auth.log.gz', data: gzipSync(enc('auth\n')) }, { name: 'x/plain.log', data: 'p\n' }]);
    const outer = zipSync({ 'logs.zip': [inner, { level: 0 }], 'old.tar.gz': gzipSync(tar), 'z.log': enc('last\n') });
    const got = await collect([source('case.zip', outer, 333)]);
    expect(summary(got)).toEqual([
      'case.zip/logs.zip/a.log 2',
      'case.zip/logs.zip/b.log.gz/b.log 3',
      'case.zip/old.tar.gz/old.tar/x/auth.log.gz/auth.log 5',
      'case.zip/old.tar.gz/old.tar/x/plain.log 2',
      'case.zip/z.log 5',
    ]);
    expect(got.issues).toEqual([]);
  });

  it('stops at maxDepth with a clear message', async () => {
    let bytes = enc('core\n');
    for (let i = 0; i < 10; i++) bytes = gzipSync(bytes);
    const got = await collect([source('deep.gz', bytes)], { maxDepth: 8 });
    expect(got.entries).toEqual([]);
    expect(got.issues).toHaveLength(1);
    expect(got.issues[0].path.split('/')).toHaveLength(9);
    expect(got.issues[0].reason).toBe('archive nested more than 8 levels deep; not opened');
  });

  it('reads a legitimately repetitive log whole: no ratio or fixed output cap (issue 9 item 6)', async () => {
    // ~20 MiB of near-identical lines compresses well past 200:1; the old guard cut it
    const line = 'Jan 15 10:30:00 web01 app[42]: health check ok\n';
    const log = enc(line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)));
    const zip = zipSync({ 'rep.log': log, 'ok.log': enc('fine\n') });
    expect(log.length / zip.length).toBeGreaterThan(200);
    const got = await collect([source('r.zip', zip), source('r.log.gz', gzipSync(log))]);
    expect(summary(got)).toEqual([`r.zip/rep.log ${log.length}`, 'r.zip/ok.log 5', `r.log.gz/r.log ${log.length}`]);
    expect(got.issues).toEqual([]);
  });

  it('stops at the visible budget: the member being read says what was not read, the later ones are not read', async () => {
    // varied lines (about 10:1): each inflate step yields a little, so the stop lands inside b.log
    const log = enc(Array.from({ length: 60_000 }, (_, i) => `Jan 15 10:30:00 web01 app[${i}]: request ${(i * 7919) % 100_003} done\n`).join('').slice(0, 3 * 1024 * 1024));
    const budget = { bytes: 4 * 1024 * 1024, name: 'the storage left to this site' };
    const zip = zipSync({ 'a.log': log, 'b.log': log, 'c.log': enc('c\n') });
    const got = await collect([source('b.zip', zip), source('d.gz', gzipSync(log))], { budget });
    expect(got.entries.map((e) => e.path)).toEqual(['b.zip/a.log', 'b.zip/b.log']);
    expect(got.entries[0].bytes.length).toBe(log.length);
    expect(got.entries[1].bytes.length).toBeLessThan(log.length);
    expect(got.issues).toEqual([
      { path: 'b.zip/b.log', effect: 'budget', reason: expect.stringMatching(/^stopped after 1\.\d MiB of 3\.0 MiB: the expansion budget of 4\.0 MiB \(the storage left to this site\) is used up; the rest of this file was not read$/) },
      { path: 'b.zip/c.log', effect: 'budget', reason: 'not read: the expansion budget of 4.0 MiB (the storage left to this site) is used up' },
      { path: 'd.gz/d', effect: 'budget', reason: 'not read: the expansion budget of 4.0 MiB (the storage left to this site) is used up' },
    ]);
  });
});

describe('the consumer', () => {
  const zip = zipSync({ '1.log': enc('one\n'.repeat(10000)), '2.log': enc('two\n'), '3.log.gz': gzipSync(enc('three\n'.repeat(5000))), '4.log': enc('four\n') });

  it('may skip entries or read only their start', async () => {
    const seen: string[] = [];
    let k = 0;
    for await (const e of expandBundle([source('z.zip', zip, 100)], () => {})) {
      k++;
      if (k === 1) continue; // never opened
      const r = e.open().getReader();
      const { value } = await r.read();
      seen.push(`${e.path} ${dec(value ?? new Uint8Array(0)).slice(0, 5)}`);
      if (k === 3) await r.cancel(); // cancelled after one piece
    }
    expect(seen).toEqual(['z.zip/2.log two\n', 'z.zip/3.log.gz/3.log three', 'z.zip/4.log four\n']);
  });

  it('streams: reading the start of the first entry pulls only the start of the archive', async () => {
    const big = new Uint8Array(8 * 1024 * 1024).map((_, i) => 0x20 + (i % 90));
    const archive = zipSync({ 'a.log': [big, { level: 0 }], 'b.log': [big, { level: 0 }] });
    let pulled = 0;
    const counting: BundleSource = {
      name: 'big.zip', size: archive.length, lastModified: 0,
      stream: () => {
        let o = 0;
        return new ReadableStream<Uint8Array>({
          pull(c) {
            if (o >= archive.length) return c.close();
            const piece = archive.subarray(o, o + 65536);
            o += piece.length;
            pulled += piece.length;
            c.enqueue(piece);
          },
        }, { highWaterMark: 0 });
      },
    };
    const it = expandBundle([counting], () => {})[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.done).toBe(false);
    if (!first.done) await first.value.open().getReader().read();
    expect(pulled).toBeLessThan(512 * 1024);
    await it.return?.(undefined);
  });

  it('may stop early without hanging', async () => {
    let n = 0;
    for await (const e of expandBundle([source('z.zip', zip), source('y.zip', zip)], () => {})) {
      await readAll(e.open());
      if (++n === 2) break;
    }
    expect(n).toBe(2);
  });

  it('keeps sources in order and reports unreadable ones', async () => {
    const broken: BundleSource = { name: 'gone.log', size: 10, lastModified: 0, stream: () => { throw new Error('file was moved'); } };
    const failing: BundleSource = {
      name: 'flaky.zip', size: zip.length, lastModified: 0,
      stream: () => new ReadableStream({ pull(c) { c.enqueue(zip.slice(0, 60)); c.error(new Error('NotReadableError')); } }),
    };
    const got = await collect([source('a.log', enc('a\n')), broken, failing, source('b.log', enc('b\n'))]);
    expect(got.entries.map((e) => e.path)).toEqual(['a.log', 'flaky.zip/1.log', 'b.log']);
    expect(got.issues.map((i) => `${i.path}: ${i.reason}`)).toEqual([
      'gone.log: could not be read (file was moved)',
      expect.stringMatching(/^flaky\.zip\/1\.log: incomplete: reading stopped \(NotReadableError\)/),
      'flaky.zip: reading stopped (NotReadableError) after 0 complete entries',
    ]);
  });

  it('takes the outer date when the archive has none (gzip) and the entry date otherwise', async () => {
    const got = await collect([source('a.log.gz', gzipSync(enc('a\n')), 1, 1_234_000)]);
    expect(got.entries[0].lastModified).toBe(1_234_000);
  });
});

describe('never throws on damaged input', () => {
  it('survives seeded random damage to zip, tar.gz and nested archives', async () => {
    const samples = [
      zipSync({ 'a.log': enc('alpha\n'.repeat(500)), 'b.zip': zipSync({ 'c.log': enc('c\n'.repeat(300)) }) }),
      gzipSync(makeTar([{ name: 'x.log', data: 'x\n'.repeat(2000) }, { name: 'y.log.gz', data: gzipSync(enc('y\n'.repeat(900))) }])),
    ];
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
    for (let round = 0; round < 150; round++) {
      const input = samples[round % 2].slice();
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) input[Math.floor(rnd() * input.length)] = Math.floor(rnd() * 256);
      const cut = round % 3 === 0 ? input.subarray(0, Math.floor(rnd() * input.length)) : input;
      await expect(collect([source('f.bin', cut, 1 + Math.floor(rnd() * 500))])).resolves.toBeDefined();
    }
  });
});

describe('hostile fixtures', () => {
  const cases: { name: string; expected: string[]; issues: [string, RegExp][] }[] = [
    { name: 'truncated.gz', expected: ['truncated.gz/truncated 14771'], issues: [['truncated.gz/truncated', /^gzip data truncated: the file ends inside the compressed stream \(14\.4 KiB recovered\)$/]] },
    {
      name: 'trailing-garbage.tar.gz',
      expected: ['trailing-garbage.tar.gz/trailing-garbage.tar/logs/app.log 1850'],
      issues: [['trailing-garbage.tar.gz/trailing-garbage.tar', /^stray bytes after the end of the gzip data were ignored$/]],
    },
    { name: 'encrypted.zip', expected: ['encrypted.zip/plain.log 460'], issues: [['encrypted.zip/secret.log', /^encrypted zip entry skipped \(password-protected\)$/]] },
    { name: 'nested.zip', expected: ['nested.zip/inner.zip/a.log 276', 'nested.zip/inner.zip/logs.tar.gz/logs.tar/var/log/b.log 364', 'nested.zip/c.log.gz/c.log 184'], issues: [] },
    // no budget given here: read whole (the ingest tests give it a budget, as the app does)
    { name: 'zip-bomb-ish.zip', expected: ['zip-bomb-ish.zip/bomb.log 41943040'], issues: [] },
    ...['empty.log', 'binary.png', 'random.bin', 'nul-bytes.log', 'utf16le-bom.log', 'utf16be-bom.log', 'utf16le-nobom.log', 'latin1.log', 'crlf.log', 'proto-keys.jsonl', 'deep-nesting.json', 'html-payloads.log'].map((name) => ({
      name,
      expected: [`${name} ${readFileSync(join(HOSTILE, name)).length}`],
      issues: [] as [string, RegExp][],
    })),
  ];
  it('covers every fixture in the folder', () => {
    const files = readdirSync(HOSTILE).filter((f) => !f.endsWith('.ts') && !f.endsWith('.md'));
    expect(cases.map((c) => c.name).sort()).toEqual(files.sort());
  });
  it.each(cases)('$name', async ({ name, expected, issues }) => {
    const bytes = new Uint8Array(readFileSync(join(HOSTILE, name)));
    for (const chunk of [100, 65536]) expect(summary(await collect([source(name, bytes, chunk)]))).toEqual(expected); // chunk size changes nothing
    const got = await collect([hostile(name)]);
    expect(summary(got)).toEqual(expected);
    expect(got.issues.map((i) => i.path)).toEqual(issues.map(([p]) => p));
    got.issues.forEach((i, k) => expect(i.reason).toMatch(issues[k][1]));
  });
  it('all together, in one bundle, in order', async () => {
    const names = cases.map((c) => c.name);
    const got = await collect(names.map(hostile));
    expect(summary(got)).toEqual(cases.flatMap((c) => c.expected));
  });
});

describe('corpus archives match `unzip -l` / `tar tzvf`', needsCorpus, () => {
  // Names and lengths as `unzip -l` (UnZip 6.00) and `tar tzvf` (GNU tar) list them.
  const truth: Record<string, string[]> = {
    'atomic/aws/collection/ec2_proxy_s3_exfiltration.zip': ['ec2_proxy_s3_exfiltration_2020-09-14011940.json 106600'],
    'atomic/linux/discovery/host/sh_arp_cache.zip': ['sh_arp_cache_2020-11-10074812.log 1884'],
    'atomic/windows/discovery/host/cmd_discover_iexplorer_version_registry.zip': ['cmd_discover_iexplorer_version_registry_2020-10-2123281491.json 119351'],
    'atomic/windows/other/raccine_samples.zip': ['raccine_samples_2020-10-18T05002422.json 1096'],
    'atomic/windows/credential_access/host/psh_lsass_memory_dump_comsvcs.zip': ['psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json 286839'],
    'atomic/windows/execution/host/psh_powershell_httplistener.zip': ['psh_powershell_httplistener_2020-11-0204130683.json 213202'],
    'atomic/windows/persistence/host/covenant_persiststartup.tar.gz': ['covenant_persiststartup.tar/covenant_persiststartup_2019-12-05044154.json 2719633'],
    'compound/GoldenSAMLADFSMailAccess/AADAuditEvents.Zip': ['AADAuditEvents.json 10496'],
    'compound/Log4Shell/securityauditing_log4shell_cve2021_44228_java_serialized_object.zip': ['securityauditing_log4shell_cve2021_44228_java_serialized_object_2022-05-13045400.json 77934'],
    'compound/Log4Shell/syslog_sysmon_log4shell_cve2021_44228_jndi_reference.zip': ['syslog_sysmon_log4shell_cve2021_44228_jndi_reference_2022-05-11181020.json 194767'],
    'compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump_zeek_logs.zip': ['conn.log 13753', 'dns.log 18430', 'files.log 884', 'http.log 1159', 'packet_filter.log 278', 'weird.log 899'],
  };
  it('every archive of the corpus is in the table', () => {
    const found = listCorpus('otrf-security-datasets', (p) => /\.(zip|tar\.gz)$/i.test(p)).map((p) => p.replace('otrf-security-datasets/datasets/', ''));
    expect(found.sort()).toEqual(Object.keys(truth).sort());
  });

  it.each(Object.entries(truth))('%s', async (rel, expected) => {
    const bytes = new Uint8Array(readFileSync(corpusPath('otrf-security-datasets/datasets', rel)));
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    const got = await collect([source(name, bytes, 65536)]);
    expect(summary(got)).toEqual(expected.map((e) => `${name}/${e}`));
    expect(got.entries.map((e) => e.size)).toEqual(expected.map((e) => Number(e.split(' ')[1])));
    expect(got.issues).toEqual([]);
  });

  it('zeek logs inside the LSASS zip carry the zip dates (UT extra field, UTC)', async () => {
    const bytes = new Uint8Array(readFileSync(corpusPath('otrf-security-datasets/datasets/compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump_zeek_logs.zip')));
    const got = await collect([source('z.zip', bytes)]);
    expect(new Date(got.entries[0].lastModified).toISOString().slice(0, 16)).toBe('2023-08-16T05:06');
    expect(dec(got.entries[0].bytes).startsWith('#separator \\x09')).toBe(true);
    expect(concat(got.entries[0].bytes).length).toBe(13753);
  });
});

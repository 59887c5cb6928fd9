// The release artifacts (scripts/release.ts): the static folder zipped under one top folder, the same bytes
// for the same files, and the SHA-256 that sha256sum prints.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex, zipFolder } from '../../scripts/release.ts';

describe('release artifacts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logdrop-release-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  const when = new Date(Date.UTC(2000, 0, 1));

  it('zips every file of the folder under logdrop-<version>/, byte for byte', () => {
    const entries = unzipSync(zipFolder(dir, 'logdrop-1.2.3', when));
    expect(Object.keys(entries).sort()).toEqual(['logdrop-1.2.3/assets/app.js', 'logdrop-1.2.3/index.html']);
    expect(new TextDecoder().decode(entries['logdrop-1.2.3/assets/app.js'])).toBe('console.log(1)');
  });

  it('gives the same bytes for the same files (fixed timestamps, stable order)', () => {
    expect(sha256Hex(zipFolder(dir, 'x', when))).toBe(sha256Hex(zipFolder(dir, 'x', when)));
  });

  it('hashes as sha256sum does', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

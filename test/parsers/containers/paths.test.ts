// Member names -> bundle paths (the convention in src/parsers/containers/types.ts).
import { describe, expect, it } from 'vitest';
import { cleanMemberPath, joinPath } from '../../../src/parsers/containers/paths.ts';
import { detectContainer } from '../../../src/parsers/containers/sniff.ts';

describe('cleanMemberPath', () => {
  const cases: { input: string; expected: string }[] = [
    { input: 'var/log/auth.log', expected: 'var/log/auth.log' },
    { input: '/var/log/auth.log', expected: 'var/log/auth.log' },
    { input: './var//log/./auth.log', expected: 'var/log/auth.log' },
    { input: '../../etc/passwd', expected: 'etc/passwd' },
    { input: 'a/b/../../../c', expected: 'c' },
    { input: 'C:\\Windows\\System32\\winevt\\Logs\\Security.evtx', expected: 'C:/Windows/System32/winevt/Logs/Security.evtx' },
    { input: 'logs/', expected: 'logs' },
    { input: './', expected: '' },
    { input: '', expected: '' },
  ];
  it.each(cases)('$input -> $expected', ({ input, expected }) => expect(cleanMemberPath(input)).toBe(expected));
  it('joins levels with /', () => expect(joinPath('logs.zip', 'var/log/auth.log.gz')).toBe('logs.zip/var/log/auth.log.gz'));
});

describe('detectContainer', () => {
  const head = (...b: number[]) => new Uint8Array(b);
  const cases: { name: string; input: Uint8Array; file: string; expected: string }[] = [
    { name: 'zip local header', input: head(0x50, 0x4b, 3, 4, 0), file: 'x', expected: 'zip' },
    { name: 'empty zip', input: head(0x50, 0x4b, 5, 6, 0), file: 'x', expected: 'zip' },
    { name: '"PK" text', input: new TextEncoder().encode('PK is a primary key'), file: 'x.zip', expected: 'none' },
    { name: 'gzip', input: head(0x1f, 0x8b, 8, 0), file: 'x.log', expected: 'gzip' },
    { name: 'too short', input: head(0x1f), file: 'x.gz', expected: 'none' },
    { name: 'zeros named .tar (empty tar)', input: new Uint8Array(1024), file: 'x.TAR', expected: 'tar' },
    { name: 'zeros with another name', input: new Uint8Array(1024), file: 'x.bin', expected: 'none' },
  ];
  it.each(cases)('$name', ({ input, file, expected }) => expect(detectContainer(input, file)).toBe(expected));
});

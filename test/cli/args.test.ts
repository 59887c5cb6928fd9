import { describe, expect, it } from 'vitest';
import { parseCommandArgs, parseSize, parseTz, UsageError } from '../../src/cli/args.ts';

describe('per-command options', () => {
  const options = { rules: { type: 'string', multiple: true }, 'alerts-only': { type: 'boolean' } } as const;

  it('reads repeatable and boolean options wherever they stand among the files', () => {
    const { flags, files } = parseCommandArgs('follow', ['a.log', '--rules', 'r1.yml', '--alerts-only', 'b.log', '--rules', 'r2'], options);
    expect(files).toEqual(['a.log', 'b.log']);
    expect(flags.list('rules')).toEqual(['r1.yml', 'r2']);
    expect(flags.flag('alerts-only')).toBe(true);
    expect(flags.string('rules')).toBeUndefined();
  });

  it('refuses an option the command does not take, naming the command, instead of reading it as a file', () => {
    expect(() => parseCommandArgs('follow', ['--facet', 'user', 'a.log'], options)).toThrow(UsageError);
    expect(() => parseCommandArgs('follow', ['--facet', 'user', 'a.log'], options)).toThrow(/^follow: .*--facet/);
  });

  it('refuses a string option without its value', () => {
    expect(() => parseCommandArgs('follow', ['a.log', '--rules'], options)).toThrow(/follow: .*--rules/);
  });

  it('takes everything after -- as files, even names that look like options', () => {
    expect(parseCommandArgs('follow', ['--', '--odd.log'], options).files).toEqual(['--odd.log']);
  });

  it('parses zones and sizes, and says what it expected', () => {
    expect(parseTz('-05:30')).toBe(-330);
    expect(parseTz(undefined)).toBe(0);
    expect(() => parseTz('5')).toThrow('--tz expects +HH:MM, got "5"');
    expect(parseSize('2G')).toBe(2 * 1024 ** 3);
    expect(parseSize(undefined)).toBeUndefined();
    expect(() => parseSize('lots')).toThrow(/--max-expanded/);
  });
});

// The header's hand-written level and pid readers give what the column regexes give, token by token.
import { describe, expect, it } from 'vitest';
import { LEVEL, PID, levelOf, pidOf } from '../../../src/parsers/learn/header.ts';

const LEVELS = ['INFO', 'info', 'Info', 'WARN', 'WARNING', 'warning:', 'ERR', 'ERROR', 'ERRORS', 'CRIT', 'CRITICAL', 'EMERG', 'EMERGENCY', 'FINE', 'FINER', 'FINEST', 'CONFIG', 'TRACE', 'DEBUG', 'NOTICE', 'FATAL', 'ALERT', 'SEVERE', 'VERBOSE'];
const WRAPS: [string, string][] = [['', ''], ['[', ']'], ['(', ')'], ['<', '>'], ['[', ''], ['', ']'], ['', ':'], ['', ','], ['[', ']:'], ['(', '),'], ['[', '):'], ['[[', ']]'], ['', '::'], ['', ':,'], ['{', '}'], ['', '1'], ['x', ''], ['', 'x']];
const PIDS = ['1', '1234', '[1234]', '[1234]:', '1234:', '[1234', '1234]', '12345678901', '1234567890', '[]', '', '[:', ':', '12a', 'a12', '[12]]', '12::', '١٢', '-12', '[12]:x'];

describe('header fast readers', () => {
  it('levelOf equals LEVEL.exec(...)[1]', () => {
    for (const w of [...LEVELS, 'INF', 'WARNINGS', 'ERRO', 'Kritical', 'ſevere', '', 'I']) for (const [a, b] of WRAPS) {
      const t = `${a}${w}${b}`;
      expect(levelOf(t), JSON.stringify(t)).toBe(LEVEL.exec(t)?.[1]);
    }
  });
  it('pidOf equals PID.exec(...)[1]', () => {
    for (const t of PIDS) expect(pidOf(t), JSON.stringify(t)).toBe(PID.exec(t)?.[1]);
  });
});

// One record per line: the framer for most text logs.
import type { RecordFramer } from './types.ts';

export function createLineFramer(): RecordFramer {
  return {
    line: (text, line, offset, emit) => emit(text, line, offset),
    end: () => {},
  };
}

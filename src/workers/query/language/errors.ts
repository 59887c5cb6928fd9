// Query errors in plain words, each pointing at the offending character (0-based).
import type { QueryError } from '../../api.ts';

export function queryError(message: string, position: number): QueryError {
  return { message: `${message} at ${position}`, position };
}

/** Thrown only inside the parser to unwind the recursive descent; parseQuery turns it into a Result. */
export class QuerySyntaxError extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

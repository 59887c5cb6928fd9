// The query AST (KQL-like). Every node carries its source span [pos, end) so that errors and
// warnings found while compiling against the index point at the right characters.
// Example: `user:root and not outcome:success` ->
//   and(match(user, literal root), not(match(outcome, literal success)))

export type RangeOp = '<' | '<=' | '>' | '>=';

export type Value =
  /** a plain or "quoted" value; text has escapes resolved */
  | { kind: 'literal'; text: string; quoted: boolean; pos: number; end: number }
  /** an unquoted value with * or ?; pattern keeps backslash escapes (\* is a literal star) */
  | { kind: 'wildcard'; pattern: string; pos: number; end: number }
  /** field:/regex/flags (JS regex syntax run by RE2 in linear time: no lookaround or backreferences; checked to compile) */
  | { kind: 'regex'; source: string; flags: string; pos: number; end: number };

export type Node =
  | { type: 'all'; pos: number; end: number }
  | { type: 'and'; children: Node[]; pos: number; end: number }
  | { type: 'or'; children: Node[]; pos: number; end: number }
  | { type: 'not'; child: Node; pos: number; end: number }
  /** field:value (lists `field:(a or b)` are expanded into and/or/not of these) */
  | { type: 'match'; field: string; value: Value; pos: number; end: number }
  /** field:* */
  | { type: 'exists'; field: string; pos: number; end: number }
  /** field >= value; value is a literal (number, time, or text) */
  | { type: 'range'; field: string; op: RangeOp; value: Value; pos: number; end: number }
  /** a bare word or "quoted phrase": free text */
  | { type: 'text'; value: Value; pos: number; end: number };

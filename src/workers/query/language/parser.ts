// Recursive-descent parser of the KQL-like query language.
// Grammar (keywords and/or/not are case-insensitive; `not` binds tightest, then and, then or):
//   query   := or? EOF                       (empty query = every event)
//   or      := and ('or' and)*
//   and     := not (('and')? not)*           (a space between terms is an implicit and)
//   not     := 'not' not | primary
//   primary := '(' or ')' | "phrase" | word | field ':' value | field ':' '*' | field ':' '(' list ')'
//            | field ('<' | '<=' | '>' | '>=') value
//   list    := listAnd (('or')? listAnd)*    (inside a value list a space means or: a field has one value)
//   listAnd := listNot ('and' listNot)* ; listNot := 'not' listNot | '(' list ')' | value
// Example: `app.name:sshd and init.host.ip:10.0.0.0/8 and not user.name:(root or admin*)`.
import type { QueryError } from '../../api.ts';
import type { Result } from '../../../core/result.ts';
import type { Node, RangeOp, Value } from './ast.ts';
import { QuerySyntaxError, queryError } from './errors.ts';
import { lexTerm, lexValue, type Token } from './lexer.ts';

type Keyword = 'and' | 'or' | 'not';

/**
 * Nesting (parentheses, `not`, value lists) deeper than this is refused: the parser, the compiler and the
 * evaluator recurse once per level, and 1,500 levels overflow the stack. No hand-written query comes close.
 */
export const MAX_QUERY_DEPTH = 100;
/** Longer queries are refused before parsing (a pasted list of 12k IOCs is ~100 KB: that must still work). */
export const MAX_QUERY_LENGTH = 256 * 1024;

export function parseQuery(src: string): Result<Node, QueryError> {
  if (src.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      error: queryError(`the query is ${src.length.toLocaleString('en')} characters long; at most ${MAX_QUERY_LENGTH.toLocaleString('en')} are allowed`, MAX_QUERY_LENGTH),
    };
  }
  try {
    return { ok: true, value: new Parser(src).parse() };
  } catch (e) {
    // the parser throws only QuerySyntaxError to unwind; anything else is a bug and keeps flying
    if (e instanceof QuerySyntaxError) return { ok: false, error: e.error };
    throw e;
  }
}

const fail = (message: string, position: number): never => {
  throw new QuerySyntaxError(queryError(message, position));
};

class Parser {
  private pos = 0;
  private depth = 0;

  /** One level deeper (a parenthesis, a `not`, a value list) opened at `at`; leave() when it is parsed. */
  private enter(at: number): void {
    if (++this.depth > MAX_QUERY_DEPTH) {
      fail(`the query nests too deeply: more than ${MAX_QUERY_DEPTH} levels of parentheses or 'not' (remove some)`, at);
    }
  }

  private leave(): void {
    this.depth--;
  }

  constructor(private readonly src: string) {}

  parse(): Node {
    const first = lexTerm(this.src, 0);
    if (first.t === 'eof') return { type: 'all', pos: 0, end: 0 };
    const node = this.parseOr();
    const tok = lexTerm(this.src, this.pos);
    if (tok.t === 'rparen') fail("unmatched ')'", tok.pos);
    if (tok.t !== 'eof') fail('unexpected text', tok.pos); // unreachable by the grammar; kept as a guard
    return node;
  }

  private peek(): Token {
    return lexTerm(this.src, this.pos);
  }

  /** and/or/not typed bare and not used as a field name (`not:x` is a field called not). */
  private keyword(tok: Token): Keyword | undefined {
    if (tok.t !== 'word' || tok.escaped || tok.wild) return undefined;
    const k = tok.text.toLowerCase();
    if (k !== 'and' && k !== 'or' && k !== 'not') return undefined;
    const after = lexTerm(this.src, tok.end);
    return after.t === 'colon' || after.t === 'op' ? undefined : k;
  }

  /** After an operator keyword: there must be a term to apply it to. */
  private expectTerm(after: string, tok: Token): void {
    const next = lexTerm(this.src, tok.end);
    const k = this.keyword(next);
    if (next.t === 'eof' || next.t === 'rparen' || k === 'and' || k === 'or') fail(`expected a term after '${after}'`, next.pos);
  }

  private parseOr(): Node {
    const children = [this.parseAnd()];
    for (;;) {
      const tok = this.peek();
      if (this.keyword(tok) !== 'or') break;
      this.expectTerm(tok.t === 'word' ? tok.raw : 'or', tok);
      this.pos = tok.end;
      children.push(this.parseAnd());
    }
    return group('or', children);
  }

  private parseAnd(): Node {
    const children = [this.parseNot()];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'eof' || tok.t === 'rparen') break;
      const k = this.keyword(tok);
      if (k === 'or') break;
      if (k === 'and') {
        this.expectTerm(tok.t === 'word' ? tok.raw : 'and', tok);
        this.pos = tok.end;
      }
      children.push(this.parseNot());
    }
    return group('and', children);
  }

  private parseNot(): Node {
    const tok = this.peek();
    if (this.keyword(tok) === 'not') {
      this.expectTerm(tok.t === 'word' ? tok.raw : 'not', tok);
      this.pos = tok.end;
      this.enter(tok.pos);
      const child = this.parseNot();
      this.leave();
      return { type: 'not', child, pos: tok.pos, end: child.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const tok = this.peek();
    switch (tok.t) {
      case 'lparen': {
        const inner = lexTerm(this.src, tok.end);
        if (inner.t === 'rparen' || inner.t === 'eof') {
          if (inner.t === 'eof') fail('unclosed parenthesis opened', tok.pos);
          fail("expected a term after '('", inner.pos);
        }
        this.pos = tok.end;
        this.enter(tok.pos);
        const node = this.parseOr();
        this.leave();
        const close = this.peek();
        if (close.t !== 'rparen') fail('unclosed parenthesis opened', tok.pos);
        this.pos = close.end;
        return { ...node, pos: tok.pos, end: close.end };
      }
      case 'rparen': return fail("unmatched ')'", tok.pos);
      case 'eof': return fail('expected a term', tok.pos);
      case 'colon': return fail("expected a field name before ':'", tok.pos);
      case 'op': return fail(`expected a field name before '${tok.op}'`, tok.pos);
      case 'regex': return fail('a regular expression needs a field: message:/.../', tok.pos); // not produced in term mode
      case 'quoted':
        this.pos = tok.end;
        return { type: 'text', value: { kind: 'literal', text: tok.text, quoted: true, pos: tok.pos, end: tok.end }, pos: tok.pos, end: tok.end };
      case 'word': {
        const k = this.keyword(tok);
        if (k === 'and' || k === 'or') fail(`expected a term before '${tok.raw}'`, tok.pos);
        const next = lexTerm(this.src, tok.end);
        if (next.t === 'colon') return this.parseFieldValue(tok, next);
        if (next.t === 'op') return this.parseRange(tok, next.op, next);
        this.pos = tok.end;
        const value = wordValue(tok);
        return { type: 'text', value, pos: tok.pos, end: tok.end };
      }
    }
  }

  private fieldName(tok: Token & { t: 'word' }): string {
    if (tok.wild) fail('wildcards are not supported in field names', tok.pos);
    return tok.text;
  }

  private parseFieldValue(fieldTok: Token & { t: 'word' }, colon: Token): Node {
    const field = this.fieldName(fieldTok);
    const v = lexValue(this.src, colon.end);
    if (v.t === 'lparen') {
      this.pos = v.end;
      this.enter(v.pos);
      const node = this.parseList(field, fieldTok.pos, v.pos);
      this.leave();
      const close = lexValue(this.src, this.pos);
      if (close.t !== 'rparen') fail('unclosed parenthesis opened', v.pos);
      this.pos = close.end;
      return { ...node, pos: fieldTok.pos, end: close.end };
    }
    const value = this.value(v, `${fieldTok.raw}:`);
    this.pos = v.end;
    if (value.kind === 'wildcard' && value.pattern === '*') return { type: 'exists', field, pos: fieldTok.pos, end: v.end };
    return { type: 'match', field, value, pos: fieldTok.pos, end: v.end };
  }

  private parseRange(fieldTok: Token & { t: 'word' }, op: RangeOp, opTok: Token): Node {
    const field = this.fieldName(fieldTok);
    const v = lexValue(this.src, opTok.end);
    const value = this.value(v, `${fieldTok.raw} ${op}`);
    if (value.kind !== 'literal') fail(`a range needs a number or a time after '${fieldTok.raw} ${op}'`, value.pos);
    this.pos = v.end;
    return { type: 'range', field, op, value, pos: fieldTok.pos, end: v.end };
  }

  /** One value token; `after` names what it follows, for the error message. */
  private value(v: Token, after: string): Value {
    if (v.t === 'quoted') return { kind: 'literal', text: v.text, quoted: true, pos: v.pos, end: v.end };
    if (v.t === 'regex') return { kind: 'regex', source: v.source, flags: v.flags, pos: v.pos, end: v.end };
    if (v.t === 'word') return wordValue(v);
    return fail(`expected a value after '${after}'`, v.pos);
  }

  // ---- value lists: field:(a or b and not c)

  private parseList(field: string, fieldPos: number, open: number): Node {
    const children = [this.parseListAnd(field, fieldPos, open)];
    for (;;) {
      const tok = lexValue(this.src, this.pos);
      if (tok.t === 'eof' || tok.t === 'rparen') break;
      if (listKeyword(tok) === 'or') {
        this.pos = tok.end;
        this.expectListValue(tok, 'or');
      }
      children.push(this.parseListAnd(field, fieldPos, open));
    }
    return group('or', children);
  }

  private parseListAnd(field: string, fieldPos: number, open: number): Node {
    const children = [this.parseListNot(field, fieldPos, open)];
    for (;;) {
      const tok = lexValue(this.src, this.pos);
      if (listKeyword(tok) !== 'and') break;
      this.pos = tok.end;
      this.expectListValue(tok, 'and');
      children.push(this.parseListNot(field, fieldPos, open));
    }
    return group('and', children);
  }

  private parseListNot(field: string, fieldPos: number, open: number): Node {
    const tok = lexValue(this.src, this.pos);
    const k = listKeyword(tok);
    if (k === 'not') {
      this.pos = tok.end;
      this.expectListValue(tok, 'not');
      this.enter(tok.pos);
      const child = this.parseListNot(field, fieldPos, open);
      this.leave();
      return { type: 'not', child, pos: tok.pos, end: child.end };
    }
    if (k === 'and' || k === 'or') fail(`expected a value before '${k}'`, tok.pos);
    if (tok.t === 'lparen') {
      this.pos = tok.end;
      this.enter(tok.pos);
      const node = this.parseList(field, fieldPos, tok.pos);
      this.leave();
      const close = lexValue(this.src, this.pos);
      if (close.t !== 'rparen') fail('unclosed parenthesis opened', tok.pos);
      this.pos = close.end;
      return node;
    }
    if (tok.t === 'eof') fail('unclosed parenthesis opened', open);
    const value = this.value(tok, `${field}:(`);
    this.pos = tok.end;
    if (value.kind === 'wildcard' && value.pattern === '*') return { type: 'exists', field, pos: value.pos, end: value.end };
    return { type: 'match', field, value, pos: value.pos, end: value.end };
  }

  private expectListValue(tok: Token, after: string): void {
    const next = lexValue(this.src, tok.end);
    if (next.t === 'eof' || next.t === 'rparen') fail(`expected a value after '${after}'`, next.pos);
  }
}

function listKeyword(tok: Token): Keyword | undefined {
  if (tok.t !== 'word' || tok.escaped || tok.wild) return undefined;
  const k = tok.text.toLowerCase();
  return k === 'and' || k === 'or' || k === 'not' ? k : undefined;
}

function wordValue(tok: Token & { t: 'word' }): Value {
  return tok.wild
    ? { kind: 'wildcard', pattern: tok.raw, pos: tok.pos, end: tok.end }
    : { kind: 'literal', text: tok.text, quoted: false, pos: tok.pos, end: tok.end };
}

/** A single child stands for itself; the span covers all children. */
function group(type: 'and' | 'or', children: Node[]): Node {
  if (children.length === 1) return children[0];
  return { type, children, pos: children[0].pos, end: children[children.length - 1].end };
}

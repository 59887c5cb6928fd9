// A text every match of a regular expression must contain, read from its source conservatively, so a value
// without it is rejected by one indexOf instead of a regex run (most values of a CommandLine column). Only
// top-level runs of plain characters count: anything inside groups, classes or alternations, escapes that
// stand for classes, and characters a quantifier may drop end a run. When unsure: no text (the regex runs).
// Example: '(?i)(?:set).*&&\s?set.*(?:environment|invoke).*&&.*"' -> 'set' (groups skipped, '&&' too short).

/** escapes that stand for the character itself */
const PUNCT = new Set([...'\\.*+?()[]{}|^$/-#&~=!<>:,\'"@%;`_ ']);

/** Index just past the group or class opening at `i` (source[i] is '(' or '['), or -1 when it does not close. */
function skipNested(src: string, i: number): number {
  let depth = 0;
  for (let k = i; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '[') {
      // a class: ']' right after '[' or '[^' is a member
      let j = k + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      for (; j < src.length && src[j] !== ']'; j++) if (src[j] === '\\') j++;
      if (j >= src.length) return -1;
      k = j;
      if (depth === 0) return k + 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return -1;
}

/**
 * The longest plain text (lower-cased, ASCII, at least `min` characters) every match of the regex contains,
 * or undefined. Case is ignored either way: callers compare it with the lower-cased value.
 */
export function requiredText(src: string, min = 3): string | undefined {
  const runs: string[] = [];
  let run = '';
  const end = () => {
    if (run !== '') runs.push(run);
    run = '';
  };
  for (let i = 0; i < src.length;) {
    const c = src[i];
    let atom: string | undefined; // the literal character just read, if any
    let next = i + 1;
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) return undefined;
      next = i + 2;
      if (PUNCT.has(e)) atom = e;
    } else if (c === '(' || c === '[') {
      next = skipNested(src, i);
      if (next < 0) return undefined;
    } else if (c === '|') return undefined; // top-level alternation: nothing is required
    else if (c !== '.' && c !== '^' && c !== '$' && c !== ')' && c !== ']' && c !== '{' && c !== '*' && c !== '+' && c !== '?') atom = c;
    // a quantifier after the atom
    const q = src[next];
    let min1 = true, quantified = false;
    if (q === '*' || q === '?') {
      min1 = false;
      quantified = true;
      next++;
    } else if (q === '+') {
      quantified = true;
      next++;
    } else if (q === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(src.slice(next));
      if (m !== null) {
        quantified = true;
        min1 = Number(m[1]) >= 1;
        next += m[0].length;
      }
    }
    if (quantified && (src[next] === '?' || src[next] === '+')) next++; // lazy or possessive
    if (atom !== undefined && (!quantified || min1)) {
      run += atom;
      if (quantified) end();
    } else end();
    i = next;
  }
  end();
  let best = '';
  for (const r of runs) if (r.length > best.length) best = r;
  for (let k = 0; k < best.length; k++) if (best.charCodeAt(k) > 0x7f) return undefined;
  return best.length >= min ? best.toLowerCase() : undefined;
}

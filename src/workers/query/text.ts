// Text helpers shared by the index and the query compiler: case folding that keeps offsets, globs.

/**
 * Lower-cases without changing the length: String.prototype.toLowerCase turns 'İ' (U+0130) into 'i' plus
 * a combining dot, which would shift every offset after it; such a character folds to its first unit.
 */
export function lowerSameLength(s: string): string {
  const low = s.toLowerCase();
  if (low.length === s.length) return low;
  return s.replace(/\p{Lu}|\p{Lt}/gu, (ch) => {
    const l = ch.toLowerCase();
    return l.length === ch.length ? l : ch.length === 1 ? l[0] : ch;
  });
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A wildcard value ('adm*', 'web-0?', 'a\*b' with a literal star) as a case-insensitive RegExp.
 * anchored: keyword values match whole; text fields and free text match anywhere inside.
 */
export function globToRegExp(glob: string, anchored: boolean): RegExp {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) src += escapeRegExp(glob[++i]);
    else if (c === '*') src += '[\\s\\S]*';
    else if (c === '?') src += '[\\s\\S]';
    else src += escapeRegExp(c);
  }
  return new RegExp(anchored ? `^(?:${src})$` : src, 'iu');
}

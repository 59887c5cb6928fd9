// V8 keeps a slice (or substring) of 13 or more characters as a view of its parent string: a word or value cut
// from a 64 KB block of decoded text keeps the whole block alive for as long as it is kept. What is kept for a
// long time (a word table, a dictionary) keeps its own copy instead: ten million auth.log lines left the
// ingest worker holding most of their text through such views (issue 15).

/** `s` as a string of its own (not a view of a longer one): shorter strings are copies already. */
export function ownCopy(s: string): string {
  // the concatenation is flattened into a new string by slice(), which then views that (s.length + 1) copy only
  return s.length < 13 ? s : (' ' + s).slice(1);
}

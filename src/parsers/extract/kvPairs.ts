// key=value pair reading shared by the kv, syslog5424 (SD params), auditd and vendor firewall parsers.
// Example: `date=2024-01-02 devname="FG 100" srcip=10.0.0.1 msg="a \"quoted\" word" x=`
// Quirks: values may be bare (up to the next space), "double quoted" with backslash escapes, 'single quoted'
// (auditd msg='...'), or wrapped in U+201C/U+201D curly quotes (Juniper docs copied through a word processor
// write destination-interface-name=”st0.0”, opened AND closed by U+201D). Keys are returned as written; the
// caller prefixes them (data.<key>), so a key "__proto__" can never reach Object.prototype.

/** One pair as written: key, unescaped value, and whether the value was quoted. */
export interface KvPair {
  key: string;
  value: string;
  quoted: boolean;
}

// key: letters, digits and the punctuation vendors use in names (src-ip, a0, cs1Label, msg.id, ns:k, @x)
const PAIR = /([A-Za-z0-9_@][\w.\-:@/[\]]*)=("(?:[^"\\]|\\.)*"|'[^']*'|[\u201c\u201d][^\u201c\u201d]*[\u201c\u201d]|(?!["'\u201c\u201d])[^\s"']*)/y;

function unescape(q: string): string {
  return q.indexOf('\\') < 0 ? q : q.replace(/\\(.)/g, '$1');
}

/**
 * All pairs in `text` from `start`, in order; text between pairs that is not a pair is skipped (a word, a
 * stray quote). A double-quoted value with no closing quote runs to the end of the line.
 */
export function parseKvPairs(text: string, start = 0): KvPair[] {
  const out: KvPair[] = [];
  let i = start;
  const n = text.length;
  while (i < n) {
    // skip separators
    let c = text.charCodeAt(i);
    while (i < n && (c === 32 || c === 9 || c === 44 || c === 59)) c = text.charCodeAt(++i); // space tab , ;
    if (i >= n) break;
    PAIR.lastIndex = i;
    const m = PAIR.exec(text);
    if (m === null) {
      // an unterminated "value: take the rest of the line
      const eq = /^([A-Za-z0-9_@][\w.\-:@/[\]]*)="(.*)$/.exec(text.slice(i));
      if (eq !== null) {
        out.push({ key: eq[1], value: unescape(eq[2]), quoted: true });
        break;
      }
      const sp = text.indexOf(' ', i);
      if (sp < 0) break;
      i = sp + 1;
      continue;
    }
    const v = m[2];
    const first = v.charCodeAt(0);
    if (first === 34) out.push({ key: m[1], value: unescape(v.slice(1, -1)), quoted: true });
    else if (first === 39 || first === 0x201c || first === 0x201d) out.push({ key: m[1], value: v.slice(1, -1), quoted: true });
    else out.push({ key: m[1], value: v, quoted: false });
    i = PAIR.lastIndex;
    if (i < n) {
      const next = text.charCodeAt(i);
      // "a=b"c: glued junk after a value; skip to the next space so the loop cannot stall
      if (next !== 32 && next !== 9 && next !== 44 && next !== 59) {
        const sp = text.indexOf(' ', i);
        i = sp < 0 ? n : sp + 1;
      }
    }
  }
  return out;
}

/** How many pairs a line holds, cheaply (sniffing). */
export function countKvPairs(text: string): number {
  let n = 0;
  const re = /(?:^|[\s,;])[A-Za-z_][\w.\-:]*=(?:"|[^\s=])/g;
  while (re.exec(text) !== null) n++;
  return n;
}

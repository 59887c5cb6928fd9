// Builds ModSecurity native audit records for the framer and parser tests (documentation addresses only).

/** a v2 (`--id-X--`) or v3 (`---id---X--`) record with parts A, B, optional C body, F, H, Z */
export function auditRecord(id: string, opts: { v3?: boolean; body?: string[]; z?: boolean; time?: string } = {}): string[] {
  const mark = (p: string) => (opts.v3 === true ? `---${id}---${p}--` : `--${id}-${p}--`);
  const out = [
    mark('A'), `[${opts.time ?? '12/Mar/2024:14:03:27 +0000'}] uid-${id} 203.0.113.5 50000 192.0.2.10 80`,
    mark('B'), 'POST /upload HTTP/1.1', 'Host: www.example.com', '',
  ];
  if (opts.body !== undefined) out.push(mark('C'), ...opts.body);
  out.push(mark('F'), 'HTTP/1.1 200 OK', '', mark('H'), 'Stopwatch: 1710252207000000 900 (- - -)', '');
  if (opts.z !== false) out.push(mark('Z'), '');
  return out;
}

// Pieces shared by the mail log parsers (Postfix, Exim): "name[ip]" client/relay endpoints and <address> lists.
import type { EventFields } from '../../core/schema.ts';
import { isIP } from '../../core/ip.ts';

/** "mx.example.org[198.51.100.7]:25" / "unknown[203.0.113.5]" / "[203.0.113.5]:4321" -> the role's host fields. */
export function mailEndpoint(ev: EventFields, role: 'init' | 'target', name: string | undefined, ip: string | undefined, port?: string): void {
  if (name !== undefined && name !== '' && name !== 'unknown' && name !== 'none') ev[`${role}.host.name`] = name.replace(/^\(|\)$/g, '');
  if (ip !== undefined && isIP(ip.replace(/^IPv6:/i, ''))) ev[`${role}.host.ip`] = ip.replace(/^IPv6:/i, '');
  if (port !== undefined && /^\d{1,5}$/.test(port)) ev[`${role}.host.port`] = Number(port);
}

/** Appends an address to a comma list field (data.mail.to can name several recipients). */
export function addAddress(ev: EventFields, field: string, addr: string): void {
  const a = addr.replace(/^<|>$/g, '');
  if (a === '') return;
  const prev = ev[field];
  if (typeof prev !== 'string' || prev === '') ev[field] = a;
  else if (!prev.split(',').includes(a)) ev[field] = `${prev},${a}`;
}

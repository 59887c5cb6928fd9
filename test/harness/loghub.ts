// Reading a normalized event the way loghub's *_structured.csv truth writes its columns (month name, day,
// hh:mm:ss in UTC), shared by the format-specific and the learned-layout (generic) loghub tests.
import type { EventFields } from '../../src/core/schema.ts';

export type Row = Record<string, string>;
export type Check = [truthColumn: string, actual: (ev: EventFields) => string | number | undefined];

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const iso = (ev: EventFields) => (typeof ev.ts === 'number' ? new Date(ev.ts).toISOString() : '');
export const hms = (ev: EventFields) => iso(ev).slice(11, 19);
export const mon = (ev: EventFields) => (typeof ev.ts === 'number' ? MON[new Date(ev.ts).getUTCMonth()] : undefined);
export const day = (ev: EventFields) => (typeof ev.ts === 'number' ? String(new Date(ev.ts).getUTCDate()) : undefined);

// A range table as a GeoLayer: its columns name the loc keys it fills (country_short, asn, org, ...).
// Each record's GeoInfo is built once (tables have few records: ~250 countries, ~90k ASNs), so a lookup
// allocates nothing; the resolver copies what it merges.
import type { GeoInfo, GeoLayer, LocKey } from './geoInfo.ts';
import { LOC_KEYS } from './geoInfo.ts';
import type { IpKey, RangeTable } from './rangeTable.ts';

export function tableLayer(id: string, title: string, table: RangeTable, builtin: boolean): GeoLayer {
  const cols = table.columns.map((c) => ((LOC_KEYS as readonly string[]).includes(c) ? (c as LocKey) : undefined));
  const keys = cols.filter((c): c is LocKey => c !== undefined);
  const infos = new Map<string[], GeoInfo>();
  const infoOf = (rec: string[]): GeoInfo => {
    let info = infos.get(rec);
    if (info === undefined) {
      info = {};
      for (let i = 0; i < cols.length; i++) {
        const k = cols[i];
        if (k !== undefined && rec[i] !== '') info[k] = rec[i];
      }
      infos.set(rec, info);
    }
    return info;
  };
  return {
    id, title, builtin, keys,
    lookup(key: IpKey): GeoInfo | undefined {
      const rec = table.lookup(key);
      return rec === undefined ? undefined : infoOf(rec);
    },
  };
}

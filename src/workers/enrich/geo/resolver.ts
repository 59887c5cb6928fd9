// Resolves an address through the layers in order (the user's data first, then the built-in tables):
// each loc key comes from the first layer that knows it. Special ranges get their label and only the
// user's layers (an analyst may name internal ranges); nothing here ever goes to the network.
// Callers cache per distinct address (the case index resolves each dictionary value once).
import { ipKey } from './rangeTable.ts';
import { countryName, specialLabelOf, type GeoInfo, type GeoLayer, type LocKey } from './geoInfo.ts';

export class GeoResolver {
  constructor(readonly layers: readonly GeoLayer[]) {}

  resolve(ip: string): GeoInfo | undefined {
    const key = ipKey(ip);
    if (key === undefined) return undefined;
    const label = specialLabelOf(key);
    // one object shape for every result: megamorphic spreads and for-in merges cost ~30x more
    const out: Required<{ [K in LocKey]: string | undefined }> = {
      label, country_short: undefined, country: undefined, city: undefined, geo_point: undefined, asn: undefined, org: undefined,
    };
    let found = label !== undefined;
    for (const layer of this.layers) {
      if (label !== undefined && layer.builtin) continue;
      const hit = layer.lookup(key);
      if (hit === undefined) continue;
      found = true;
      out.country_short ??= hit.country_short;
      out.country ??= hit.country;
      out.city ??= hit.city;
      out.geo_point ??= hit.geo_point;
      out.asn ??= hit.asn;
      out.org ??= hit.org;
    }
    if (!found) return undefined;
    if (out.country === undefined && out.country_short !== undefined) out.country = countryName(out.country_short);
    return out;
  }
}

// The providers' API keys: held in the engine worker's memory; in IndexedDB (catalog settings
// `ti.key.<id>`, never in a case, so never in a case's hand-over) only when the user ticks "remember on this
// device", and removed by "forget". A key is never returned to the UI, logged, exported or put in a URL.
import { deleteGlobalSetting, getGlobalSetting, setGlobalSetting } from '../../store/catalog.ts';

const settingOf = (providerId: string) => `ti.key.${providerId}`;

export class KeyRing {
  private readonly keys = new Map<string, string>();
  private readonly remembered = new Set<string>();
  private loaded: Promise<void> | undefined;

  constructor(private readonly providerIds: readonly string[], private readonly persist = true) {}

  load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.persist) return;
      for (const id of this.providerIds) {
        const k = await getGlobalSetting<string>(settingOf(id));
        if (typeof k === 'string' && k !== '') {
          this.keys.set(id, k);
          this.remembered.add(id);
        }
      }
    })();
    return this.loaded;
  }

  async set(providerId: string, key: string, remember: boolean): Promise<void> {
    const k = key.trim();
    if (k === '') return this.forget(providerId);
    this.keys.set(providerId, k);
    if (remember && this.persist) {
      await setGlobalSetting(settingOf(providerId), k);
      this.remembered.add(providerId);
    } else {
      // not remembered: whatever an earlier "remember" stored goes
      if (this.persist) await deleteGlobalSetting(settingOf(providerId));
      this.remembered.delete(providerId);
    }
  }

  async forget(providerId: string): Promise<void> {
    this.keys.delete(providerId);
    this.remembered.delete(providerId);
    if (this.persist) await deleteGlobalSetting(settingOf(providerId));
  }

  get(providerId: string): string | undefined {
    return this.keys.get(providerId);
  }

  isRemembered(providerId: string): boolean {
    return this.remembered.has(providerId);
  }
}

/** Replaces every occurrence of the key in a text (an error message) before it is shown or kept. */
export function withoutKey(text: string, key: string | undefined): string {
  return key === undefined || key.length < 4 ? text : text.split(key).join('[key]');
}

/**
 * The add-in's own storage on this computer, for what must never go into the workbook (the language model's
 * endpoint and API key): `OfficeRuntime.storage` when Office provides it (shared runtime), else the page's
 * localStorage (the add-in's origin), else memory for this session. A tiny async interface, so that the pane's
 * logic and its tests do not care which one it is.
 *
 * Nothing here writes to the document: not its settings, not its custom XML parts.
 */

/** Async key-value storage (the shape of OfficeRuntime.storage). */
export interface AddinStorage {
  /** where the values are kept, for the settings pane: 'office' (OfficeRuntime.storage), 'browser' (localStorage), 'memory' */
  readonly kind: 'office' | 'browser' | 'memory';
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** The synchronous Web Storage subset (window.localStorage, or a Map-backed fake). */
export interface SyncStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** OfficeRuntime.storage as an AddinStorage. */
export function officeRuntimeStorage(storage: OfficeRuntimeStorage): AddinStorage {
  return {
    kind: 'office',
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
  };
}

/** A Web Storage object (localStorage) as an AddinStorage. */
export function webStorage(storage: SyncStorage): AddinStorage {
  return {
    kind: 'browser',
    getItem: async (key) => storage.getItem(key),
    setItem: async (key, value) => storage.setItem(key, value),
    removeItem: async (key) => storage.removeItem(key),
  };
}

/** Values kept in memory only (tests; a browser that refuses storage): forgotten when the pane closes. */
export function memoryStorage(initial: Record<string, string> = {}): AddinStorage & { readonly values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    kind: 'memory',
    values,
    getItem: async (key) => values.get(key) ?? null,
    setItem: async (key, value) => {
      values.set(key, value);
    },
    removeItem: async (key) => {
      values.delete(key);
    },
  };
}

/**
 * The storage of this environment: OfficeRuntime.storage when present, else localStorage when it works (private
 * modes may refuse it), else memory.
 */
export function defaultAddinStorage(scope: unknown = globalThis): AddinStorage {
  const g = scope as { OfficeRuntime?: { storage?: OfficeRuntimeStorage }; localStorage?: SyncStorage };
  const office = g.OfficeRuntime?.storage;
  if (office && typeof office.getItem === 'function' && typeof office.setItem === 'function') return officeRuntimeStorage(office);
  try {
    const local = g.localStorage;
    if (local) {
      const probe = '__crossfoot_probe__';
      local.setItem(probe, '1');
      local.removeItem(probe);
      return webStorage(local);
    }
  } catch {
    /* storage refused: memory below */
  }
  return memoryStorage();
}

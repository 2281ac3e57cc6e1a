// The return desk's own setting: whether a return prints the Phiếu xác nhận trả kết quả. An
// administrator may set a Center-wide default as the catalogue 'setting' item `returnDesk`; a
// counter's choice in `db.settings` under the same key wins (as the receiving counter's config does).
import type { MotCuaDb } from '../db';

export interface ReturnDeskConfig {
  /** "In phiếu xác nhận khi trả kết quả": off unless the Center or the counter turns it on. */
  printConfirmation: boolean;
}

export const RETURN_DESK_CONFIG_KEY = 'returnDesk';

export const DEFAULT_RETURN_DESK_CONFIG: ReturnDeskConfig = { printConfirmation: false };

/** Later layers win, field by field; a field of the wrong type is ignored. */
export function mergeReturnDeskConfig(...layers: unknown[]): ReturnDeskConfig {
  const out: ReturnDeskConfig = { ...DEFAULT_RETURN_DESK_CONFIG };
  for (const layer of layers) {
    if (typeof layer !== 'object' || layer === null) continue;
    const value = (layer as Record<string, unknown>).printConfirmation;
    if (typeof value === 'boolean') out.printConfirmation = value;
  }
  return out;
}

export async function loadReturnDeskConfig(db: MotCuaDb): Promise<ReturnDeskConfig> {
  const [central, local] = await Promise.all([db.catalogue.get(`setting:${RETURN_DESK_CONFIG_KEY}`), db.settings.get(RETURN_DESK_CONFIG_KEY)]);
  return mergeReturnDeskConfig(central?.body, local?.value);
}

/** Saves this counter's choice; returns the configuration now in force. */
export async function saveReturnDeskConfig(db: MotCuaDb, patch: Partial<ReturnDeskConfig>): Promise<ReturnDeskConfig> {
  await db.transaction('rw', db.settings, async () => {
    const local = await db.settings.get(RETURN_DESK_CONFIG_KEY);
    const prior = typeof local?.value === 'object' && local.value !== null ? local.value : {};
    await db.settings.put({ key: RETURN_DESK_CONFIG_KEY, value: { ...prior, ...patch } });
  });
  return loadReturnDeskConfig(db);
}

import { z } from 'zod';
import { KEYS, readKey, type StorageArea } from './storage';

export const LanguageSetting = z.enum(['auto', 'fr', 'en']);
export type LanguageSetting = z.infer<typeof LanguageSetting>;

/**
 * The user's settings. Each field carries its own `.catch`, so a stored object with one bad field
 * keeps the good ones and repairs only that field; a stored value that is not an object at all
 * becomes the defaults.
 */
export const SettingsSchema = z
  .object({ language: LanguageSetting.catch('auto') })
  .catch(() => ({ language: 'auto' as const }));
export type Settings = z.infer<typeof SettingsSchema>;

export async function loadSettings(local: Pick<StorageArea, 'get'>): Promise<Settings> {
  return SettingsSchema.parse((await readKey(local, KEYS.settings)) ?? {});
}

/** Merges a change into the stored settings (repaired first), and returns what is now stored. */
export async function saveSettings(local: StorageArea, change: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings(local)), ...change });
  await local.set({ [KEYS.settings]: next });
  return next;
}

import { z } from 'zod';

export { LANGS, fill, langOf, type Lang } from './lang';

/** A user-facing string in French and English. */
export const Text = z.object({
  fr: z.string().min(1, 'French text is required'),
  en: z.string().min(1, 'English text is required'),
});
export type Text = z.infer<typeof Text>;

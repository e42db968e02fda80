/** The schema library's own messages (a pack or roster file that does not fit its schema) in the user's language. */
import { z } from 'zod';
import type { Lang } from '../domain/i18n';

export function useSchemaLanguage(lang: Lang): void {
  z.config(lang === 'vi' ? z.locales.vi() : z.locales.en());
}

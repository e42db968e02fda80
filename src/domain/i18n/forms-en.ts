import type { FormsCatalog } from './forms-vi';

/** English messages of the forms area. */
export const formsEn: FormsCatalog = {
  'forms.placeholder': '',
};

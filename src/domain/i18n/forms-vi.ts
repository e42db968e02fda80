/** Vietnamese messages of the forms area (part of the vi catalog). */
export const formsVi = {
  'forms.placeholder': '',
} as const;

type WidenForms<T> = T extends string ? string : T;
export type FormsCatalog = { readonly [K in keyof typeof formsVi]: WidenForms<(typeof formsVi)[K]> };

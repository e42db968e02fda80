/** Vietnamese messages of the pane area (part of the vi catalog). */
export const paneVi = {
  'pane.placeholder': '',
} as const;

type WidenPane<T> = T extends string ? string : T;
export type PaneCatalog = { readonly [K in keyof typeof paneVi]: WidenPane<(typeof paneVi)[K]> };

import type { PaneCatalog } from './pane-vi';

/** English messages of the pane area. */
export const paneEn: PaneCatalog = {
  'pane.placeholder': '',
};

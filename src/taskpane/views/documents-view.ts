/**
 * "Soạn văn bản": reports and letters drafted from the open workbook. Its card comes with the tools chunk, and its
 * working part (reading, drafting, the Word writer) is a chunk of its own loaded on the first click (documents-card.ts).
 */
import type { Lang } from '../../domain/i18n';
import { type ViewPart, type ViewSetup, lazyPart } from './view';

export function documentsView(lang: Lang, setup: ViewSetup): ViewPart {
  return lazyPart(lang, (tools) => {
    const made = tools.documentsCard(lang, setup.documents);
    return { nodes: [made.el], update: (state) => made.update(state) };
  });
}

/** The roster given with --roster (tab-separated text), or the bundled one. */
import path from 'node:path';
import type { Lang } from '../domain/i18n';
import { t } from '../domain/i18n';
import { parseRosterTsv, type Roster } from '../domain/roster';
import { UsageError } from './args';
import { readRegularFile } from './inputs';

export async function readRosterFile(file: string, lang: Lang): Promise<Roster> {
  const read = await readRegularFile(file, lang);
  if (!read.ok) throw new UsageError(t(lang, 'cli.consolidate.rosterUnreadable', { file }));
  const text = new TextDecoder('utf-8').decode(read.bytes);
  const loaded = parseRosterTsv(text, { id: path.basename(file), title: 'Danh sách đơn vị' });
  if (!loaded.ok) throw new UsageError(t(lang, 'cli.consolidate.rosterInvalid', { file, errors: loaded.errors.map((e) => `  ${e}`).join('\n') }));
  return loaded.value;
}

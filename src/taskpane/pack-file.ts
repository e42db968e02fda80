/**
 * A form pack picked by the user, read with its schema. The schema library is a chunk of its own, loaded only here:
 * the bundled pack is typed data (checked by the tests), so a user who never picks a pack file never downloads it.
 */
import type { FormPack } from '../domain/form-pack';
import type { Loaded } from '../domain/schema-errors';

export async function parseFormPackJson(text: string): Promise<Loaded<FormPack>> {
  const schema = await import(/* webpackChunkName: "pack-schema" */ '../domain/form-pack-schema');
  return schema.parseFormPackJson(text);
}

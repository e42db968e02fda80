/** The form pack bundled with the product (a reference pack, domain.md §5), validated when first used. */
import formsJson from './forms-reference-2025.json';
import { loadFormPack, type FormPack } from '../domain/form-pack';

let forms: FormPack | undefined;

export function defaultFormPack(): FormPack {
  if (forms === undefined) {
    const loaded = loadFormPack(formsJson);
    if (!loaded.ok) throw new Error(`Gói biểu mẫu đi kèm không hợp lệ:\n${loaded.errors.join('\n')}`);
    forms = loaded.value;
  }
  return forms;
}

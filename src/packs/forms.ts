/**
 * The form pack bundled with the product (a reference pack, domain.md §5), as typed data: checked against its schema
 * by the tests (test/packs/bundled-packs.test.ts), not when the pane starts.
 */
import formsJson from './forms-reference-2025.json';
import type { FormPack } from '../domain/form-pack';

export function defaultFormPack(): FormPack {
  return formsJson as FormPack;
}

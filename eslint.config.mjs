// Lint rules: TypeScript's recommended set plus the project's architecture (arrows point down only).
import tseslint from 'typescript-eslint';

const layer = (from, forbidden, message) => ({
  files: [`${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'test-results/**', '**/*.cjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer('src/domain', ['**/workbook/**', '**/app/**', '**/hosts/**', '**/taskpane/**', '**/cli/**', 'exceljs'], 'domain imports only domain modules and data'),
  layer('src/workbook', ['**/app/**', '**/hosts/**', '**/taskpane/**', '**/cli/**', 'exceljs'], 'layouts do not know hosts or UI'),
  layer('src/app', ['**/hosts/**', '**/taskpane/**', '**/cli/**', 'exceljs'], 'use cases take a host, they do not import one'),
  layer('src/taskpane', ['exceljs', '**/hosts/xlsx/**'], 'the pane loads file-reading code lazily, never at start-up'),
);

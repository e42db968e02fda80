/**
 * The pane starts with the Vietnamese catalog minus the parts only some chunks load (tools' messages: findings, forms,
 * files; the command line's: its own lines, plan import, reports). Here, every module the pane loads at start (the
 * static imports from src/taskpane/index.ts, not the dynamic ones) is read, and none may ask for a message of those
 * parts: it would show the key instead of a text.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vi } from '../../src/domain/i18n/vi';
import { cliVi } from '../../src/domain/i18n/cli-vi';
import { planImportVi } from '../../src/domain/i18n/plan-import-vi';
import { reportVi } from '../../src/domain/i18n/report-vi';
import { validationVi } from '../../src/domain/i18n/validation-vi';
import { formsVi } from '../../src/domain/i18n/forms-vi';
import { filesVi } from '../../src/domain/i18n/files-vi';
import { documentsVi } from '../../src/domain/i18n/documents-vi';
import { planPaneVi } from '../../src/domain/i18n/plan-pane-vi';
import { firstRunVi } from '../../src/domain/i18n/first-run-vi';
import { paneToolsVi } from '../../src/domain/i18n/pane-tools-vi';

const root = path.resolve(__dirname, '..', '..');

/** The modules loaded at start from `entry`: static `import … from` and `export … from`, not `import type`. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm)) {
      const base = path.resolve(path.dirname(file), m[1]!);
      const next = [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => existsSync(f) && f.endsWith('.ts'));
      if (next) visit(next);
    }
  };
  visit(entry);
  return [...seen];
}

const lazyKeys = [cliVi, planImportVi, reportVi, validationVi, formsVi, filesVi, documentsVi, planPaneVi, firstRunVi, paneToolsVi].flatMap((part) => Object.keys(part));
const startKeys = new Set(Object.keys(vi));
/** A key's prefix up to its last dot ("forms.question."), for keys asked for with a template literal. */
const prefixes = [...new Set(lazyKeys.map((k) => k.slice(0, k.lastIndexOf('.') + 1)))].filter(
  (p) => p !== '' && ![...startKeys].some((k) => k.startsWith(p)),
);

describe('messages at the pane start', () => {
  // The pane, and the ribbon command's page (which starts with the same catalog).
  const files = [...new Set([...staticGraph(path.join(root, 'src', 'taskpane', 'index.ts')), ...staticGraph(path.join(root, 'src', 'commands', 'commands.ts'))])];

  it('follows the pane start through its modules', () => {
    expect(files.some((f) => f.endsWith(path.join('src', 'app', 'insert-tracker.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('src', 'taskpane', 'tools.ts')))).toBe(false);
  });

  it('asks for no message that only a lazily loaded part holds', () => {
    expect(lazyAsked(files)).toEqual([]);
  });

  it('would notice one: the tools chunk asks for the forms messages it loads', () => {
    expect(lazyAsked(staticGraph(path.join(root, 'src', 'taskpane', 'tools.ts')))).toEqual(
      expect.arrayContaining([expect.stringContaining('forms.question.agency')]),
    );
  });
});

/** Where `files` ask for a message of a lazily loaded part. */
function lazyAsked(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"`]([a-zA-Z]+\.[\w.-]+)['"`$]/g)) {
      const key = m[1]!;
      if (lazyKeys.includes(key) && !startKeys.has(key)) found.push(`${path.relative(root, file)}: ${key}`);
    }
    for (const m of text.matchAll(/`([a-zA-Z]+\.[\w.-]*\.)\$\{/g)) {
      if (prefixes.includes(m[1]!)) found.push(`${path.relative(root, file)}: ${m[1]}…`);
    }
  }
  return found;
}

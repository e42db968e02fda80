/**
 * Where the pane runs: the only module of the pane that touches the `Office` global (start-up, host, theme).
 * Everything it reports is plain data; nothing here throws, whatever page it is loaded in.
 */
import { detectExcelFeatures } from '../hosts/excel/features';
import type { OfficeThemeColours } from './theme';

export type OfficeStart =
  | { readonly kind: 'excel'; readonly canInsert: boolean }
  | { readonly kind: 'outside' }
  | { readonly kind: 'other-host'; readonly host: string }
  | { readonly kind: 'no-office' };

function office(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** Waits for Office.onReady (at most `timeoutMs`; a page outside Office normally answers at once with host null). */
export async function startOffice(timeoutMs = 20_000): Promise<OfficeStart> {
  const o = office();
  if (!o || typeof o.onReady !== 'function') return { kind: 'no-office' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      o.onReady(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    if (info === null || info.host === null || info.host === undefined) return { kind: 'outside' };
    if (info.host !== o.HostType.Excel) return { kind: 'other-host', host: String(info.host) };
    // ExcelApi 1.8 (data validation) is the newest set the tracker needs; see manifest.xml.
    return { kind: 'excel', canInsert: detectExcelFeatures().dataValidation };
  } catch {
    return { kind: 'outside' };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Office's theme colours where the host reports them (desktop Excel); null on the web and outside Office. */
export function officeTheme(): OfficeThemeColours | null {
  try {
    const theme = office()?.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
    if (!theme) return null;
    return {
      bodyBackgroundColor: theme.bodyBackgroundColor,
      bodyForegroundColor: theme.bodyForegroundColor,
      controlBackgroundColor: theme.controlBackgroundColor,
      controlForegroundColor: theme.controlForegroundColor,
      isDarkTheme: theme.isDarkTheme,
    };
  } catch {
    return null;
  }
}

/** Calls `onChange` when the Office theme changes, on hosts that report it; does nothing elsewhere. */
export function onOfficeThemeChanged(onChange: () => void): void {
  try {
    const o = office();
    const doc = o?.context?.document as { addHandlerAsync?: (type: unknown, handler: () => void, cb?: () => void) => void } | undefined;
    const type = (o?.EventType as Record<string, unknown> | undefined)?.['OfficeThemeChanged'];
    if (doc?.addHandlerAsync && type !== undefined) doc.addHandlerAsync(type, onChange, () => undefined);
  } catch {
    // Not offered by this host: the theme read at start-up stays.
  }
}

/** Plain-text tables for the terminal. Widths count characters (Vietnamese text is NFC, one code point each). */
export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

function fit(text: string, width: number, align: 'left' | 'right'): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  const cut = chars.length > width ? [...chars.slice(0, Math.max(0, width - 1)), '…'] : chars;
  const pad = ' '.repeat(Math.max(0, width - cut.length));
  return align === 'right' ? pad + cut.join('') : cut.join('') + pad;
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    columns.map((c, i) => fit(cells[i] ?? '', c.width, c.align ?? 'left')).join('  ').trimEnd();
  const rule = columns.map((c) => '─'.repeat(c.width)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n');
}

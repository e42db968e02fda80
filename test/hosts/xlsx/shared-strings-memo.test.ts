/**
 * Long shared-string items (the plan's JSON text every tracker carries) are remembered across files by their bytes:
 * the same bytes give the same text without decoding them again, and other bytes of the same length their own text.
 */
import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../src/hosts/xlsx/xlsx-parts';

const encoder = new TextEncoder();
const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
function table(items: readonly string[]): SharedStrings {
  const body = items.map((t) => `<si><t xml:space="preserve">${xmlEscape(t)}</t></si>`).join('');
  return new SharedStrings(encoder.encode(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${body}</sst>`));
}

describe('long shared-string items', () => {
  it('give each file its own text, the same text read once for the batch', () => {
    const plan = JSON.stringify({ title: 'Kế hoạch "công tác" văn thư', tasks: Array.from({ length: 200 }, (_, i) => ({ id: `T${i}`, content: `Nhiệm vụ số ${i} & "trích dẫn"` })) });
    const other = plan.replace('T199', 'T198');
    expect(other.length).toBe(plan.length);
    expect(table(['nhãn', plan]).get(1)).toBe(plan);
    expect(table([plan, 'nhãn']).get(0)).toBe(plan);
    expect(table([other]).get(0)).toBe(other);
    expect(table(['x', plan, other]).get(2)).toBe(other);
    expect(table(['x', plan, other]).get(1)).toBe(plan);
  });
});

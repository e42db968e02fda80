/** The helpers the LibreOffice checks rely on: CSV parsing, PNG decoding, colour bands, PDF page sizes. */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bands, crc32, decodePng, matchColour, parseCsv, pdfMediaBoxes } from './lo';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = '\ufeffTT,Nội dung,"Ghi chú"\n1,"Lập, trình ""Đề án""","dòng 1\ndòng 2"\r\n2,,\n';
    expect(parseCsv(text)).toEqual([
      ['TT', 'Nội dung', 'Ghi chú'],
      ['1', 'Lập, trình "Đề án"', 'dòng 1\ndòng 2'],
      ['2', '', ''],
    ]);
  });

  it('keeps a last line without a line break, and an empty quoted field', () => {
    expect(parseCsv('a,""\nb,c')).toEqual([['a', ''], ['b', 'c']]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted/);
  });
});

// A minimal encoder, to check the decoder on every filter type.
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function encodePng(width: number, height: number, channels: 1 | 2 | 3 | 4, pixels: Uint8Array, filterOf: (y: number) => number): Buffer {
  const colourType = { 1: 0, 2: 4, 3: 2, 4: 6 }[channels];
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = filterOf(y);
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const at = (yy: number, xx: number) => (yy < 0 || xx < 0 ? 0 : (pixels[yy * stride + xx] ?? 0));
      const a = at(y, x - channels);
      const b = at(y - 1, x);
      const c = at(y - 1, x - channels);
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      raw[y * (stride + 1) + 1 + x] = ((pixels[y * stride + x] ?? 0) - predicted) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colourType, 0, 0, 0], 8);
  const compressed = deflateSync(raw);
  // Split the data over two IDAT chunks, as encoders may.
  const half = Math.floor(compressed.length / 2);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', compressed.subarray(0, half)),
    chunk('IDAT', compressed.subarray(half)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1_103_515_245 + 12_345) >>> 0;
    out[i] = (s >>> 16) & 0xff;
  }
  return out;
}

describe('decodePng', () => {
  it.each([1, 2, 3, 4] as const)('round-trips %i-channel images through filter types 0–4', (channels) => {
    const width = 7;
    const height = 10;
    const pixels = noise(width * height * channels, channels);
    const image = decodePng(encodePng(width, height, channels, pixels, (y) => y % 5));
    expect([image.width, image.height]).toEqual([width, height]);
    for (let i = 0; i < width * height; i++) {
      const p = (k: number) => pixels[i * channels + k] ?? -1;
      const expected =
        channels === 1 ? [p(0), p(0), p(0), 255]
        : channels === 2 ? [p(0), p(0), p(0), p(1)]
        : channels === 3 ? [p(0), p(1), p(2), 255]
        : [p(0), p(1), p(2), p(3)];
      expect([...image.rgba.subarray(i * 4, i * 4 + 4)]).toEqual(expected);
    }
  });

  it('refuses a corrupted chunk and a non-PNG', () => {
    const png = encodePng(2, 2, 3, noise(12, 9), () => 0);
    const bad = Buffer.from(png);
    bad[20] = (bad[20] ?? 0) ^ 0xff; // inside IHDR
    expect(() => decodePng(bad)).toThrow(/CRC/);
    expect(() => decodePng(new TextEncoder().encode('%PDF-1.6'))).toThrow(/not a PNG/);
  });
});

describe('colour bands', () => {
  it('finds rows of a colour within a tolerance', () => {
    const width = 10;
    const height = 6;
    const pixels = new Uint8Array(width * height * 3).fill(255);
    for (const y of [1, 2, 4]) {
      for (let x = 0; x < width; x++) pixels.set([253 - (x % 2), 231, 233 + (x % 3)], (y * width + x) * 3);
    }
    const image = decodePng(encodePng(width, height, 3, pixels, () => 4));
    const m = matchColour(image, '#FDE7E9', 2);
    expect(m.count).toBe(30);
    expect(bands(m, 5)).toEqual([{ top: 1, bottom: 2, widest: 10 }, { top: 4, bottom: 4, widest: 10 }]);
    expect(matchColour(image, '#FDE7E9', 0).count).toBeLessThan(30);
  });
});

describe('pdfMediaBoxes', () => {
  it('reads every page box', () => {
    const pdf = new TextEncoder().encode('1 0 obj<</Type/Page/MediaBox[0 0 841.889763779528 595.303937007874]>>\n2 0 obj<</MediaBox [ 0 0 595 842 ]>>');
    expect(pdfMediaBoxes(pdf)).toEqual([{ width: 841.889763779528, height: 595.303937007874 }, { width: 595, height: 842 }]);
  });
});

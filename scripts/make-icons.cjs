#!/usr/bin/env node
// Draws the add-in's icons and writes them to assets/ as PNG files.
//
//   node scripts/make-icons.cjs
//
// Glyphs in Office blue (and white) on a transparent background:
//   icon-N.png     an archive box (lid and body) with a check mark: the add-in itself and the ribbon group;
//   refresh-N.png  a clock inside a circular arrow: the "Làm mới hạn" (refresh due dates) button;
//   <view>-N.png   one per view button of the ribbon (tracker, forms, check, consolidate, documents), drawn in
//                  view-glyphs.cjs.
// Shapes are described by signed distance functions on a 16-unit grid and scaled to each size, so every size is
// drawn from the same geometry with anti-aliased edges. The PNG encoder is below (RGBA, 8 bits, zlib from Node).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { viewGlyphs } = require('./view-glyphs.cjs');

const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// Filters one scanline with each of the five PNG filters and keeps the one with the smallest sum of absolute
// (signed) byte values, the usual heuristic for good compression.
function filterRow(row, prev, bpp) {
  let best = null;
  let bestScore = Infinity;
  for (let type = 0; type <= 4; type++) {
    const out = Buffer.alloc(row.length + 1);
    out[0] = type;
    let score = 0;
    for (let i = 0; i < row.length; i++) {
      const a = i >= bpp ? row[i - bpp] : 0;
      const b = prev ? prev[i] : 0;
      const c = prev && i >= bpp ? prev[i - bpp] : 0;
      const predictor = type === 0 ? 0 : type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : paeth(a, b, c);
      const v = (row[i] - predictor) & 0xff;
      out[i + 1] = v;
      score += v < 128 ? v : 256 - v;
    }
    if (score < bestScore) {
      bestScore = score;
      best = out;
    }
  }
  return best;
}

/** Encodes straight-alpha RGBA pixels (width × height × 4 bytes, rows top to bottom) as a PNG file. */
function encodePng(width, height, rgba) {
  const stride = width * 4;
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : null;
    rows.push(filterRow(row, prev, 4));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry: signed distances (negative inside), in grid units

function sdRoundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** A stroked polyline with round caps and joins. */
function sdPolyline(x, y, points, width) {
  let d = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    d = Math.min(d, distToSegment(x, y, ax, ay, bx, by));
  }
  return d - width / 2;
}

/** A filled polygon (any simple polygon; vertices in order). */
function sdPolygon(x, y, points) {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    d = Math.min(d, distToSegment(x, y, xj, yj, xi, yi));
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? -d : d;
}

/** A stroked circular arc from angle `from` clockwise (y points down) through `sweep` radians, round caps. */
function sdArc(x, y, cx, cy, radius, from, sweep, width) {
  const px = x - cx;
  const py = y - cy;
  let rel = Math.atan2(py, px) - from;
  rel = ((rel % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  if (rel <= sweep) return Math.abs(Math.hypot(px, py) - radius) - width / 2;
  const end = from + sweep;
  const d0 = Math.hypot(px - radius * Math.cos(from), py - radius * Math.sin(from));
  const d1 = Math.hypot(px - radius * Math.cos(end), py - radius * Math.sin(end));
  return Math.min(d0, d1) - width / 2;
}

// ---------------------------------------------------------------------------------------------------------------
// The glyphs: each is a list of layers, painted bottom to top; a layer is a colour and a distance function.

const archiveBox = [
  {
    color: BLUE,
    sd: (x, y) =>
      Math.min(
        sdRoundRect(x, y, 1, 2, 15, 5, 1), // lid
        sdRoundRect(x, y, 2, 6, 14, 14, 1.25), // body
      ),
  },
  {
    color: WHITE,
    sd: (x, y) =>
      sdPolyline(
        x,
        y,
        [
          [5.25, 10],
          [7.25, 12],
          [10.75, 8.5],
        ],
        1.6,
      ),
  },
];

const refreshArrow = (() => {
  const cx = 8;
  const cy = 8.5;
  const radius = 5.5;
  const stroke = 1.6;
  const gapCentre = -Math.PI / 3; // upper right
  const gap = (75 * Math.PI) / 180;
  const from = gapCentre + gap / 2;
  const sweep = 2 * Math.PI - gap;
  const end = from + sweep;
  // Arrowhead at the end of the arc, pointing on round the circle (clockwise).
  const ex = cx + radius * Math.cos(end);
  const ey = cy + radius * Math.sin(end);
  const tx = -Math.sin(end);
  const ty = Math.cos(end);
  const rx = Math.cos(end);
  const ry = Math.sin(end);
  const half = 2.4;
  const length = 3;
  const head = [
    [ex + rx * half - tx * 0.4, ey + ry * half - ty * 0.4],
    [ex + tx * length, ey + ty * length],
    [ex - rx * half - tx * 0.4, ey - ry * half - ty * 0.4],
  ];
  return [
    {
      color: BLUE,
      sd: (x, y) =>
        Math.min(
          sdArc(x, y, cx, cy, radius, from, sweep, stroke),
          sdPolygon(x, y, head),
          // clock hands: to twelve and to three
          sdPolyline(
            x,
            y,
            [
              [cx, cy - 3],
              [cx, cy],
              [cx + 2.25, cy],
            ],
            1.4,
          ),
        ),
    },
  ];
})();

/** Renders layers at `size` × `size` pixels; returns straight-alpha RGBA bytes. */
function render(layers, size) {
  const scale = size / 16; // pixels per grid unit
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // pixel centre, in grid units
      const gx = (px + 0.5) / scale;
      const gy = (py + 0.5) / scale;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0; // premultiplied while compositing
      for (const layer of layers) {
        const distancePx = layer.sd(gx, gy) * scale;
        const coverage = Math.max(0, Math.min(1, 0.5 - distancePx));
        if (coverage === 0) continue;
        r = layer.color[0] * coverage + r * (1 - coverage);
        g = layer.color[1] * coverage + g * (1 - coverage);
        b = layer.color[2] * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const o = (py * size + px) * 4;
      const alpha = Math.round(a * 255);
      if (alpha === 0) continue; // fully transparent pixels stay 0,0,0,0
      rgba[o] = Math.round(r / a);
      rgba[o + 1] = Math.round(g / a);
      rgba[o + 2] = Math.round(b / a);
      rgba[o + 3] = alpha;
    }
  }
  return rgba;
}

/** The ribbon's sizes (manifest <bt:Image size="16|32|80">). */
const RIBBON_SIZES = [16, 32, 80];
const views = viewGlyphs({ BLUE, WHITE, sdRoundRect, sdPolyline, sdPolygon, sdArc });

const ICONS = [
  { name: 'icon', layers: archiveBox, sizes: [16, 32, 64, 80, 128] },
  { name: 'refresh', layers: refreshArrow, sizes: RIBBON_SIZES },
  ...Object.entries(views).map(([name, layers]) => ({ name, layers, sizes: RIBBON_SIZES })),
];

function main() {
  const outDir = path.resolve(__dirname, '..', 'assets');
  fs.mkdirSync(outDir, { recursive: true });
  for (const icon of ICONS) {
    for (const size of icon.sizes) {
      const file = path.join(outDir, `${icon.name}-${size}.png`);
      const png = encodePng(size, size, render(icon.layers, size));
      fs.writeFileSync(file, png);
      console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} B`);
    }
  }
}

module.exports = { crc32, encodePng, render, ICONS };

if (require.main === module) main();

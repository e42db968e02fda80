// The glyphs of the ribbon's view buttons (one pane, one view each: see manifest.xml), drawn by make-icons.cjs on its
// 16-unit grid with its shape functions. Each glyph is a list of layers painted bottom to top, a layer being a colour
// and a signed distance (negative inside). Kept to a few bold shapes with strokes of 1.4 units or more, so that each
// reads at 16 px:
//   tracker      a clipboard with three ticked rows   "Theo dõi nhiệm vụ"
//   forms        a table: a header row over a 2 × 2 grid "Biểu báo cáo"
//   check        a magnifying glass over a tick       "Kiểm tra"
//   consolidate  a sigma (Σ), the sum                  "Tổng hợp"
//   documents    a page with a folded corner and lines "Soạn văn bản"
'use strict';

/** The glyphs, given make-icons.cjs's colours and shape functions. */
function viewGlyphs({ BLUE, WHITE, sdRoundRect, sdPolyline, sdPolygon, sdArc }) {
  const rows = [6.75, 9.75, 12.75];
  const tracker = [
    {
      color: BLUE,
      sd: (x, y) => Math.min(sdRoundRect(x, y, 2.5, 2.5, 13.5, 15, 1.25), sdRoundRect(x, y, 5.5, 1, 10.5, 4.25, 0.75)),
    },
    {
      color: WHITE,
      sd: (x, y) =>
        Math.min(
          ...rows.map((r) => sdRoundRect(x, y, 4.25, r - 0.9, 6.05, r + 0.9, 0.3)),
          ...rows.map((r) => sdPolyline(x, y, [[7.5, r], [11.75, r]], 1.4)),
        ),
    },
  ];

  const forms = [
    { color: BLUE, sd: (x, y) => sdRoundRect(x, y, 1.5, 1.5, 14.5, 14.5, 1.25) },
    {
      color: WHITE,
      sd: (x, y) =>
        Math.min(
          sdRoundRect(x, y, 3, 6, 7.4, 8.9, 0.3),
          sdRoundRect(x, y, 8.6, 6, 13, 8.9, 0.3),
          sdRoundRect(x, y, 3, 10.1, 7.4, 13, 0.3),
          sdRoundRect(x, y, 8.6, 10.1, 13, 13, 0.3),
        ),
    },
  ];

  const check = [
    {
      color: BLUE,
      sd: (x, y) =>
        Math.min(
          sdArc(x, y, 6.5, 6.5, 4.4, 0, 2 * Math.PI, 1.8),
          sdPolyline(x, y, [[9.9, 9.9], [14, 14]], 2.6),
          sdPolyline(x, y, [[4.5, 6.7], [6, 8.2], [8.6, 5.3]], 1.4),
        ),
    },
  ];

  const consolidate = [
    {
      color: BLUE,
      sd: (x, y) =>
        sdPolyline(
          x,
          y,
          [
            [12.5, 4.25],
            [12.5, 2.5],
            [3.75, 2.5],
            [8.75, 8],
            [3.75, 13.5],
            [12.5, 13.5],
            [12.5, 11.75],
          ],
          2,
        ),
    },
  ];

  const page = [
    [3, 1.25],
    [9.75, 1.25],
    [13, 4.5],
    [13, 14.75],
    [3, 14.75],
  ];
  const documents = [
    { color: BLUE, sd: (x, y) => sdPolygon(x, y, page) },
    {
      color: WHITE,
      // The fold's crease and the lines, kept inside the page (no white outside it on a dark ribbon).
      sd: (x, y) =>
        Math.max(
          sdPolygon(x, y, page),
          Math.min(
            sdPolyline(x, y, [[9.5, 1.25], [9.5, 4.75], [13, 4.75]], 1),
            ...[7.5, 10, 12.5].map((r) => sdPolyline(x, y, [[5, r], [11, r]], 1.4)),
          ),
        ),
    },
  ];

  return { tracker, forms, check, consolidate, documents };
}

module.exports = { viewGlyphs };

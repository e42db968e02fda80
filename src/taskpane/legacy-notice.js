/*
 * The old-browser notice of taskpane.html, as a file of the add-in's origin (the page's Content-Security-Policy allows
 * no inline script). It must run where the pane cannot: the Internet Explorer web view of Excel 2016/2019 on Windows
 * and the EdgeHTML one, so it is plain ECMAScript 3 (var, function, no modules) and is not part of the TypeScript
 * bundle; the build copies it to dist/ under a name carrying its content hash.
 *
 * The pane's bundle is ES2020 (optional chaining, ??). Without eval (refused by the policy) its syntax cannot be
 * tried, so a library feature that every engine shipped after that syntax stands in: String.prototype.replaceAll
 * (Chromium 85, Safari 13.1, Firefox 77; optional chaining and ?? came in Chromium 80, Safari 13.1, Firefox 74).
 * An engine without it is too old: the notice replaces "Đang tải…". A modern engine leaves the page alone.
 */
(function () {
  if (typeof String.prototype.replaceAll === 'function') return;
  var root = document.getElementById('app');
  if (!root) return;
  root.innerHTML =
    '<p><b>Phi\u00ean b\u1ea3n Excel n\u00e0y kh\u00f4ng ch\u1ea1y \u0111\u01b0\u1ee3c b\u1ed5 tr\u1ee3.</b> ' +
    'Tr\u00ecnh duy\u1ec7t nh\u00fang c\u1ee7a Excel qu\u00e1 c\u0169. ' +
    'H\u00e3y d\u00f9ng Microsoft 365, Excel 2021 tr\u1edf l\u00ean ho\u1eb7c Excel tr\u00ean web.</p>' +
    '<p lang="en">This version of Excel cannot run the add-in: use Microsoft 365, Excel 2021 or later, or Excel on the web.</p>';
  root.setAttribute('data-legacy-notice', 'true');
})();

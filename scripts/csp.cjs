// The Content-Security-Policy of the add-in's pages (taskpane.html, commands.html), written into each page as
// <meta http-equiv="Content-Security-Policy"> by webpack.config.js. One place for the policy; the tests read it from
// here and from the built pages.
//
// What Office.js needs, by Microsoft's documentation ("Referencing the Office JavaScript API library",
// https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn):
//   "The simplest way to reference the library is to use the content delivery network (CDN) by adding the following
//    <script> tag within the <head> section of your HTML page.
//    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js" type="text/javascript"></script>
//    This will download and cache the Office JavaScript API files the first time your add-in loads to make sure that
//    it is using the most up-to-date implementation of Office.js and its associated files for the specified version."
// So scripts may come from that CDN folder (office.js loads its host files, e.g. excel-win32-16.01.js, and the
// strings of the display language from beside itself). Nothing else is widened: Microsoft documents no other origin,
// no inline script and no eval for Office.js (its docs repository still has the request open:
// OfficeDev/office-js-docs-pr#721 "Document required CSP values"). Observed, not documented, and left blocked:
//   - Office.js's optional telemetry uploads (they fail quietly; the add-in does not depend on them);
//   - on an Office Online Server whose address is not on Office.js's list of Microsoft hosts, Office.js asks the user
//     to trust the host in a frame from the CDN ("AgaveErrorUX"); such a deployment adds
//     `frame-src https://appsforoffice.microsoft.com` (see README, deployment).
// Styles are files of the add-in's own origin (the pane's sheet is emitted and linked by the build); setting a style
// property from script (element.style, CSSOM) is not governed by style-src, so Office.js and the theme code work.
//
// Development (npm start, webpack serve): the same policy plus the dev server's live-reload socket in connect-src.
// Source maps are files (devtool 'source-map'), so no 'unsafe-eval' is needed there either.
'use strict';

/** Where Office.js and its associated files are served from (the documented CDN folder). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

/**
 * The policy's directives, in order. options.devServer: the development server's address (https://host:port/);
 * its websocket (wss://host:port) is then allowed for live reload.
 */
function directives(options = {}) {
  const connect = ["'self'"];
  if (options.devServer) {
    const url = new URL(options.devServer);
    connect.push(`wss://${url.host}`);
  }
  return [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'", OFFICE_JS_CDN]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['connect-src', connect],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
}

/** The policy as the text of a Content-Security-Policy header or meta element. */
function contentSecurityPolicy(options = {}) {
  return directives(options)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The meta element carrying the policy (its text has no quote or markup character that needs escaping but "'"). */
function cspMetaTag(options = {}) {
  const policy = contentSecurityPolicy(options).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}

module.exports = { OFFICE_JS_CDN, directives, contentSecurityPolicy, cspMetaTag };

/* eslint-disable */
// Webpack loader for the pane's style sheet in production builds: drops comments and needless white space (the sheet is
// part of the first load). Strings in the sheet (font names, attribute values) hold no "/*", braces or semicolons.
module.exports = function minifyCss(source) {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
};

/* eslint-disable */
// Three builds: the task pane (browser, loaded inside Excel), the vtlt command (Node) and the benchmark (Node).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const csp = require('./scripts/csp.cjs');
const deploy = require('./scripts/deploy-build.cjs');
const { version } = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
/**
 * Packages bundled into the command rather than required from node_modules at start: ExcelJS as a small loader that
 * requires it on first use (src/cli/lazy-exceljs.ts), zod whole (one file loads several times faster than its many).
 */
const BUNDLED_IN_CLI = new Set(['exceljs', 'zod']);

/**
 * Where a production build is served: `npm run build -- --env publicUrl=https://host/path/` (or VTLT_PUBLIC_URL);
 * https only, "/" added when missing. Without one the build is for the development address, and says so.
 * Run from webpack-cli, a bad address ends the process with the message alone (no stack trace).
 */
function publicUrlOf(env, argv, production) {
  const raw = (env && env.publicUrl) || process.env.VTLT_PUBLIC_URL;
  const publicUrl = raw === undefined || raw === '' ? DEV_URL : userInput(argv, () => deploy.resolvePublicUrl(raw));
  const names = argv && argv.configName;
  if (production && (!names || names.includes('taskpane'))) {
    for (const line of deploy.buildNotice(publicUrl, publicUrl !== DEV_URL || Boolean(raw))) console.warn(line);
  }
  return publicUrl;
}

const LEGACY_NOTICE = 'src/taskpane/legacy-notice.js';
/**
 * The old-browser notice's name in dist/, with its content hash (Office caches add-in files hard): a plain ES3 file
 * copied as it is, out of the TypeScript bundle, so that the oldest web views can run it (see the file).
 */
function legacyNoticeName() {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(path.resolve(__dirname, LEGACY_NOTICE))).digest('hex');
  return `legacy-notice.${hash.slice(0, 8)}.js`;
}

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    // No trusted development certificate could be made (e.g. Linux without a system store):
    // fall back to a self-signed certificate; the browser must accept it once (see README).
    return undefined;
  }
}

const tsRule = (target) => ({
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.json'), compilerOptions: { noEmit: false, sourceMap: true, target } } },
});

/** fn(), except that from webpack-cli a mistake of the user's ends the process with its message alone. */
function userInput(argv, fn) {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof deploy.DeployError) || !(argv && argv.env)) throw e;
    console.error(`✗ ${e.message}`);
    process.exit(2);
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const publicUrl = publicUrlOf(env, argv, !dev);
  const manifestVersion = userInput(argv, () => deploy.manifestVersion(version));
  // A certificate Office trusts, from office-addin-dev-certs, on the systems with desktop Excel (npm start there runs
  // this server); elsewhere webpack-dev-server's self-signed one, accepted once in the browser (see README).
  const trusted = env.WEBPACK_SERVE && (process.platform === 'win32' || process.platform === 'darwin');
  const https = trusted ? await httpsOptions() : undefined;
  // The pages' Content-Security-Policy (scripts/csp.cjs); the development one also allows the live-reload socket.
  const cspMeta = csp.cspMetaTag(dev ? { devServer: DEV_URL } : {});
  const legacyNotice = legacyNoticeName();
  const taskpane = {
    name: 'taskpane',
    target: ['web', 'es2020'],
    // Source maps as files in both modes: the pages' policy allows no eval (scripts/csp.cjs).
    devtool: 'source-map',
    entry: {
      // boot.css first: the page's plain style before the pane's sheet (imported by index.ts) refines it.
      taskpane: ['./src/taskpane/boot.css', './src/taskpane/index.ts'],
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Office caches add-in files hard: a new build gets new file names; the HTML pages reference them.
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      cssFilename: '[name].[contenthash:8].css',
      cssChunkFilename: 'chunks/[name].[contenthash:8].css',
      clean: true,
    },
    // Style sheets are emitted as files and linked from the page (html-webpack-plugin adds the <link>), never put in a
    // <style> element: the pages' policy has style-src 'self' without 'unsafe-inline'.
    experiments: { css: true },
    // zod with its eval probe off (src/taskpane/zod-jitless.ts): the pages' policy would report the probe.
    resolve: { extensions: ['.ts', '.js'], alias: { zod$: path.resolve(__dirname, 'src/taskpane/zod-jitless.ts') } },
    module: {
      // The pane runs in the web views Office uses today (WebView2 on Windows, WKWebView on Mac, the browser for
      // Excel on the web); the older Internet Explorer and EdgeHTML web views are not supported (see README).
      // Style sheets are global CSS (no CSS modules); production builds drop their comments and extra white space.
      rules: [tsRule('ES2020'), { test: /\.css$/, type: 'css', use: dev ? [] : [path.resolve(__dirname, 'scripts/css-minify-loader.cjs')] }],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer', cspMeta, legacyNotice }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], scriptLoading: 'defer', cspMeta }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          // As written (ES3, \u escapes): not minified, so that what runs in the old web views is what was tested.
          { from: LEGACY_NOTICE, to: legacyNotice, info: { minimized: true } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : deploy.buildManifest(content.toString(), { publicUrl, version: manifestVersion })),
          },
        ],
      }),
      ...(dev ? [] : [new deploy.ManifestCheckPlugin({ publicUrl })]),
    ],
    devServer: {
      port: 3000,
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : 'https',
      static: { directory: path.resolve(__dirname, 'dist') },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
  const cli = {
    name: 'cli',
    target: 'node20',
    devtool: false,
    // The worker threads `vtlt consolidate` reads files in (src/cli/read-pool.ts), beside the bundle.
    entry: { vtlt: './src/cli/bin.ts', 'consolidate-worker': './src/cli/consolidate-worker.ts' },
    output: { path: path.resolve(__dirname, 'lib'), filename: '[name].cjs', library: { type: 'commonjs2' }, clean: false },
    module: { rules: [tsRule('ES2022')] },
    externalsPresets: { node: true },
    // ExcelJS is loaded on first use (src/cli/lazy-exceljs.ts): commands that need no workbook start without it.
    resolve: { extensions: ['.ts', '.js'], alias: { exceljs$: path.resolve(__dirname, 'src/cli/lazy-exceljs.ts') } },
    // Runtime dependencies stay in node_modules (installed with the package).
    externals: [({ request }, callback) => (/^[a-z@][^:]*$/i.test(request) && !BUNDLED_IN_CLI.has(request) ? callback(null, `commonjs ${request}`) : callback())],
    optimization: { minimize: false },
    performance: { hints: false },
  };
  const bench = {
    ...cli,
    name: 'bench',
    entry: { bench: './scripts/bench/bench.ts' },
    // Its chunks named apart from the command's (both builds write into lib/): neither overwrites the other's.
    output: { path: path.resolve(__dirname, 'lib'), filename: '[name].cjs', chunkFilename: 'bench-[id].cjs', library: { type: 'commonjs2' }, clean: false },
  };
  return [taskpane, cli, bench];
};

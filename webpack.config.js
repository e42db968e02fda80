/* eslint-disable */
// Two builds: the task pane (browser, loaded inside Excel) and the vtlt command (Node).
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
// Where the add-in is served in production; manifest.xml is rewritten to it on build when set.
const PROD_URL = process.env.VTLT_PUBLIC_URL || DEV_URL;

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

module.exports = async (env, argv) => {
  const dev = argv.mode === 'development';
  const https = argv.$0 && process.argv.includes('serve') ? await httpsOptions() : undefined;
  const taskpane = {
    name: 'taskpane',
    target: ['web', 'es2020'],
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      // The pane runs in the web views Office uses today (WebView2 on Windows, WKWebView on Mac, the browser for
      // Excel on the web); the older Internet Explorer and EdgeHTML web views are not supported (see README).
      rules: [tsRule('ES2020'), { test: /\.css$/, type: 'asset/source' }],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PROD_URL)),
          },
        ],
      }),
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
    entry: { vtlt: './src/cli/bin.ts' },
    output: { path: path.resolve(__dirname, 'lib'), filename: '[name].cjs', library: { type: 'commonjs2' }, clean: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule('ES2022')] },
    externalsPresets: { node: true },
    // Runtime dependencies stay in node_modules (installed with the package).
    externals: [({ request }, callback) => (/^[a-z@][^:]*$/i.test(request) && !request.startsWith('.') ? callback(null, `commonjs ${request}`) : callback())],
    optimization: { minimize: false },
    performance: { hints: false },
  };
  const bench = {
    ...cli,
    name: 'bench',
    entry: { bench: './scripts/bench/bench.ts' },
    output: { path: path.resolve(__dirname, 'lib'), filename: '[name].cjs', library: { type: 'commonjs2' }, clean: false },
  };
  return [taskpane, cli, bench];
};

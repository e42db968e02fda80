// The project's own checks of manifest.xml, shared by `npm run validate` (scripts/validate-manifest.cjs) and the
// tests (test/manifest.test.ts), and run on dist/manifest.xml by the production build (scripts/deploy-build.cjs). They
// cover what the XSD schemas cannot: GUID, https everywhere, every URL under the add-in's address, resource ids that
// resolve to the right kind of resource, icon files present at the right pixel size, an en-US text for every
// Vietnamese string, the command function, the ribbon's view buttons on one pane, the requirement set.
//
// Every check takes the manifest's XML text and returns a list of issues { code, severity, message }; an empty list
// means the check passed. Messages are in Vietnamese; codes are stable, for tests.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { SaxesParser } = require('saxes');

const NS = {
  xmlns: 'http://www.w3.org/2000/xmlns/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

/** The development server's address; the source manifest points every URL under it (a build rewrites it). */
const DEV_BASE_URL = 'https://localhost:3000/';
const DEFAULT_LOCALE = 'vi-VN';
const SECOND_LOCALE = 'en-US';
const REQUIRED_FUNCTIONS = ['refreshOverdue'];
/** The pane's views a ribbon button opens (taskpane.html?view=<id>; the pane's contract, see the README). */
const PANE_VIEWS = ['tracker', 'forms', 'check', 'consolidate', 'documents'];
/** Office needs these icon sizes in every ribbon Icon list (desktop form factor). */
const REQUIRED_ICON_SIZES = [16, 32, 80];
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

// ---------------------------------------------------------------------------------------------------------------
// Parsing: saxes (a conformant, namespace-aware XML parser; refuses text that is not well-formed) builds a small tree.
// No DTDs: a manifest has none, and refusing them rules out entity expansion. Errors carry the line number.

class XmlError extends Error {
  constructor(message, line) {
    super(`${message} (dòng ${line})`);
    this.name = 'XmlError';
    this.line = line;
  }
}

function splitName(name) {
  const colon = name.indexOf(':');
  return colon === -1 ? { prefix: '', local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

/**
 * Parses XML text into a tree of elements:
 * { name, prefix, local, ns, attrs: [{ name, prefix, local, ns, value }], children: [element | string], parent, line }
 * (unprefixed attributes are in no namespace; namespace declarations are in the xmlns namespace).
 * Throws XmlError if the text is not well-formed or has a DOCTYPE.
 */
function parseXml(text) {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root = null;
  let startLine = 1;
  const stack = [];
  const top = () => stack[stack.length - 1];
  parser.on('error', (e) => {
    throw new XmlError(`${e.message.replace(/^\d+:\d+: /, '')}`, parser.line);
  });
  parser.on('doctype', () => {
    throw new XmlError('Không hỗ trợ <!DOCTYPE> hay khai báo DTD trong manifest', parser.line);
  });
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const attrs = Object.values(tag.attributes).map((a) => ({ name: a.name, prefix: a.prefix, local: a.local, ns: a.uri, value: a.value }));
    const element = { name: tag.name, prefix: tag.prefix, local: tag.local, ns: tag.uri, attrs, children: [], parent: top() || null, line: startLine };
    if (element.parent) element.parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => stack.pop());
  const addText = (t) => {
    if (stack.length > 0) top().children.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(String(text)).close();
  if (!root) throw new XmlError('Không có phần tử gốc', 1);
  return root;
}

// ---------------------------------------------------------------------------------------------------------------
// Tree helpers

function* walk(element) {
  yield element;
  for (const child of element.children) if (typeof child !== 'string') yield* walk(child);
}

const childElements = (element, local) =>
  element.children.filter((c) => typeof c !== 'string' && (local === undefined || c.local === local));
const firstChild = (element, local) => childElements(element, local)[0];
const textOf = (element) => element.children.filter((c) => typeof c === 'string').join('').trim();

function attr(element, local, ns = '') {
  const found = element.attrs.find((a) => a.local === local && a.ns === ns);
  return found ? found.value : undefined;
}

/** The local name of an element's xsi:type (its value is a QName, resolved against the element's scope). */
function xsiType(element) {
  const value = attr(element, 'type', NS.xsi);
  return value === undefined ? undefined : splitName(value.trim()).local;
}

const isNamespaceDeclaration = (a) => a.ns === NS.xmlns;
const where = (element) => `<${element.name}> dòng ${element.line}`;

// ---------------------------------------------------------------------------------------------------------------
// Checks

function issue(code, message, severity = 'error') {
  return { code, severity, message };
}

/** Runs `check(root)` on parsed text, or reports the parse error as the single issue. */
function onParsed(xmlText, check) {
  let root;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    if (e instanceof XmlError) return [issue('xml.parse', `XML không hợp lệ: ${e.message}`)];
    throw e;
  }
  return check(root);
}

function checkWellFormed(xmlText) {
  return onParsed(xmlText, (root) =>
    root.local === 'OfficeApp' && root.ns === NS.app
      ? []
      : [issue('xml.root', `Phần tử gốc phải là <OfficeApp> trong không gian tên ${NS.app}`)],
  );
}

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

function checkId(xmlText) {
  return onParsed(xmlText, (root) => {
    const id = firstChild(root, 'Id');
    if (!id) return [issue('id.missing', 'Thiếu phần tử <Id>')];
    const value = textOf(id);
    if (!GUID.test(value)) return [issue('id.not-guid', `<Id> "${value}" không phải là GUID (dạng xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`)];
    if (/^[0-]+$/.test(value)) return [issue('id.not-guid', '<Id> là GUID rỗng (toàn số 0)')];
    return [];
  });
}

// Elements whose DefaultValue (and whose <Override Value>) is a URL.
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Url', 'Image']);

/**
 * Every URL of the manifest, with where it is: DefaultValue / Override Value of the URL-bearing elements, the text of
 * <AppDomain>, and any other attribute value or text that looks like an absolute URL (namespace names excepted).
 */
function collectUrls(root) {
  const urls = [];
  for (const element of walk(root)) {
    const urlParent = element.local === 'Override' && element.parent ? element.parent : element;
    const urlBearing = URL_ELEMENTS.has(urlParent.local) && (attr(element, 'resid') === undefined || element !== urlParent);
    for (const a of element.attrs) {
      if (isNamespaceDeclaration(a) || (a.local === 'schemaLocation' && a.ns === NS.xsi)) continue;
      const known = urlBearing && ((a.local === 'DefaultValue' && element === urlParent) || (a.local === 'Value' && element !== urlParent));
      if (known || /^[a-z][a-z0-9+.-]*:\/\//i.test(a.value.trim())) {
        urls.push({ url: a.value, element, owner: urlParent, attribute: a.name });
      }
    }
    const text = textOf(element);
    if (element.local === 'AppDomain' || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
      urls.push({ url: text, element, owner: element, attribute: null });
    }
  }
  return urls;
}

function checkHttps(xmlText) {
  return onParsed(xmlText, (root) => {
    const issues = [];
    for (const { url, element } of collectUrls(root)) {
      let parsed = null;
      try {
        parsed = new URL(url);
      } catch {
        parsed = null;
      }
      if (!parsed || url !== url.trim()) issues.push(issue('url.invalid', `"${url}" không phải là URL tuyệt đối hợp lệ (${where(element)})`));
      else if (parsed.protocol !== 'https:') issues.push(issue('url.not-https', `URL phải dùng https: "${url}" (${where(element)})`));
    }
    return issues;
  });
}

const RESOURCE_KINDS = {
  Images: { kind: 'image', entry: 'Image', title: 'bt:Images' },
  Urls: { kind: 'url', entry: 'Url', title: 'bt:Urls' },
  ShortStrings: { kind: 'short', entry: 'String', title: 'bt:ShortStrings' },
  LongStrings: { kind: 'long', entry: 'String', title: 'bt:LongStrings' },
};

/** The resources of every <Resources> block: Map id → { kind, element, defaultValue }, plus duplicate-id issues. */
function collectResources(root) {
  const resources = new Map();
  const issues = [];
  for (const block of [...walk(root)].filter((e) => e.local === 'Resources')) {
    for (const group of childElements(block)) {
      const spec = RESOURCE_KINDS[group.local];
      if (!spec) continue;
      for (const entry of childElements(group, spec.entry)) {
        const id = attr(entry, 'id');
        if (!id) {
          issues.push(issue('resid.no-id', `Tài nguyên thiếu thuộc tính id (${where(entry)})`));
          continue;
        }
        if (resources.has(id)) issues.push(issue('resid.duplicate', `Mã tài nguyên "${id}" được khai báo hai lần (${where(entry)})`));
        else resources.set(id, { kind: spec.kind, title: spec.title, element: entry, defaultValue: attr(entry, 'DefaultValue') });
      }
    }
  }
  return { resources, issues };
}

/** The kind of resource an element with a resid must reference (undefined: any kind). */
function expectedKind(element) {
  switch (element.local) {
    case 'Image':
      return 'image';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
      return 'url';
    case 'Label':
    case 'Title':
      return 'short';
    case 'Description':
      return 'long';
    default:
      return undefined;
  }
}

const KIND_NAMES = { image: 'bt:Image', url: 'bt:Url', short: 'bt:ShortStrings', long: 'bt:LongStrings' };

function checkResourceIds(xmlText) {
  return onParsed(xmlText, (root) => {
    const { resources, issues } = collectResources(root);
    const used = new Set();
    for (const element of walk(root)) {
      const resid = attr(element, 'resid');
      if (resid === undefined) continue;
      used.add(resid);
      const resource = resources.get(resid);
      if (!resource) {
        issues.push(issue('resid.undefined', `resid="${resid}" chưa được khai báo trong <Resources> (${where(element)})`));
        continue;
      }
      const kind = expectedKind(element);
      if (kind && kind !== resource.kind) {
        issues.push(
          issue('resid.wrong-kind', `resid="${resid}" của ${where(element)} phải trỏ tới ${KIND_NAMES[kind]}, nhưng được khai báo trong ${resource.title}`),
        );
      }
    }
    for (const [id, resource] of resources) {
      if (!used.has(id)) issues.push(issue('resid.unused', `Tài nguyên "${id}" không được dùng (${where(resource.element)})`, 'warning'));
    }
    return issues;
  });
}

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
function readPngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!bytes || bytes.length < 24 || signature.some((b, k) => bytes[k] !== b)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The add-in's address: options.baseUrl if given, else the folder of <DefaultSettings><SourceLocation> (the task
 * pane page), e.g. https://localhost:3000/ for the source manifest, the province's address for a built one.
 */
function addinBaseUrl(root, options = {}) {
  if (options.baseUrl) return options.baseUrl;
  const settings = firstChild(root, 'DefaultSettings');
  const source = settings ? firstChild(settings, 'SourceLocation') : undefined;
  const value = source ? attr(source, 'DefaultValue') : undefined;
  if (!value || !/^https?:\/\/[^/]+\//i.test(value)) return DEV_BASE_URL;
  return value.split(/[?#]/, 1)[0].replace(/[^/]*$/, '');
}

/** Base: every URL lies under the add-in's address (one server serves the pane, the commands and the icons). */
function checkBase(xmlText, options = {}) {
  return onParsed(xmlText, (root) => {
    const base = addinBaseUrl(root, options);
    return collectUrls(root)
      .filter(({ url }) => !url.startsWith(base))
      .map(({ url, element }) => issue('url.base', `"${url}" không nằm dưới địa chỉ của bổ trợ ${base} (${where(element)})`));
  });
}

/**
 * Icons: every URL under the add-in's address + assets/ names a PNG file of assets/ whose size is what the place using it needs:
 * the size given by a <bt:Image size="N"> reference, 32×32 for <IconUrl>, 64×64 for <HighResolutionIconUrl>, and N×N
 * for a file named like name-N.png. Every ribbon <Icon> list has the sizes Office needs (16, 32, 80).
 * options.assetsDir: the folder holding the files (default: assets/ of the project).
 */
function checkIcons(xmlText, options = {}) {
  const assetsDir = options.assetsDir || path.resolve(__dirname, '..', 'assets');
  return onParsed(xmlText, (root) => {
    const issues = [];
    const { resources } = collectResources(root);
    // Sizes required of each image resource by the <bt:Image size="N" resid="..."> references to it.
    const sizesByResid = new Map();
    for (const element of walk(root)) {
      if (element.local !== 'Icon') continue;
      const sizes = new Set();
      for (const image of childElements(element, 'Image')) {
        const size = Number(attr(image, 'size'));
        const resid = attr(image, 'resid');
        sizes.add(size);
        if (resid !== undefined) {
          if (!sizesByResid.has(resid)) sizesByResid.set(resid, []);
          sizesByResid.get(resid).push({ size, element: image });
        }
      }
      const missing = REQUIRED_ICON_SIZES.filter((s) => !sizes.has(s));
      if (missing.length > 0) {
        issues.push(issue('icon.sizes', `<Icon> (${where(element)}) thiếu ảnh cỡ ${missing.join(', ')} px`));
      }
    }

    const assetBase = `${addinBaseUrl(root, options)}assets/`;
    for (const { url, element, owner } of collectUrls(root)) {
      if (!url.startsWith(assetBase)) continue;
      const file = decodeURIComponent(url.slice(assetBase.length).split(/[?#]/, 1)[0]);
      const expected = [];
      const byName = /-(\d+)(?:x\d+)?\.png$/i.exec(file);
      if (byName) expected.push({ size: Number(byName[1]), why: `tên tệp ${file}` });
      if (owner.local === 'IconUrl') expected.push({ size: 32, why: '<IconUrl>' });
      if (owner.local === 'HighResolutionIconUrl') expected.push({ size: 64, why: '<HighResolutionIconUrl>' });
      if (owner.local === 'Image') {
        const id = attr(owner, 'id');
        if (id !== undefined && resources.get(id) && resources.get(id).element === owner) {
          for (const ref of sizesByResid.get(id) || []) expected.push({ size: ref.size, why: `<bt:Image size="${ref.size}"> dòng ${ref.element.line}` });
        }
      }
      if (!file || file.includes('/') || file.includes('\\') || file.startsWith('.')) {
        issues.push(issue('icon.path', `"${url}" phải trỏ thẳng tới một tệp trong assets/ (${where(element)})`));
        continue;
      }
      const full = path.join(assetsDir, file);
      if (!fs.existsSync(full)) {
        issues.push(issue('icon.missing', `Không có tệp assets/${file} mà ${where(element)} dùng`));
        continue;
      }
      const size = readPngSize(fs.readFileSync(full));
      if (!size) {
        issues.push(issue('icon.not-png', `assets/${file} không phải là tệp PNG`));
        continue;
      }
      if (size.width !== size.height) {
        issues.push(issue('icon.size', `assets/${file} có kích thước ${size.width}×${size.height}, không vuông`));
        continue;
      }
      for (const { size: want, why } of expected) {
        if (size.width !== want) {
          issues.push(issue('icon.size', `assets/${file} có kích thước ${size.width}×${size.height}, nhưng ${why} cần ${want}×${want} (${where(element)})`));
        }
      }
    }
    return issues;
  });
}

function overrideFor(element, locale) {
  return childElements(element, 'Override').find((o) => attr(o, 'Locale') === locale);
}

function checkLength(issues, element, value, max, label) {
  if (value !== undefined && [...value].length > max) {
    issues.push(issue('string.too-long', `${label} dài ${[...value].length} ký tự, quá ${max} (${where(element)})`));
  }
}

/**
 * Locales: DefaultLocale is vi-VN; DisplayName, Description and every string resource have a non-empty default and
 * an en-US override; lengths are within Office's limits (125 for short strings, 250 for long ones).
 */
function checkLocales(xmlText) {
  return onParsed(xmlText, (root) => {
    const issues = [];
    const locale = firstChild(root, 'DefaultLocale');
    if (!locale || textOf(locale) !== DEFAULT_LOCALE) {
      issues.push(issue('locale.default', `<DefaultLocale> phải là ${DEFAULT_LOCALE} (đang là "${locale ? textOf(locale) : ''}")`));
    }
    const localized = [];
    for (const [name, max] of [
      ['DisplayName', SHORT_STRING_MAX],
      ['Description', LONG_STRING_MAX],
    ]) {
      const element = firstChild(root, name);
      if (!element) issues.push(issue('locale.missing', `Thiếu phần tử <${name}>`));
      else localized.push({ element, max, label: `<${name}>` });
    }
    for (const block of [...walk(root)].filter((e) => e.local === 'Resources')) {
      for (const [group, max] of [
        ['ShortStrings', SHORT_STRING_MAX],
        ['LongStrings', LONG_STRING_MAX],
      ]) {
        for (const groupElement of childElements(block, group)) {
          for (const element of childElements(groupElement, 'String')) {
            localized.push({ element, max, label: `Chuỗi "${attr(element, 'id')}"` });
          }
        }
      }
    }
    for (const { element, max, label } of localized) {
      const value = attr(element, 'DefaultValue');
      if (!value || !value.trim()) issues.push(issue('locale.empty', `${label} thiếu DefaultValue (${where(element)})`));
      checkLength(issues, element, value, max, label);
      const en = overrideFor(element, SECOND_LOCALE);
      const enValue = en ? attr(en, 'Value') : undefined;
      if (!en || !enValue || !enValue.trim()) {
        issues.push(issue('locale.missing-en', `${label} thiếu bản ${SECOND_LOCALE} (<Override Locale="${SECOND_LOCALE}" Value="...">) (${where(element)})`));
      } else {
        checkLength(issues, en, enValue, max, `${label} (${SECOND_LOCALE})`);
      }
    }
    return issues;
  });
}

/**
 * Commands: each function in options.functionNames (default: refreshOverdue) is the FunctionName of an
 * ExecuteFunction action, and every form factor with an ExecuteFunction action has a <FunctionFile>.
 */
function checkFunctions(xmlText, options = {}) {
  const wanted = options.functionNames || REQUIRED_FUNCTIONS;
  return onParsed(xmlText, (root) => {
    const issues = [];
    const actions = [...walk(root)].filter((e) => e.local === 'Action' && xsiType(e) === 'ExecuteFunction');
    const names = new Set();
    for (const action of actions) {
      const fn = firstChild(action, 'FunctionName');
      const name = fn ? textOf(fn) : '';
      if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) {
        issues.push(issue('function.name', `<FunctionName> "${name}" không phải là tên hàm JavaScript hợp lệ (${where(action)})`));
      }
      names.add(name);
      let formFactor = action.parent;
      while (formFactor && !/FormFactor$/.test(formFactor.local)) formFactor = formFactor.parent;
      if (formFactor && !firstChild(formFactor, 'FunctionFile')) {
        issues.push(issue('function.file', `<${formFactor.local}> có nút ExecuteFunction nhưng thiếu <FunctionFile> (${where(action)})`));
      }
    }
    for (const name of wanted) {
      if (!names.has(name)) issues.push(issue('function.missing', `Không có nút ExecuteFunction nào gọi hàm ${name}`));
    }
    return issues;
  });
}

/** Requirements: the add-in is for Excel (<Host Name="Workbook">) and requires the ExcelApi set with a MinVersion. */
function checkRequirements(xmlText) {
  return onParsed(xmlText, (root) => {
    const issues = [];
    const hosts = firstChild(root, 'Hosts');
    const hostNames = hosts ? childElements(hosts, 'Host').map((h) => attr(h, 'Name')) : [];
    if (!hostNames.includes('Workbook')) issues.push(issue('requirements.host', '<Hosts> phải có <Host Name="Workbook"/> (Excel)'));
    const requirements = firstChild(root, 'Requirements');
    const sets = requirements ? childElements(requirements, 'Sets').flatMap((s) => childElements(s, 'Set')) : [];
    const excel = sets.find((s) => attr(s, 'Name') === 'ExcelApi');
    if (!excel) {
      issues.push(issue('requirements.excelapi', '<Requirements> phải có <Set Name="ExcelApi" MinVersion="..."/>'));
    } else if (!/^\d+\.\d+$/.test(attr(excel, 'MinVersion') || '')) {
      issues.push(issue('requirements.excelapi', `<Set Name="ExcelApi"> cần MinVersion dạng 1.8 (${where(excel)})`));
    }
    return issues;
  });
}

/**
 * Views: the ribbon opens one pane on its views. Every ShowTaskpane action has the same <TaskpaneId> (one pane, not
 * one per button); each opens the pane's page (the <DefaultSettings> SourceLocation) with ?view=<id> and nothing else,
 * <id> one of options.views (default: the pane's five views), each view by one button, every view by some button.
 */
function checkViews(xmlText, options = {}) {
  const views = options.views || PANE_VIEWS;
  return onParsed(xmlText, (root) => {
    const issues = [];
    const { resources } = collectResources(root);
    const settings = firstChild(root, 'DefaultSettings');
    const source = settings ? firstChild(settings, 'SourceLocation') : undefined;
    const page = ((source && attr(source, 'DefaultValue')) || '').split(/[?#]/, 1)[0];
    const actions = [...walk(root)].filter((e) => e.local === 'Action' && xsiType(e) === 'ShowTaskpane');
    const paneIds = new Set(actions.map((a) => (firstChild(a, 'TaskpaneId') ? textOf(firstChild(a, 'TaskpaneId')) : '')));
    if (paneIds.size > 1 || paneIds.has('')) {
      issues.push(issue('views.pane-id', `Mọi nút mở bảng điều khiển phải có cùng một <TaskpaneId> (đang có: ${[...paneIds].map((id) => `"${id}"`).join(', ')})`));
    }
    const seen = new Map();
    for (const action of actions) {
      const location = firstChild(action, 'SourceLocation');
      const resource = location ? resources.get(attr(location, 'resid')) : undefined;
      const url = resource && resource.kind === 'url' ? resource.defaultValue || '' : '';
      const query = url.startsWith(`${page}?`) ? url.slice(page.length + 1) : null;
      const view = query !== null && /^view=[a-z]+$/.test(query) ? query.slice('view='.length) : null;
      if (view === null || !views.includes(view)) {
        issues.push(issue('views.url', `Nút ${where(action)} phải mở ${page}?view=<${views.join('|')}> (đang là "${url}")`));
        continue;
      }
      if (seen.has(view)) issues.push(issue('views.duplicate', `Hai nút cùng mở mục "${view}" (${where(seen.get(view))}, ${where(action)})`));
      else seen.set(view, action);
    }
    for (const view of views) {
      if (!seen.has(view)) issues.push(issue('views.missing', `Không có nút nào trên ribbon mở mục "${view}" (${page}?view=${view})`));
    }
    return issues;
  });
}

/** The checks, in the order they are reported. */
const CHECKS = [
  { key: 'xml', title: 'Cú pháp XML và phần tử gốc <OfficeApp>', run: checkWellFormed },
  { key: 'id', title: 'Id là một GUID', run: checkId },
  { key: 'https', title: 'Mọi URL dùng https', run: checkHttps },
  { key: 'base', title: 'Mọi URL nằm dưới địa chỉ của bổ trợ', run: checkBase },
  { key: 'resid', title: 'Mọi resid được khai báo trong <Resources>, đúng loại', run: checkResourceIds },
  { key: 'icons', title: 'Biểu tượng có trong assets/, đúng kích thước', run: checkIcons },
  { key: 'locales', title: `Ngôn ngữ mặc định ${DEFAULT_LOCALE}, mọi chuỗi có bản ${SECOND_LOCALE}`, run: checkLocales },
  { key: 'functions', title: `Lệnh trên ribbon gọi hàm ${REQUIRED_FUNCTIONS.join(', ')}`, run: checkFunctions },
  { key: 'views', title: `Ribbon mở một bảng điều khiển ở từng mục (${PANE_VIEWS.join(', ')})`, run: checkViews },
  { key: 'requirements', title: 'Chạy trên Excel, yêu cầu bộ API ExcelApi', run: checkRequirements },
];

/** Runs every check; returns [{ key, title, issues }]. If the XML cannot be parsed, only the XML check is reported. */
function runAllChecks(xmlText, options = {}) {
  const results = [];
  for (const check of CHECKS) {
    const issues = check.run(xmlText, options);
    results.push({ key: check.key, title: check.title, issues });
    if (check.key === 'xml' && issues.some((i) => i.code === 'xml.parse')) break;
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// XSD validation with libxml2's xmllint

/** True if `xmllint` can be run. */
function hasXmllint() {
  const result = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return !result.error;
}

/** Validates a manifest file against an XSD with xmllint (never fetches anything from the network). */
function validateWithXsd(manifestPath, schemaPath, cwd) {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaPath, manifestPath], {
    encoding: 'utf8',
    cwd,
  });
  if (result.error) return { ok: false, output: String(result.error.message) };
  return { ok: result.status === 0, output: `${result.stdout || ''}${result.stderr || ''}`.trim() };
}

module.exports = {
  DEV_BASE_URL,
  addinBaseUrl,
  collectUrls,
  checkBase,
  REQUIRED_FUNCTIONS,
  XmlError,
  parseXml,
  readPngSize,
  checkWellFormed,
  checkId,
  checkHttps,
  checkResourceIds,
  checkIcons,
  checkLocales,
  checkFunctions,
  checkViews,
  PANE_VIEWS,
  checkRequirements,
  CHECKS,
  runAllChecks,
  hasXmllint,
  validateWithXsd,
};

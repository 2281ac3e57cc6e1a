// The CI check of the packaging configuration, for machines where `electron-builder --dir` cannot
// download Electron: electron-builder.yml against electron-builder's own JSON schema, then the
// settings this project depends on (fuses, unpacked native modules, targets, icons).
// Usage: node scripts/checkBuilderConfig.mjs [--config electron-builder.yml] [--root .]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default ?? require('ajv');
const yaml = require('js-yaml');

const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};
/** Native modules the app loads, and the unpack pattern each needs. */
const NATIVE_UNPACK = ['node_modules/usb/', 'node_modules/@node-usb/', 'node_modules/@serialport/', 'node_modules/@napi-rs/'];

function pngSize(file) {
  const bytes = readFileSync(file);
  if (bytes.readUInt32BE(0) !== 0x89504e47) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The sizes in an .ico (0 in the directory means 256). */
function icoSizes(file) {
  const bytes = readFileSync(file);
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) return [];
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => bytes.readUInt8(6 + i * 16) || 256);
}

const validators = new Map();
/** Compiled once per schema file: the schema is large. Stops at the first fault (allErrors is several times slower). */
function schemaValidator(root) {
  const file = join(root, 'node_modules/app-builder-lib/scheme.json');
  if (!validators.has(file)) {
    const ajv = new Ajv({ strict: false, validateFormats: false });
    validators.set(file, ajv.compile(JSON.parse(readFileSync(file, 'utf8'))));
  }
  return validators.get(file);
}

const asList = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const targetNames = (targets) => asList(targets).map((t) => (typeof t === 'string' ? t : t.target));

export function checkBuilderConfig({ root, configFile }) {
  const errors = [];
  let config;
  try {
    config = yaml.load(readFileSync(configFile, 'utf8'));
  } catch (error) {
    return [`không đọc được ${configFile}: ${error.message}`];
  }
  const validate = schemaValidator(root);
  if (!validate(config)) {
    for (const e of validate.errors ?? []) {
      // anyOf branches repeat one fault many times; the path and message are enough.
      if (e.keyword === 'anyOf') continue;
      errors.push(`lược đồ electron-builder: ${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);
    }
  }

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (!config.appId) errors.push('thiếu appId');
  if (config.productName !== pkg.productName) errors.push(`productName "${config.productName}" khác package.json "${pkg.productName}"`);

  const files = asList(config.files);
  if (!files.includes('out/**/*')) errors.push('files phải gồm out/**/* (mã đã dựng của main, preload, renderer)');
  if (!files.includes('package.json')) errors.push('files phải gồm package.json');
  if (typeof pkg.main !== 'string' || !pkg.main.startsWith('out/')) errors.push(`package.json "main" (${pkg.main}) phải nằm trong out/`);

  if (config.asar === false) errors.push('asar phải bật (cần cho kiểm tra toàn vẹn ASAR)');
  const unpack = asList(config.asarUnpack);
  for (const prefix of NATIVE_UNPACK) {
    if (!unpack.some((p) => p.startsWith(prefix))) errors.push(`asarUnpack thiếu ${prefix}** (mô-đun gốc phải nằm ngoài app.asar)`);
  }
  for (const name of ['usb', 'serialport', '@napi-rs/canvas']) {
    if (!pkg.dependencies?.[name]) errors.push(`${name} phải là dependency (không phải devDependency) để được đóng gói`);
  }

  const fuses = config.electronFuses ?? {};
  for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== value) errors.push(`electronFuses.${fuse} phải là ${value}`);
  }

  const winTargets = asList(config.win?.target);
  const nsis = winTargets.find((t) => (typeof t === 'string' ? t : t.target) === 'nsis');
  if (!nsis) errors.push('win.target phải có nsis');
  else if (typeof nsis === 'object' && !asList(nsis.arch).includes('x64')) errors.push('bộ cài nsis phải cho x64');
  if (config.nsis?.perMachine !== true) errors.push('nsis.perMachine phải là true (cài cho cả máy)');
  for (const t of ['AppImage', 'deb']) if (!targetNames(config.linux?.target).includes(t)) errors.push(`linux.target thiếu ${t}`);
  const publish = asList(config.publish);
  if (!publish.some((p) => p.provider === 'generic')) errors.push('publish phải có provider generic (để sinh latest.yml cho máy chủ cập nhật)');

  const resources = join(root, config.directories?.buildResources ?? 'build');
  const ico = join(root, config.win?.icon ?? join(resources, 'icon.ico'));
  if (!existsSync(ico)) errors.push(`không có biểu tượng Windows ${ico}`);
  else if (!icoSizes(ico).includes(256)) errors.push(`${ico} phải có ảnh 256x256`);
  const iconDir = join(root, config.linux?.icon ?? join(resources, 'icons'));
  for (const size of [256, 512]) {
    const file = join(iconDir, `${size}x${size}.png`);
    const dims = existsSync(file) ? pngSize(file) : undefined;
    if (!dims || dims.width !== size || dims.height !== size) errors.push(`thiếu hoặc sai kích thước ${file}`);
  }
  return errors;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const { values } = parseArgs({ options: { config: { type: 'string', default: 'electron-builder.yml' }, root: { type: 'string', default: '.' } } });
  const root = resolve(values.root);
  const errors = checkBuilderConfig({ root, configFile: resolve(root, values.config) });
  if (errors.length) {
    console.error(`Cấu hình đóng gói có ${errors.length} lỗi / electron-builder configuration has ${errors.length} problem(s):`);
    for (const e of errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  console.log('Cấu hình đóng gói hợp lệ / electron-builder configuration OK');
}

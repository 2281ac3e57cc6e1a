// `npm run package`: checks the packaging configuration, builds with electron-vite, then runs
// electron-builder (NSIS x64 on Windows, AppImage and deb on Linux; pass --win / --linux / --dir to choose).
// Where Electron, NSIS or a platform's native binaries cannot be had, it says so plainly and exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBuilderConfig } from './checkBuilderConfig.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const NETWORK_ERROR =
  /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|socket hang up|getaddrinfo|unable to get local issuer|net::ERR_|status code 40[34]|cannot download|download failed|failed to download/i;

function fail(code, vietnamese, english) {
  console.error(`\n${vietnamese}\n${english}\n`);
  process.exit(code);
}

/** Which platforms this run builds, as electron-builder decides: the flags given, else the host. */
function targetPlatforms() {
  const wanted = [];
  if (args.some((a) => a === '--win' || a === '-w' || a === '--windows')) wanted.push('win32');
  if (args.some((a) => a === '--linux' || a === '-l')) wanted.push('linux');
  if (args.some((a) => a === '--mac' || a === '-m')) wanted.push('darwin');
  return wanted.length ? wanted : [process.platform];
}

/** napi-rs modules ship each platform's binary as its own optional package, installed only on that platform. */
const NATIVE_PACKAGES = {
  win32: ['@node-usb/usb-win32-x64-msvc', '@napi-rs/canvas-win32-x64-msvc'],
  linux: ['@node-usb/usb-linux-x64-gnu', '@napi-rs/canvas-linux-x64-gnu'],
  darwin: [],
};

function localElectronDist() {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? join(root, 'node_modules/electron/dist') : undefined;
}

async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(8_000), redirect: 'manual' });
    return true;
  } catch {
    return false;
  }
}

function run(command, commandArgs) {
  return new Promise((done) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

const problems = checkBuilderConfig({ root, configFile: join(root, 'electron-builder.yml') });
if (problems.length) {
  fail(1, `Cấu hình đóng gói sai:\n  - ${problems.join('\n  - ')}`, 'electron-builder.yml is invalid (see above); nothing was built.');
}

const platforms = targetPlatforms();
for (const platform of platforms) {
  const missing = (NATIVE_PACKAGES[platform] ?? []).filter((name) => !existsSync(join(root, 'node_modules', name)));
  if (missing.length) {
    fail(
      1,
      `Thiếu bản nhị phân gốc cho ${platform}: ${missing.join(', ')}. Hãy đóng gói trên chính hệ điều hành đó, hoặc cài thêm: npm install --no-save --os=${platform} --cpu=x64 ${missing.join(' ')}`,
      `Native binaries for ${platform} are not installed (${missing.join(', ')}). Package on that OS, or install them as shown above.`,
    );
  }
}

// The builder needs Electron for each target (and NSIS for Windows); a local Electron serves the host platform only.
const electronDist = localElectronDist();
const useLocalElectron = electronDist && platforms.every((p) => p === process.platform);
const needsDownload = !useLocalElectron || platforms.includes('win32');
if (!electronDist) {
  console.warn(
    'Không có bản chạy Electron trong node_modules (tải về khi cài đã thất bại); electron-builder sẽ tự tải Electron.\n' +
      'The Electron binary is not in node_modules (its download failed at install); electron-builder will try to download it.',
  );
}
if (needsDownload) {
  const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/';
  if (!(await reachable(mirror))) {
    fail(
      2,
      `Không tải được Electron${platforms.includes('win32') ? ' và NSIS' : ''}: máy này không vào được ${new URL(mirror).host}. ` +
        'Không đóng gói được ở đây. Hãy đóng gói trên máy có Internet, hoặc đặt ELECTRON_MIRROR và ELECTRON_BUILDER_BINARIES_MIRROR trỏ tới bản sao nội bộ. ' +
        'Kiểm tra cấu hình thay thế: node scripts/checkBuilderConfig.mjs',
      `Cannot download Electron${platforms.includes('win32') ? ' or NSIS' : ''}: ${new URL(mirror).host} is unreachable from this machine, so nothing can be packaged here. ` +
        'Package on a machine with Internet access, or point ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR at an internal mirror. ' +
        'The configuration alone can be checked with: node scripts/checkBuilderConfig.mjs',
    );
  }
}

const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail(build.status ?? 1, 'Dựng mã (electron-vite build) thất bại; xem lỗi ở trên.', 'electron-vite build failed; see the errors above.');

const builderArgs = [join(root, 'node_modules/electron-builder/cli.js'), '--publish', 'never', ...(useLocalElectron ? [`-c.electronDist=${electronDist}`] : []), ...args];
const result = await run(process.execPath, builderArgs);
if (result.code !== 0 && NETWORK_ERROR.test(result.output)) {
  fail(
    2,
    'electron-builder không tải được Electron hoặc NSIS (lỗi mạng ở trên). Không đóng gói được ở đây; hãy dùng máy có Internet hoặc bản sao nội bộ (ELECTRON_MIRROR, ELECTRON_BUILDER_BINARIES_MIRROR).',
    'electron-builder could not download Electron or NSIS (network error above). Package on a machine with Internet access or set ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR.',
  );
}
if (result.code !== 0) fail(result.code, 'electron-builder thất bại; xem lỗi ở trên.', 'electron-builder failed; see the errors above.');
console.log(`\nĐã đóng gói vào release/ / Packages written to release/ (${platforms.join(', ')})`);

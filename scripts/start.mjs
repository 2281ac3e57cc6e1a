// `npm start` (Electron kiosk) and `npm run start:web` (the same kiosk in a browser).
// Both start the central server on its embedded PGlite database with the demo catalogue.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const web = process.argv.includes('--web');
const serverPort = process.env.SERVER_PORT ?? '8787';
const kioskPort = process.env.KIOSK_PORT ?? '5173';
const queuePort = process.env.QUEUE_PORT ?? '5180';
const children = [];

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function start(name, args, onReady, env = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  child.stdout.on('data', (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      try {
        const parsed = JSON.parse(line);
        if (parsed.ready) onReady?.(parsed.url, parsed);
        else console.log(`[${name}] ${line}`);
      } catch {
        console.log(`[${name}] ${line}`);
      }
    }
  });
  child.on('exit', (code) => {
    if (code) console.error(`[${name}] dừng với mã ${code}`);
    stopAll(code ?? 0);
  });
  return child;
}

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const electron = web ? undefined : electronBinary();
if (!web && !electron) {
  console.error(
    'Không tìm thấy tệp chạy Electron trên máy này (gói electron được cài mà không tải được bản chạy).\n' +
      'The Electron binary is not installed here (its download is unavailable). Run the same kiosk in a browser instead:\n' +
      '  npm run start:web',
  );
  process.exit(1);
}

const bin = (path) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));
run(process.execPath, [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
if (!web) run(process.execPath, [bin('electron-vite/bin/electron-vite.js'), 'build']);

const serverUrl = `http://127.0.0.1:${serverPort}`;
// The demo's first-run step: a one-time code to enrol the kiosk, made with the demo administrator.
async function demoEnrolmentCode() {
  const post = async (path, body, token) => {
    const response = await fetch(new URL(path, serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };
  const { token } = await post('/v1/sessions', { username: 'admin', password: 'quantri-demo' });
  return (await post('/v1/admin/enrolment-codes', { counterId: 'quay-1', counterName: 'Quầy 1 – Tiếp nhận' }, token)).code;
}

start(
  'máy chủ',
  ['server/main.ts', '--demo'],
  async () => {
    console.log(`Máy chủ trung tâm (PGlite, danh mục mẫu): ${serverUrl}`);
    try {
      console.log(`Mã đăng ký quầy (dùng một lần, cho Quầy 1): ${await demoEnrolmentCode()}`);
      console.log(`Quản trị qua trình duyệt: ${serverUrl}/quan-tri/ (admin / quantri-demo)`);
      console.log('Tài khoản mẫu: tiepnhan1 / tiepnhan-demo (tiếp nhận), trakq1 / trakq-demo (trả kết quả), giamsat / giamsat-demo, admin / quantri-demo');
    } catch (error) {
      console.error(`Không tạo được mã đăng ký mẫu: ${error.message}`);
    }
    if (web) {
      // This demo machine is also the Center's queue machine: the entrance kiosk, the hall's TV and the rating screen.
      start('quầy', ['electron/web-host/main.ts', '--port', kioskPort, '--server-url', serverUrl, '--queue-port', queuePort], (url, ready) => {
        console.log(`\nQuầy Một cửa đang chạy trong trình duyệt: ${url}`);
        console.log(`Hàng chờ: máy lấy số ${ready.queueUrl}lay-so, màn hình sảnh ${ready.queueUrl}man-hinh, màn hình đánh giá ${ready.queueUrl}danh-gia`);
        console.log(`(Cài đặt F9 › Hàng chờ: địa chỉ ${ready.queueUrl}; máy in phiếu số thứ tự: chọn «Phiếu số thứ tự» cho một máy in cuộn.)\n(Ctrl+C để dừng)`);
      });
    } else {
      const app = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, MOTCUA_SERVER_URL: serverUrl } });
      children.push(app);
      app.on('exit', (code) => stopAll(code ?? 0));
    }
  },
  { PORT: serverPort },
);

// The machine's settings are read and checked once at start (electron/services/config.ts): flags before
// environment variables before defaults, and a bad value names itself in Vietnamese. The web host stops with
// exit code 2 on one, before it serves anything.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadDesktopConfig, loadWebHostConfig } from '../../electron/services/config';

const cwd = '/srv/motcua';
const ROOT = resolve(import.meta.dirname, '../..');

function refusal(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadWebHostConfig', () => {
  test('defaults: port 5173, data in .data/kiosk, logs inside it, the built renderer in out/renderer', () => {
    expect(loadWebHostConfig([], {}, cwd)).toEqual({
      port: 5173,
      dataDir: '/srv/motcua/.data/kiosk',
      logDir: '/srv/motcua/.data/kiosk/logs',
      staticDir: '/srv/motcua/out/renderer',
    });
  });

  test('flags win over environment variables, which win over defaults; an empty variable counts as unset', () => {
    const env = {
      MOTCUA_PORT: '6000',
      MOTCUA_DATA_DIR: '/var/lib/motcua',
      MOTCUA_LOG_DIR: '/var/log/motcua',
      MOTCUA_SERVER_URL: 'http://10.0.5.2:8787',
      MOTCUA_COUNTER_NAME: '',
      MOTCUA_STATIC_DIR: '',
    };
    expect(loadWebHostConfig(['--port', '0', '--counter-name', ' Quầy 3 – Trả kết quả '], env, cwd)).toEqual({
      port: 0,
      dataDir: '/var/lib/motcua',
      logDir: '/var/log/motcua',
      staticDir: '/srv/motcua/out/renderer',
      serverUrl: 'http://10.0.5.2:8787',
      counterName: 'Quầy 3 – Trả kết quả',
    });
    expect(loadWebHostConfig(['--data-dir', 'du-lieu', '--log-dir=nhat-ky'], {}, cwd)).toMatchObject({ dataDir: '/srv/motcua/du-lieu', logDir: '/srv/motcua/nhat-ky' });
  });

  test.each([
    [['--port', 'abc'], {}, '--port', 'cổng phải là số nguyên từ 0 đến 65535'],
    [['--port', '70000'], {}, '--port', 'cổng phải là số nguyên'],
    [[], { MOTCUA_PORT: '-1' }, 'MOTCUA_PORT', 'cổng phải là số nguyên'],
    [['--server-url', 'file:///etc/passwd'], {}, '--server-url', 'địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://'],
    [[], { MOTCUA_SERVER_URL: 'máy chủ' }, 'MOTCUA_SERVER_URL', 'địa chỉ máy chủ'],
    [['--data-dir', ' '], {}, '--data-dir', 'cần đường dẫn một thư mục'],
    [['--counter-name', 'x'.repeat(101)], {}, '--counter-name', 'tên quầy phải có từ 1 đến 100 ký tự'],
    [['--prot', '5173'], {}, '--prot', 'không có tham số --prot. Các tham số nhận (mỗi tham số kèm một giá trị): --port, --data-dir'],
    [['--port'], {}, '--port', 'tham số --port thiếu giá trị'],
    [['thừa'], {}, 'dòng lệnh', '"thừa" trên dòng lệnh không thuộc tham số nào'],
  ] as const)('refuses %j %j, naming %s', (argv, env, variable, problem) => {
    const error = refusal(() => loadWebHostConfig([...argv], env, cwd));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(/^Cấu hình quầy không hợp lệ: /);
    expect(error.message).toContain(variable);
    expect(error.message).toContain(problem);
  });
});

describe('loadDesktopConfig', () => {
  const windows = {
    ProgramData: 'C:\\ProgramData',
    ProgramFiles: 'C:\\Program Files',
    SystemRoot: 'C:\\Windows',
    PATH: 'C:\\x',
    MOTCUA_POLICY_FILE: 'policy.json',
    MOTCUA_SERVER_URL: 'http://127.0.0.1:8787',
  };

  test('packaged: the data folder, its logs, the Windows folders the updater needs and nothing from the developer', () => {
    expect(loadDesktopConfig(windows, { packaged: true, userData: '/home/quay/.config/MotCua Counter', cwd })).toEqual({
      dataDir: '/home/quay/.config/MotCua Counter',
      logDir: '/home/quay/.config/MotCua Counter/logs',
      machineEnv: { ProgramData: 'C:\\ProgramData', ProgramFiles: 'C:\\Program Files', SystemRoot: 'C:\\Windows' },
    });
  });

  test('in development: the policy file and first-start server from the environment', () => {
    expect(loadDesktopConfig(windows, { packaged: false, userData: '/tmp/u', cwd })).toMatchObject({ policyFile: '/srv/motcua/policy.json', serverUrl: 'http://127.0.0.1:8787' });
  });

  test('refuses a bad server address and a relative data folder, naming them', () => {
    expect(refusal(() => loadDesktopConfig({ MOTCUA_SERVER_URL: 'localhost:8787' }, { packaged: false, userData: '/tmp/u', cwd })).variable).toBe('MOTCUA_SERVER_URL');
    expect(refusal(() => loadDesktopConfig({}, { packaged: true, userData: 'u', cwd })).message).toContain('đường dẫn tuyệt đối');
  });
});

describe('the web host with a bad setting', () => {
  test('exits with code 2 and says which setting, in Vietnamese, before serving anything', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts', '--port', 'tám nghìn'], {
      cwd: ROOT,
      env: { ...process.env, MOTCUA_PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('Cấu hình quầy không hợp lệ: --port = "tám nghìn": cổng phải là số nguyên từ 0 đến 65535 (0: chọn một cổng trống).');
  });
});

// The server's configuration loader: a good environment gives the typed settings; each bad value
// stops the start with a Vietnamese message naming the variable, never echoing a secret.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CENTER, DEFAULT_NOTICES, loadConfig, ZALO_ZNS_URL } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: resolve('.data/server') },
      attachmentsDir: resolve('.data/server/attachments'),
      adminUiDir: resolve('out/renderer'),
      center: DEFAULT_CENTER,
      logLevel: 'info',
      demo: false,
      notices: DEFAULT_NOTICES,
    });
  });

  it('reads every setting of a good environment', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://motcua:bi-mat@db.trungtam.local:5432/motcua',
        DATA_DIR: '/srv/motcua',
        ATTACHMENTS_DIR: '/srv/tep',
        ADMIN_UI_DIR: '/srv/motcua-ui',
        CENTER_AGENCY_CODE: '000.00.22.H40',
        CENTER_NAME: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh',
        CENTER_ADDRESS: ' Số 2 đường Nguyễn Chí Thanh, TP Hà Tĩnh ',
        CENTER_OPENING_HOURS: 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00',
        CENTER_HOTLINE: '0239 3 855 123',
        INITIAL_ADMIN_USERNAME: 'quantri',
        INITIAL_ADMIN_PASSWORD: 'mat-khau-dai',
        LOG_LEVEL: 'warn',
        NOTICE_SMTP_HOST: 'mail.nghean.gov.vn',
        NOTICE_SMTP_USER: 'thongbao',
        NOTICE_SMTP_PASSWORD: 'mat-khau-thu',
        NOTICE_SMTP_FROM: 'Trung tâm PVHCC <thongbao@nghean.gov.vn>',
        NOTICE_SMS_URL: 'https://sms.example.vn/api/send',
        NOTICE_SMS_KEY: 'khoa-sms',
        NOTICE_SMS_BRANDNAME: 'TTHCC HT',
        NOTICE_ZALO_TOKEN: 'token-zalo',
        NOTICE_ZALO_TEMPLATES: 'received=245123, resultReady=245124',
        NOTICE_RETRY_BASE_S: '60',
        NOTICE_MAX_ATTEMPTS: '5',
      },
      ['--demo'],
    );
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      database: { kind: 'postgres', url: 'postgres://motcua:bi-mat@db.trungtam.local:5432/motcua' },
      attachmentsDir: '/srv/tep',
      adminUiDir: '/srv/motcua-ui',
      center: {
        agencyCode: '000.00.22.H40',
        centerName: 'Trung tâm Phục vụ Hành chính công tỉnh Hà Tĩnh',
        address: 'Số 2 đường Nguyễn Chí Thanh, TP Hà Tĩnh',
        openingHours: 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00',
        hotline: '0239 3 855 123',
      },
      initialAdmin: { username: 'quantri', password: 'mat-khau-dai' },
      logLevel: 'warn',
      demo: true,
      notices: {
        email: { host: 'mail.nghean.gov.vn', port: 587, security: 'starttls', user: 'thongbao', password: 'mat-khau-thu', from: 'Trung tâm PVHCC <thongbao@nghean.gov.vn>' },
        sms: { url: 'https://sms.example.vn/api/send', apiKey: 'khoa-sms', brandname: 'TTHCC HT', unaccented: true },
        zalo: { url: ZALO_ZNS_URL, accessToken: 'token-zalo', templates: { received: '245123', resultReady: '245124' } },
        retry: { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 5 },
        sendTimeoutMs: 20_000,
        pollMs: 1000,
      },
    });
  });

  it('keeps attachments under DATA_DIR by default and treats an empty variable as unset', () => {
    const config = loadConfig({ DATA_DIR: '/srv/motcua', PORT: '', DATABASE_URL: '' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/motcua' });
    expect(config.attachmentsDir).toBe(join('/srv/motcua', 'attachments'));
    expect(config.port).toBe(8787);
  });

  it('accepts a PostgreSQL socket URL (host in the query string)', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql:///motcua?host=/var/run/postgresql' }).database.kind).toBe('postgres');
  });

  it('accepts a primary and its standby in one URL, as libpq writes it', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://motcua:bi-mat@10.0.0.11:5432,10.0.0.12:5432/motcua' }).database.kind).toBe('postgres');
  });

  it.each([
    [{ DATABASE_URL: 'postgres://motcua@10.0.0.11:5432,/motcua' }, 'DATABASE_URL không phải một địa chỉ URL hợp lệ'],
    [{ PORT: 'tám nghìn' }, 'PORT = "tám nghìn": cần là số cổng, một số nguyên từ 0 đến 65535'],
    [{ CENTER_ADDRESS: 'Số 1 '.repeat(61) }, 'CENTER_ADDRESS: cần tối đa 300 ký tự'],
    [{ PORT: '70000' }, 'PORT = "70000"'],
    [{ PORT: '-1' }, 'PORT = "-1"'],
    [{ PORT: '80.5' }, 'PORT = "80.5"'],
    [{ HOST: 'may chu' }, 'HOST = "may chu": cần là một địa chỉ IP hoặc tên máy'],
    [{ DATABASE_URL: 'mysql://u:p@db/motcua' }, 'DATABASE_URL dùng giao thức "mysql:": cần là địa chỉ PostgreSQL dạng postgres://'],
    [{ DATABASE_URL: 'db.local:5432/motcua' }, 'DATABASE_URL dùng giao thức "db.local:"'],
    [{ DATABASE_URL: 'không phải url' }, 'DATABASE_URL không phải một địa chỉ URL hợp lệ'],
    [{ DATABASE_URL: 'postgres://' }, 'DATABASE_URL thiếu tên máy chủ cơ sở dữ liệu'],
    [{ CENTER_AGENCY_CODE: 'H41' }, 'CENTER_AGENCY_CODE = "H41": cần là mã cơ quan theo QCVN 102:2016, dạng 000.00.15.H41'],
    [{ CENTER_NAME: '   ' }, 'CENTER_NAME: cần là tên Trung tâm, từ 1 đến 200 ký tự.'],
    [{ INITIAL_ADMIN_USERNAME: 'quantri' }, 'INITIAL_ADMIN_USERNAME và INITIAL_ADMIN_PASSWORD cần được đặt cùng nhau'],
    [{ INITIAL_ADMIN_USERNAME: 'Quản Trị', INITIAL_ADMIN_PASSWORD: 'mat-khau-dai' }, 'INITIAL_ADMIN_USERNAME = "Quản Trị": cần từ 2 đến 64 ký tự'],
    [{ INITIAL_ADMIN_USERNAME: 'quantri', INITIAL_ADMIN_PASSWORD: 'bimat7' }, 'INITIAL_ADMIN_PASSWORD: cần từ 8 đến 200 ký tự.'],
    [{ INITIAL_ADMIN_USERNAME: 'quantri', INITIAL_ADMIN_PASSWORD: '1' }, 'INITIAL_ADMIN_PASSWORD: cần từ 8 đến 200 ký tự.'],
    [{ INITIAL_ADMIN_USERNAME: 'quantri', INITIAL_ADMIN_PASSWORD: '12345678' }, 'INITIAL_ADMIN_PASSWORD: là mật khẩu phổ biến, dễ bị đoán'],
    [{ INITIAL_ADMIN_USERNAME: 'quantri', INITIAL_ADMIN_PASSWORD: 'quantri2026' }, 'INITIAL_ADMIN_PASSWORD: không được chứa tên đăng nhập.'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL = "verbose": cần là một trong fatal, error, warn, info, debug, trace, silent'],
    [{ NOTICE_SMTP_HOST: 'mail.local' }, 'NOTICE_SMTP_FROM: cần là địa chỉ gửi thư'],
    [{ NOTICE_SMTP_HOST: 'mail.local', NOTICE_SMTP_FROM: 'a@b.vn', NOTICE_SMTP_SECURITY: 'ssl' }, 'NOTICE_SMTP_SECURITY = "ssl"'],
    [{ NOTICE_SMTP_HOST: 'mail.local', NOTICE_SMTP_FROM: 'a@b.vn', NOTICE_SMTP_PASSWORD: 'x' }, 'NOTICE_SMTP_USER và NOTICE_SMTP_PASSWORD cần được đặt cùng nhau'],
    [{ NOTICE_SMTP_FROM: 'a@b.vn' }, 'NOTICE_SMTP_FROM đã đặt nhưng thiếu NOTICE_SMTP_HOST'],
    [{ NOTICE_SMS_URL: 'ftp://sms', NOTICE_SMS_BRANDNAME: 'TT' }, 'NOTICE_SMS_URL: cần là địa chỉ http:// hoặc https://'],
    [{ NOTICE_SMS_URL: 'https://sms.vn', NOTICE_SMS_BRANDNAME: 'Trung tâm HCC' }, 'NOTICE_SMS_BRANDNAME: cần là tên thương hiệu'],
    [{ NOTICE_SMS_URL: 'https://sms.vn', NOTICE_SMS_BRANDNAME: 'TT', NOTICE_SMS_UNACCENTED: 'co' }, 'NOTICE_SMS_UNACCENTED = "co"'],
    [{ NOTICE_ZALO_TOKEN: 't' }, 'NOTICE_ZALO_TEMPLATES: cần ít nhất một mẫu ZNS'],
    [{ NOTICE_ZALO_TOKEN: 't', NOTICE_ZALO_TEMPLATES: 'daXong=1' }, 'NOTICE_ZALO_TEMPLATES: "daXong=1" cần có dạng loại=mã_mẫu'],
    [{ NOTICE_ZALO_TEMPLATES: 'received=1' }, 'NOTICE_ZALO_TEMPLATES đã đặt nhưng thiếu NOTICE_ZALO_TOKEN'],
    [{ NOTICE_MAX_ATTEMPTS: '0' }, 'NOTICE_MAX_ATTEMPTS = "0": cần là số nguyên từ 1 đến 100.'],
  ])('refuses %o', (env, message) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('lists every bad variable at once, in a message that says the server did not start', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'x', HOST: 'a b', CENTER_AGENCY_CODE: 'abc', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^Cấu hình máy chủ không hợp lệ, máy chủ chưa khởi động:\n- PORT/);
    expect(message).toContain('\n- HOST');
    expect(message).toContain('\n- CENTER_AGENCY_CODE');
    expect(message).toContain('\n- LOG_LEVEL');
  });

  it('never repeats a database URL or a password in its messages', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://motcua:bi-mat-csdl@db/motcua', INITIAL_ADMIN_USERNAME: 'quantri', INITIAL_ADMIN_PASSWORD: 'bimat7' }).join('\n');
    expect(problems).not.toContain('bi-mat-csdl');
    expect(problems).not.toContain('bimat7');
    expect(problemsOf({ DATABASE_URL: 'postgres://motcua:bi-mat-csdl@db:cổng/motcua' }).join('\n')).not.toContain('bi-mat-csdl');
    const notices = problemsOf({
      NOTICE_SMTP_HOST: 'mail.local',
      NOTICE_SMTP_PASSWORD: 'mat-khau-thu',
      NOTICE_SMS_URL: 'ftp://sms?key=khoa-trong-url',
      NOTICE_SMS_KEY: 'khoa-sms',
      NOTICE_ZALO_TOKEN: 'token-zalo',
    }).join('\n');
    for (const secret of ['mat-khau-thu', 'khoa-trong-url', 'khoa-sms', 'token-zalo']) expect(notices).not.toContain(secret);
  });
});

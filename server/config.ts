// The server's one configuration loader: every environment variable is read and checked here, at
// start, and the rest of the server receives the typed result. A bad value stops the start with a
// Vietnamese message naming the variable and what it should be, all problems at once.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { passwordProblem } from '../shared/auth/passwordRules';
import { AGENCY_CODE_PATTERN } from '../shared/codes';
import { NOTICE_KINDS, type NoticeKind } from '../shared/notices/notices';
import { splitHosts } from './pgTargets';

export interface CenterConfig {
  agencyCode: string;
  centerName: string;
  /** Where and when results are collected, shown on the public status page (CENTER_ADDRESS, CENTER_OPENING_HOURS, CENTER_HOTLINE). */
  address?: string;
  openingHours?: string;
  hotline?: string;
}

export const DEFAULT_CENTER: CenterConfig = {
  agencyCode: '000.00.15.H41',
  centerName: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An',
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type DatabaseConfig = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  attachmentsDir: string;
  /** The built administration page (ADMIN_UI_DIR, default out/renderer). */
  adminUiDir: string;
  center: CenterConfig;
  /** Created at start only while there is no staff account at all. */
  initialAdmin?: { username: string; password: string };
  logLevel: LogLevel;
  /** `--demo`: load the demo catalogue and accounts. */
  demo: boolean;
  /** Notices to applicants: the channels configured (none: no notice is queued) and the dispatcher's retry rule. */
  notices: NoticeConfig;
}

/** How the server sends notices (server/notices/). A channel absent is not used; its secrets are never logged or echoed. */
export interface NoticeConfig {
  email?: { host: string; port: number; security: 'tls' | 'starttls' | 'none'; user?: string; password?: string; from: string };
  sms?: { url: string; apiKey?: string; brandname: string; unaccented: boolean };
  /** Zalo OA template messages (ZNS): a kind without a registered template id is not sent by Zalo. */
  zalo?: { url: string; accessToken: string; templates: Partial<Record<NoticeKind, string>> };
  /** Backoff: the n-th failure waits min(baseMs · 2^(n−1), maxMs); after maxAttempts the notice is failed for a supervisor. */
  retry: { baseMs: number; maxMs: number; maxAttempts: number };
  /** One send gives up after this; a notice left «sending» longer than three times this (a crash) is sent again. */
  sendTimeoutMs: number;
  /** How often the dispatcher looks for due notices. */
  pollMs: number;
}

export const DEFAULT_NOTICE_RETRY: NoticeConfig['retry'] = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 8 };
export const DEFAULT_NOTICES: NoticeConfig = { retry: DEFAULT_NOTICE_RETRY, sendTimeoutMs: 20_000, pollMs: 1_000 };
export const ZALO_ZNS_URL = 'https://business.openapi.zalo.me/message/template';

/** Exit status of a start refused for its configuration (sysexits EX_CONFIG), so a service manager can tell it apart. */
export const CONFIG_EXIT_CODE = 78;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Cấu hình máy chủ không hợp lệ, máy chủ chưa khởi động:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** An empty variable (`PORT=`) counts as unset, as shells and service files write it. */
function read(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

const DEFAULT_DATA_DIR = '.data/server';

/** Where attachment bytes live; also used by buildApp when an embedder passes no configuration. */
export function attachmentsDirFrom(env: Env): string {
  return resolve(read(env, 'ATTACHMENTS_DIR') ?? join(read(env, 'DATA_DIR') ?? DEFAULT_DATA_DIR, 'attachments'));
}

/** Where the built administration page is (admin.html and assets/), served at /quan-tri/ (server/adminUi.ts). */
export function adminUiDirFrom(env: Env): string {
  return resolve(read(env, 'ADMIN_UI_DIR') ?? fileURLToPath(new URL('../out/renderer', import.meta.url)));
}

const USERNAME_RE = /^[a-z0-9._-]{2,64}$/;

export function loadConfig(env: Env, argv: readonly string[] = []): ServerConfig {
  const problems: string[] = [];

  const portText = read(env, 'PORT') ?? '8787';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) {
    problems.push(`PORT = "${portText}": cần là số cổng, một số nguyên từ 0 đến 65535 (0 = để hệ điều hành chọn cổng trống).`);
  }

  const host = read(env, 'HOST') ?? '127.0.0.1';
  if (/\s/.test(host)) problems.push(`HOST = "${host}": cần là một địa chỉ IP hoặc tên máy, không có khoảng trắng (ví dụ 127.0.0.1 hoặc 0.0.0.0).`);

  const database = databaseFrom(env, problems);

  const agencyCode = read(env, 'CENTER_AGENCY_CODE') ?? DEFAULT_CENTER.agencyCode;
  if (!AGENCY_CODE_PATTERN.test(agencyCode)) {
    problems.push(`CENTER_AGENCY_CODE = "${agencyCode}": cần là mã cơ quan theo QCVN 102:2016, dạng 000.00.15.H41 (số.số.số.chữ in hoa và hai số).`);
  }
  const centerName = (read(env, 'CENTER_NAME') ?? DEFAULT_CENTER.centerName).trim();
  if (centerName.length === 0 || centerName.length > 200) problems.push('CENTER_NAME: cần là tên Trung tâm, từ 1 đến 200 ký tự.');

  const contact = centerContactFrom(env, problems);
  const initialAdmin = initialAdminFrom(env, problems);

  const logText = read(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logText)) {
    problems.push(`LOG_LEVEL = "${logText}": cần là một trong ${LOG_LEVELS.join(', ')} (mặc định info).`);
  }

  const notices = noticesFrom(env, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    database,
    attachmentsDir: attachmentsDirFrom(env),
    adminUiDir: adminUiDirFrom(env),
    center: { agencyCode, centerName, ...contact },
    ...(initialAdmin ? { initialAdmin } : {}),
    logLevel: logText as LogLevel,
    demo: argv.includes('--demo'),
    notices,
  };
}

function httpUrl(env: Env, name: string, problems: string[]): string | undefined {
  const text = read(env, name);
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  // Only the variable's name: a gateway URL may carry a key in its query.
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    problems.push(`${name}: cần là địa chỉ http:// hoặc https:// của cổng gửi tin.`);
    return undefined;
  }
  return text;
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d{1,9}$/.test(text) || n < min || n > max) {
    problems.push(`${name} = "${text}": cần là số nguyên từ ${min} đến ${max}.`);
    return fallback;
  }
  return n;
}

const EMAIL_RE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The notice channels (server/README.md, "Notices"). Secrets (SMTP password, SMS key, Zalo token) are never echoed. */
function noticesFrom(env: Env, problems: string[]): NoticeConfig {
  const notices: NoticeConfig = {
    retry: {
      baseMs: wholeNumber(env, 'NOTICE_RETRY_BASE_S', DEFAULT_NOTICE_RETRY.baseMs / 1000, 1, 86_400, problems) * 1000,
      maxMs: wholeNumber(env, 'NOTICE_RETRY_MAX_S', DEFAULT_NOTICE_RETRY.maxMs / 1000, 1, 7 * 86_400, problems) * 1000,
      maxAttempts: wholeNumber(env, 'NOTICE_MAX_ATTEMPTS', DEFAULT_NOTICE_RETRY.maxAttempts, 1, 100, problems),
    },
    sendTimeoutMs: wholeNumber(env, 'NOTICE_SEND_TIMEOUT_S', DEFAULT_NOTICES.sendTimeoutMs / 1000, 1, 300, problems) * 1000,
    pollMs: DEFAULT_NOTICES.pollMs,
  };

  const smtpHost = read(env, 'NOTICE_SMTP_HOST');
  if (smtpHost !== undefined) {
    const security = read(env, 'NOTICE_SMTP_SECURITY') ?? 'starttls';
    if (security !== 'tls' && security !== 'starttls' && security !== 'none') problems.push(`NOTICE_SMTP_SECURITY = "${security}": cần là tls (cổng 465), starttls (mặc định, cổng 587) hoặc none.`);
    const port = wholeNumber(env, 'NOTICE_SMTP_PORT', security === 'tls' ? 465 : 587, 1, 65535, problems);
    const from = read(env, 'NOTICE_SMTP_FROM');
    if (from === undefined || !EMAIL_RE.test(from.replace(/^.*<([^>]*)>\s*$/, '$1'))) problems.push('NOTICE_SMTP_FROM: cần là địa chỉ gửi thư, ví dụ "Trung tâm PVHCC <thongbao@trungtam.gov.vn>".');
    const user = read(env, 'NOTICE_SMTP_USER');
    const password = read(env, 'NOTICE_SMTP_PASSWORD');
    if ((user === undefined) !== (password === undefined)) problems.push('NOTICE_SMTP_USER và NOTICE_SMTP_PASSWORD cần được đặt cùng nhau (hoặc bỏ cả hai).');
    notices.email = { host: smtpHost, port, security: security as 'tls', from: from ?? '', ...(user !== undefined && password !== undefined ? { user, password } : {}) };
  } else if (read(env, 'NOTICE_SMTP_FROM') !== undefined) {
    problems.push('NOTICE_SMTP_FROM đã đặt nhưng thiếu NOTICE_SMTP_HOST (máy chủ gửi thư).');
  }

  const smsUrl = httpUrl(env, 'NOTICE_SMS_URL', problems);
  if (smsUrl !== undefined) {
    const brandname = read(env, 'NOTICE_SMS_BRANDNAME');
    if (brandname === undefined || !/^[A-Za-z0-9 ._-]{1,11}$/.test(brandname))
      problems.push('NOTICE_SMS_BRANDNAME: cần là tên thương hiệu đã đăng ký với nhà mạng, tối đa 11 ký tự chữ không dấu, số, dấu cách . _ -.');
    const unaccented = read(env, 'NOTICE_SMS_UNACCENTED') ?? '1';
    if (unaccented !== '1' && unaccented !== '0') problems.push(`NOTICE_SMS_UNACCENTED = "${unaccented}": cần là 1 (gửi không dấu, mặc định) hoặc 0 (gửi có dấu, Unicode).`);
    const apiKey = read(env, 'NOTICE_SMS_KEY');
    notices.sms = { url: smsUrl, brandname: brandname ?? '', unaccented: unaccented !== '0', ...(apiKey !== undefined ? { apiKey } : {}) };
  }

  const zaloToken = read(env, 'NOTICE_ZALO_TOKEN');
  if (zaloToken !== undefined) {
    const url = httpUrl(env, 'NOTICE_ZALO_URL', problems) ?? ZALO_ZNS_URL;
    const templates: Partial<Record<NoticeKind, string>> = {};
    const text = read(env, 'NOTICE_ZALO_TEMPLATES') ?? '';
    let bad = false;
    for (const pair of text.split(',').filter((p) => p.trim() !== '')) {
      const [kind, id] = pair.split('=').map((x) => x.trim());
      if (!kind || !id || !(NOTICE_KINDS as readonly string[]).includes(kind) || !/^\d{1,20}$/.test(id)) {
        problems.push(`NOTICE_ZALO_TEMPLATES: "${pair}" cần có dạng loại=mã_mẫu, loại là một trong ${NOTICE_KINDS.join(', ')}, mã mẫu là số (ví dụ received=245123,resultReady=245124).`);
        bad = true;
        continue;
      }
      templates[kind as NoticeKind] = id;
    }
    if (!bad && Object.keys(templates).length === 0) problems.push('NOTICE_ZALO_TEMPLATES: cần ít nhất một mẫu ZNS đã duyệt khi đặt NOTICE_ZALO_TOKEN (ví dụ received=245123,resultReady=245124).');
    notices.zalo = { url, accessToken: zaloToken, templates };
  } else if (read(env, 'NOTICE_ZALO_TEMPLATES') !== undefined) {
    problems.push('NOTICE_ZALO_TEMPLATES đã đặt nhưng thiếu NOTICE_ZALO_TOKEN (mã truy cập Zalo OA).');
  }
  return notices;
}

/** The Center's address, opening hours and hotline for the status page: optional, each at most 300 characters. */
function centerContactFrom(env: Env, problems: string[]): Pick<CenterConfig, 'address' | 'openingHours' | 'hotline'> {
  const contact: Pick<CenterConfig, 'address' | 'openingHours' | 'hotline'> = {};
  const names = { address: 'CENTER_ADDRESS', openingHours: 'CENTER_OPENING_HOURS', hotline: 'CENTER_HOTLINE' } as const;
  for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
    const value = read(env, name)?.trim();
    if (value === undefined || value === '') continue;
    if (value.length > 300) problems.push(`${name}: cần tối đa 300 ký tự (đang có ${value.length}).`);
    else contact[key] = value;
  }
  return contact;
}

// The URL is never echoed: it usually carries the database password.
function databaseFrom(env: Env, problems: string[]): DatabaseConfig {
  const url = read(env, 'DATABASE_URL');
  if (url === undefined) return { kind: 'pglite', dataDir: resolve(read(env, 'DATA_DIR') ?? DEFAULT_DATA_DIR) };
  const expected =
    'cần là địa chỉ PostgreSQL dạng postgres://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl (máy chủ chính và máy dự phòng: postgres://…@máy_1:5432,máy_2:5432/tên_csdl), hoặc bỏ trống để dùng PGlite trong DATA_DIR';
  // Each host of a multi-host URL is checked as its own URL.
  for (const one of splitHosts(url)) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(one);
    } catch {
      problems.push(`DATABASE_URL không phải một địa chỉ URL hợp lệ: ${expected}.`);
      break;
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      problems.push(`DATABASE_URL dùng giao thức "${parsed.protocol}": ${expected}.`);
      break;
    }
    if (!parsed.hostname && !parsed.searchParams.get('host')) {
      problems.push(`DATABASE_URL thiếu tên máy chủ cơ sở dữ liệu: ${expected}.`);
      break;
    }
  }
  return { kind: 'postgres', url };
}

// The password is never echoed, only what is wrong with it.
function initialAdminFrom(env: Env, problems: string[]): ServerConfig['initialAdmin'] {
  const username = read(env, 'INITIAL_ADMIN_USERNAME');
  const password = read(env, 'INITIAL_ADMIN_PASSWORD');
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined) {
    problems.push('INITIAL_ADMIN_USERNAME và INITIAL_ADMIN_PASSWORD cần được đặt cùng nhau (hoặc bỏ cả hai).');
    return undefined;
  }
  if (!USERNAME_RE.test(username)) {
    problems.push(`INITIAL_ADMIN_USERNAME = "${username}": cần từ 2 đến 64 ký tự, chỉ gồm chữ thường không dấu, số và . _ -.`);
  }
  const weak = passwordProblem(password, username);
  if (weak) problems.push(`INITIAL_ADMIN_PASSWORD: ${weak}`);
  return { username, password };
}

// The server's one configuration loader: every environment variable is read and checked here, at
// start, and the rest of the server receives the typed result. A bad value stops the start with a
// Vietnamese message naming the variable and what it should be, all problems at once.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { passwordProblem } from '../shared/auth/passwordRules';
import { AGENCY_CODE_PATTERN } from '../shared/codes';
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
}

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
  };
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

// The machine's settings, read and checked once at start, one loader per runtime: the web host (command-line
// flags, each with an environment variable behind it) and Electron (its data folder, and two variables honoured
// only in development). Nothing else under electron/ reads process.env or argv, so a bad value is caught here
// with a Vietnamese message naming it, instead of surfacing later as a strange failure.
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export type Env = Record<string, string | undefined>;

/** A setting that cannot be used; `variable` is the flag or environment variable to fix. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

interface Source {
  variable: string;
  value: string;
}

const bad = (source: Source, problem: string) => new ConfigError(source.variable, `Cấu hình quầy không hợp lệ: ${source.variable} = "${source.value.slice(0, 200)}": ${problem}.`);

function port(source: Source): number {
  const n = /^\d{1,5}$/.test(source.value) ? Number(source.value) : NaN;
  if (!(n >= 0 && n <= 65_535)) throw bad(source, 'cổng phải là số nguyên từ 0 đến 65535 (0: chọn một cổng trống)');
  return n;
}

/** A path, relative ones taken from the folder the process started in. */
function path(source: Source, cwd: string, what: 'thư mục' | 'tệp' = 'thư mục'): string {
  if (source.value.trim() === '' || source.value.includes('\0') || source.value.length > 1000) throw bad(source, `cần đường dẫn một ${what}`);
  return resolve(cwd, source.value);
}

function serverUrl(source: Source): string {
  let url: URL | undefined;
  try {
    url = new URL(source.value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw bad(source, 'địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://');
  return source.value;
}

function counterName(source: Source): string {
  const name = source.value.trim();
  if (name.length === 0 || name.length > 100) throw bad(source, 'tên quầy phải có từ 1 đến 100 ký tự');
  return name;
}

/** An environment variable, or undefined when unset or empty (an empty value is how a shell unsets one). */
function fromEnv(env: Env, variable: string): Source | undefined {
  const value = env[variable];
  return value ? { variable, value } : undefined;
}

export interface WebHostConfig {
  port: number;
  dataDir: string;
  /** Where motcua.log and its rotations go; `<dataDir>/logs` unless set. */
  logDir: string;
  /** The built renderer served to the browser. */
  staticDir: string;
  /** Defaults for a kiosk's first start; the settings it saves win afterwards. */
  serverUrl?: string;
  counterName?: string;
  /** This machine runs the hall's queue service on this port (0: a free one); absent: it does not. */
  queue?: { port: number; bind: string; dir: string; configFile?: string };
}

/** Each web host setting: its flag, the environment variable used when the flag is absent, its default. */
export const WEB_HOST_SETTINGS = {
  port: { flag: 'port', env: 'MOTCUA_PORT', fallback: '5173' },
  dataDir: { flag: 'data-dir', env: 'MOTCUA_DATA_DIR', fallback: '.data/kiosk' },
  logDir: { flag: 'log-dir', env: 'MOTCUA_LOG_DIR', fallback: undefined },
  staticDir: { flag: 'static', env: 'MOTCUA_STATIC_DIR', fallback: 'out/renderer' },
  serverUrl: { flag: 'server-url', env: 'MOTCUA_SERVER_URL', fallback: undefined },
  counterName: { flag: 'counter-name', env: 'MOTCUA_COUNTER_NAME', fallback: undefined },
  queuePort: { flag: 'queue-port', env: 'MOTCUA_QUEUE_PORT', fallback: undefined },
  queueBind: { flag: 'queue-bind', env: 'MOTCUA_QUEUE_BIND', fallback: '0.0.0.0' },
  queueDir: { flag: 'queue-dir', env: 'MOTCUA_QUEUE_DIR', fallback: undefined },
  queueConfig: { flag: 'queue-config', env: 'MOTCUA_QUEUE_CONFIG', fallback: undefined },
} as const;

type WebHostSetting = keyof typeof WEB_HOST_SETTINGS;

function parseFlags(argv: string[]): Record<string, string | undefined> {
  try {
    const options = Object.fromEntries(Object.values(WEB_HOST_SETTINGS).map((s) => [s.flag, { type: 'string' as const }]));
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    // parseArgs explains in English; IT gets the flag at fault in Vietnamese and the list of those accepted.
    const { code, message } = error as NodeJS.ErrnoException;
    const token = /'([^']*)'/.exec(message)?.[1] ?? '';
    const [variable, problem] =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? [token, `không có tham số ${token}`]
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? [token.split(' ')[0] ?? token, `tham số ${token.split(' ')[0]} thiếu giá trị`]
          : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? ['dòng lệnh', `"${token}" trên dòng lệnh không thuộc tham số nào`]
            : ['dòng lệnh', message];
    const known = Object.values(WEB_HOST_SETTINGS)
      .map((s) => `--${s.flag}`)
      .join(', ');
    throw new ConfigError(variable, `Cấu hình quầy không hợp lệ: ${problem}. Các tham số nhận (mỗi tham số kèm một giá trị): ${known}.`);
  }
}

export function loadWebHostConfig(argv: string[], env: Env, cwd: string): WebHostConfig {
  const flags = parseFlags(argv);
  const source = (setting: WebHostSetting): Source | undefined => {
    const { flag, env: variable, fallback } = WEB_HOST_SETTINGS[setting];
    const given = flags[flag];
    if (given !== undefined) return { variable: `--${flag}`, value: given };
    return fromEnv(env, variable) ?? (fallback === undefined ? undefined : { variable, value: fallback });
  };
  const dataDir = path(source('dataDir')!, cwd);
  const logDir = source('logDir');
  const url = source('serverUrl');
  const name = source('counterName');
  const queuePort = source('queuePort');
  const queueDir = source('queueDir');
  const queueConfig = source('queueConfig');
  const bind = source('queueBind')!;
  if (!/^[\d.:a-fA-F]+$|^localhost$/.test(bind.value)) throw bad(bind, 'cần một địa chỉ IP của máy này (0.0.0.0: mọi địa chỉ)');
  return {
    port: port(source('port')!),
    dataDir,
    logDir: logDir ? path(logDir, cwd) : join(dataDir, 'logs'),
    staticDir: path(source('staticDir')!, cwd),
    ...(url ? { serverUrl: serverUrl(url) } : {}),
    ...(name ? { counterName: counterName(name) } : {}),
    ...(queuePort
      ? {
          queue: {
            port: port(queuePort),
            bind: bind.value,
            dir: queueDir ? path(queueDir, cwd) : join(dataDir, 'queue'),
            ...(queueConfig ? { configFile: path(queueConfig, cwd, 'tệp') } : {}),
          },
        }
      : {}),
  };
}

/** The Windows folders the machine updater needs; the rest of the environment stays out of the app. */
export type MachineEnv = {
  ProgramData?: string;
  ProgramFiles?: string;
  ProgramW6432?: string;
  'ProgramFiles(x86)'?: string;
  SystemRoot?: string;
};

const MACHINE_ENV_KEYS = ['ProgramData', 'ProgramFiles', 'ProgramW6432', 'ProgramFiles(x86)', 'SystemRoot'] as const;

export interface DesktopConfig {
  dataDir: string;
  logDir: string;
  /** A policy file to read instead of the machine's, in development only (a packaged app reads the machine's). */
  policyFile?: string;
  /** The first-start server address (`npm start` points it at the local demo server), in development only. */
  serverUrl?: string;
  machineEnv: MachineEnv;
}

export interface DesktopStart {
  packaged: boolean;
  /** Electron's userData folder. */
  userData: string;
  cwd: string;
}

export function loadDesktopConfig(env: Env, start: DesktopStart): DesktopConfig {
  if (!isAbsolute(start.userData)) throw bad({ variable: 'userData', value: start.userData }, 'thư mục dữ liệu của ứng dụng phải là đường dẫn tuyệt đối');
  const machineEnv: MachineEnv = {};
  for (const key of MACHINE_ENV_KEYS) if (env[key]) machineEnv[key] = env[key];
  const config: DesktopConfig = { dataDir: start.userData, logDir: join(start.userData, 'logs'), machineEnv };
  // A packaged app on a counter takes neither: an officer's environment must not pick the policy or the server.
  if (start.packaged) return config;
  const policy = fromEnv(env, 'MOTCUA_POLICY_FILE');
  if (policy) config.policyFile = path(policy, start.cwd, 'tệp');
  const url = fromEnv(env, 'MOTCUA_SERVER_URL');
  if (url) config.serverUrl = serverUrl(url);
  return config;
}

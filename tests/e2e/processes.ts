// Starts the real processes the kiosk runs on (web host, central server) on free loopback ports,
// each with its own temporary data folder, and stops them after the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Started {
  url: string;
  /** The hall's queue service, when the process runs one (`--queue-port`). */
  queueUrl?: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point with tsx and waits for its `{ "ready": true, "url": … }` line. */
export async function startTsProcess(entry: string, args: string[], name: string, options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Started> {
  const dir = options.dataDir ?? (await mkdtemp(join(tmpdir(), `motcua-${name}-`)));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry), ...args.map((a) => a.replace('{dataDir}', dir))], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = await new Promise<{ url: string; queueUrl?: string }>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const parsed = JSON.parse(line) as { ready?: boolean; url?: string; queueUrl?: string };
          if (parsed.ready && parsed.url) {
            clearTimeout(timer);
            resolveUrl({ url: parsed.url, ...(parsed.queueUrl ? { queueUrl: parsed.queueUrl } : {}) });
          }
        } catch {
          // not our ready line
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)));
  });
  return {
    ...ready,
    dataDir: dir,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** `again`: the same kiosk started again (its port, so the open page's origin, and its data folder). */
export function startWebHost(extra: string[] = [], again?: Pick<Started, 'url' | 'dataDir'>) {
  // E2E_RENDERER_DIR lets parallel runs each test their own build (vite build --outDir …).
  const renderer = process.env.E2E_RENDERER_DIR ? ['--static', process.env.E2E_RENDERER_DIR] : [];
  const port = again ? new URL(again.url).port : '0';
  return startTsProcess('electron/web-host/main.ts', ['--port', port, '--data-dir', '{dataDir}', ...renderer, ...extra], 'kiosk', again ? { dataDir: again.dataDir } : {});
}

/** The central server on PGlite in a temporary folder, with the demo catalogue and demo staff; `env` adds settings (CENTER_ADDRESS…). */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}) {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'motcua-server-')));
  // The administration page the server serves at /quan-tri/ comes from the same build as the kiosk.
  const adminUi: Record<string, string> = process.env.E2E_RENDERER_DIR ? { ADMIN_UI_DIR: resolve(process.env.E2E_RENDERER_DIR) } : {};
  return startTsProcess('server/main.ts', ['--demo'], 'server', { dataDir, env: { ...adminUi, ...options.env, PORT: '0', DATA_DIR: dataDir } });
}

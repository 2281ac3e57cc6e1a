// A scanner in virtual-COM mode, for tests: a real pseudo-terminal pair made by socat. The kiosk opens
// `kioskPath` as it would /dev/ttyACM0; the test writes the scanner's bytes into `scannerPath`.
// Unplugging stops socat, so both device files vanish as a pulled USB cable makes /dev/ttyACM0 vanish.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdtemp, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface VirtualSerial {
  /** The end the kiosk's scanner setting names. */
  readonly kioskPath: string;
  /** Sends bytes as the scanner does; a string is sent as UTF-8. */
  write(bytes: Uint8Array | string): Promise<void>;
  /** The device files vanish (socat stops). */
  unplug(): Promise<void>;
  /** The same device files are back (a new pair, as a replugged scanner is a new device). */
  plugIn(): Promise<void>;
  close(): Promise<void>;
}

async function exists(path: string) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function startVirtualSerial(): Promise<VirtualSerial> {
  if (spawnSync('socat', ['-V'], { stdio: 'ignore' }).error) {
    throw new Error('socat is missing: the serial scanner tests need a real pseudo-terminal pair (Debian: apt-get install socat; .ci/run installs it).');
  }
  const dir = await mkdtemp(join(tmpdir(), 'motcua-serial-'));
  const kioskPath = join(dir, 'ttyACM0');
  const scannerPath = join(dir, 'scanner');
  let socat: ChildProcess | undefined;
  let scanner: FileHandle | undefined;
  let stderr = '';

  async function plugIn() {
    if (socat) return;
    stderr = '';
    const child = spawn('socat', [`pty,raw,echo=0,link=${scannerPath}`, `pty,raw,echo=0,link=${kioskPath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    socat = child;
    for (let waited = 0; !((await exists(kioskPath)) && (await exists(scannerPath))); waited += 20) {
      if (waited > 10_000 || child.exitCode !== null) throw new Error(`socat did not make the pseudo-terminal pair: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    scanner = await open(scannerPath, constants.O_RDWR | constants.O_NOCTTY);
  }

  async function unplug() {
    await scanner?.close();
    scanner = undefined;
    const child = socat;
    socat = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }

  await plugIn();
  return {
    kioskPath,
    async write(bytes) {
      if (!scanner) throw new Error('the virtual scanner is unplugged');
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      await scanner.write(data);
    },
    unplug,
    plugIn,
    async close() {
      await unplug();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

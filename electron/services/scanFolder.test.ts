import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskHost } from '../../shared/host';
import { dispatchHostCall } from './dispatch';
import { createKioskHost } from './kioskHost';
import { ScanFolder, scanFolderProblem, startScanFolder } from './scanFolder';
import { createSettingsStore } from './settings';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function offered(host: KioskHost, afterSeq: number, ms = 3000) {
  const end = Date.now() + ms;
  for (;;) {
    const files = await host.scanFolder!.list(afterSeq);
    if (files.length > 0 || Date.now() > end) return files;
    await sleep(20);
  }
}

describe('the scanner folder setting', () => {
  const folders: ScanFolder[] = [];
  afterEach(() => folders.splice(0).forEach((f) => f.stop()));

  async function counter() {
    const data = await mkdtemp(join(tmpdir(), 'kiosk-'));
    const settings = createSettingsStore(data);
    const scanFolder = new ScanFolder({ settleMs: 50 });
    folders.push(scanFolder);
    const host = createKioskHost({ runtime: 'web', version: 't', settings, scanner: {} as never, printers: {} as never, credentials: {} as never, log: {} as never, scanFolder });
    return { data, settings, scanFolder, host };
  }

  it('names what is wrong with a path, in Vietnamese', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-'));
    await writeFile(join(dir, 'a.pdf'), '%PDF');
    expect(await scanFolderProblem('may-quet')).toMatch(/chưa phải đường dẫn đầy đủ/);
    expect(await scanFolderProblem(join(dir, 'khong-co'))).toMatch(/Không tìm thấy thư mục/);
    expect(await scanFolderProblem(join(dir, 'a.pdf'))).toMatch(/là một tệp, không phải thư mục/);
    expect(await scanFolderProblem(dir)).toBeUndefined();
  });

  it('refuses a missing folder before saving, watches a good one, and follows a change', async () => {
    const { data, host, scanFolder } = await counter();
    const root = await mkdtemp(join(tmpdir(), 'scan-'));
    const first = join(root, 'may-quet-1');
    const second = join(root, 'may-quet-2');
    await mkdir(first);
    await mkdir(second);

    const refused = await dispatchHostCall(host, 'settings.update', [{ scanFolderPath: join(root, 'chua-tao') }]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'HOST_FAILED', message: expect.stringMatching(/Không tìm thấy thư mục/) } });
    expect((await host.settings.get()).scanFolderPath).toBeUndefined();
    expect(await dispatchHostCall(host, 'settings.update', [{ scanFolderPath: 42 }])).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });

    expect(await dispatchHostCall(host, 'settings.update', [{ scanFolderPath: ` ${first} ` }])).toMatchObject({ ok: true, value: { scanFolderPath: first } });
    expect(JSON.parse(await readFile(join(data, 'settings.json'), 'utf8'))).toMatchObject({ scanFolderPath: first });
    expect(scanFolder.dir).toBe(first);
    await writeFile(join(first, 'scan-1.pdf'), '%PDF-1.4 một');
    expect((await offered(host, 0)).map((f) => [f.seq, f.name])).toEqual([[1, 'scan-1.pdf']]);

    await host.settings.update({ scanFolderPath: second });
    await writeFile(join(first, 'scan-old.pdf'), '%PDF-1.4 thư mục cũ');
    await writeFile(join(second, 'scan-2.png'), 'png');
    // Numbering goes on from the old folder, so a screen that saw number 1 gets the new file.
    expect((await offered(host, 1)).map((f) => [f.seq, f.name, f.mediaType])).toEqual([[2, 'scan-2.png', 'image/png']]);
    await sleep(150);
    expect((await host.scanFolder!.list(0)).map((f) => f.name)).toEqual(['scan-2.png']);

    await host.settings.update({ scanFolderPath: '' });
    expect(scanFolder.dir).toBeUndefined();
    expect(await host.scanFolder!.list(0)).toEqual([]);
    await expect(host.scanFolder!.read(2)).rejects.toThrow(/chưa có thư mục máy quét/);
  });

  it('starts without the folder, logging why, when the saved one has gone', async () => {
    const lines: string[] = [];
    const gone = join(await mkdtemp(join(tmpdir(), 'scan-')), 'o-mang');
    const folder = await startScanFolder(gone, (l) => lines.push(l));
    folders.push(folder);
    expect(folder.dir).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/không theo dõi thư mục đã cài: Không tìm thấy thư mục/)]);
    const here = await mkdtemp(join(tmpdir(), 'scan-'));
    const started = await startScanFolder(here, (l) => lines.push(l));
    folders.push(started);
    expect(started.dir).toBe(here);
    expect(lines).toHaveLength(1);
  });
});

import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchHostCall } from './dispatch';
import { WatchFolder } from './watchFolder';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(fn: () => T | undefined, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

describe('watched scanner folder', () => {
  let folder: WatchFolder | undefined;
  afterEach(() => folder?.stop());

  it('offers a new PDF once, only after it stopped growing, and ignores other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-'));
    folder = new WatchFolder(dir, { settleMs: 150 });
    folder.start();
    await writeFile(join(dir, 'ghi-chu.txt'), 'không phải bản quét');
    await writeFile(join(dir, 'scan-001.pdf'), '%PDF-1.4 trang 1\n');
    await sleep(60);
    await appendFile(join(dir, 'scan-001.pdf'), 'trang 2\n');
    await sleep(60);
    // Still being written: nothing offered yet.
    expect(folder.list(0)).toEqual([]);
    const [file] = await until(() => (folder!.list(0).length ? folder!.list(0) : undefined));
    expect(file).toMatchObject({ seq: 1, name: 'scan-001.pdf', mediaType: 'application/pdf', size: Buffer.byteLength('%PDF-1.4 trang 1\ntrang 2\n') });
    const content = await folder.read(1);
    expect(Buffer.from(content.base64, 'base64').toString()).toBe('%PDF-1.4 trang 1\ntrang 2\n');
    await writeFile(join(dir, 'anh.JPG'), 'jpeg');
    await until(() => (folder!.list(1).length ? true : undefined));
    expect(folder.list(1).map((f) => [f.seq, f.name, f.mediaType])).toEqual([[2, 'anh.JPG', 'image/jpeg']]);
    await sleep(300);
    expect(folder.list(0).map((f) => f.name)).toEqual(['scan-001.pdf', 'anh.JPG']);
    await expect(folder.read(9)).rejects.toThrow(/Không còn tệp quét/);
  });

  it('is reached only through the validation gate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-'));
    folder = new WatchFolder(dir, { settleMs: 50 });
    const host = { scanFolder: { list: async (n: number) => folder!.list(n), read: (n: number) => folder!.read(n) } } as never;
    expect(await dispatchHostCall(host, 'scanFolder.list', [0])).toEqual({ ok: true, value: [] });
    const bad = await dispatchHostCall(host, 'scanFolder.list', ['0']);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('BAD_ARGS');
    expect(await dispatchHostCall({} as never, 'scanFolder.read', [1])).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });
});

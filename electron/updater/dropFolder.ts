// The hand-over from the app (a standard user) to the SYSTEM task: only an installer whose bytes match the
// sha512 of the update metadata is written to the drop folder, hashed while it is copied so the file in the
// user's cache cannot be swapped between the check and the copy. The task trusts none of this: it verifies
// the file again against latest.yml it fetches itself (see SECURITY.md); this side only avoids asking for an
// install that would be refused.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const MANIFEST_FILE = 'update.json';
export const RESULT_FILE = 'result.json';
/** The installer names electron-builder writes (artifactName); anything else is never handed over. The task checks the same pattern. */
export const INSTALLER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.exe$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export interface UpdateManifest {
  schema: 1;
  version: string;
  file: string;
  /** Base64, as in latest.yml. */
  sha512: string;
  size: number;
  handedOverAt: string;
}

/** What electron-updater reports on `update-downloaded` (UpdateDownloadedEvent), reduced to what is used here. */
export interface DownloadedUpdate {
  version: string;
  downloadedFile: string;
  files: readonly { url: string; sha512: string; size?: number }[];
  path?: string;
  sha512?: string;
}

const urlBasename = (url: string) => basename(url.split(/[?#]/)[0]!.replaceAll('\\', '/'));

/** The metadata entry for the downloaded file, matched by name as electron-updater names its cache file. */
export function expectedFileInfo(update: DownloadedUpdate): { file: string; sha512: string; size?: number } | { refused: string } {
  const file = basename(update.downloadedFile.replaceAll('\\', '/'));
  if (!VERSION.test(update.version)) return { refused: `phiên bản "${update.version}" không hợp lệ` };
  if (!INSTALLER_NAME.test(file)) return { refused: `tên tệp cài đặt "${file}" không hợp lệ` };
  const entry = update.files.find((f) => urlBasename(f.url) === file);
  if (entry?.sha512) return { file, sha512: entry.sha512, ...(entry.size !== undefined ? { size: entry.size } : {}) };
  if (update.path && urlBasename(update.path) === file && update.sha512) return { file, sha512: update.sha512 };
  return { refused: `không có mã sha512 cho ${file} trong latest.yml` };
}

/** Copies the downloaded installer into the drop folder and writes the manifest, or throws in Vietnamese. */
export async function handOverInstaller(update: DownloadedUpdate, dropDir: string, now: Date): Promise<UpdateManifest> {
  const expected = expectedFileInfo(update);
  if ('refused' in expected) throw new Error(`Không chuyển bản cập nhật cho dịch vụ cài đặt: ${expected.refused}.`);
  await mkdir(dropDir, { recursive: true });
  const partial = join(dropDir, `${expected.file}.partial`);
  const hash = createHash('sha512');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(update.downloadedFile), tap, createWriteStream(partial, { mode: 0o644 }));
    const sha512 = hash.digest('base64');
    if (sha512 !== expected.sha512 || (expected.size !== undefined && size !== expected.size)) {
      throw new Error(`Không chuyển bản cập nhật ${update.version}: tệp ${expected.file} không khớp mã sha512 trong latest.yml (tệp hỏng hoặc bị thay). Bản cập nhật sẽ được tải lại.`);
    }
    await removeHandedOver(dropDir);
    await rename(partial, join(dropDir, expected.file));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const manifest: UpdateManifest = { schema: 1, version: update.version, file: expected.file, sha512: expected.sha512, size, handedOverAt: now.toISOString() };
  // Written last and renamed into place, so the task never reads a manifest whose installer is half copied.
  const tmp = join(dropDir, `${MANIFEST_FILE}.tmp`);
  await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(tmp, join(dropDir, MANIFEST_FILE));
  return manifest;
}

/** Empties the drop folder of what the app put there (its installers and manifest), nothing else. */
export async function removeHandedOver(dropDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dropDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === MANIFEST_FILE || INSTALLER_NAME.test(name)) await rm(join(dropDir, name), { force: true });
  }
}

export async function readManifest(dropDir: string): Promise<UpdateManifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(dropDir, MANIFEST_FILE), 'utf8')) as UpdateManifest;
    return parsed.schema === 1 && typeof parsed.version === 'string' && typeof parsed.file === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export type MachineOutcome = 'installed' | 'refused' | 'deferred' | 'failed';

export interface MachineResult {
  version: string;
  outcome: MachineOutcome;
  /** In Vietnamese, written by the task. */
  reason: string;
  at: string;
}

/** The task's last result; Windows PowerShell 5.1 writes UTF-8 with a byte-order mark, which JSON.parse refuses. */
export async function readMachineResult(stateDir: string): Promise<MachineResult | undefined> {
  try {
    const text = (await readFile(join(stateDir, RESULT_FILE), 'utf8')).replace(/^\uFEFF/, '');
    const parsed = JSON.parse(text) as Partial<MachineResult>;
    const outcomes: MachineOutcome[] = ['installed', 'refused', 'deferred', 'failed'];
    if (typeof parsed.version !== 'string' || !outcomes.includes(parsed.outcome as MachineOutcome)) return undefined;
    return { version: parsed.version, outcome: parsed.outcome as MachineOutcome, reason: String(parsed.reason ?? ''), at: String(parsed.at ?? '') };
  } catch {
    return undefined;
  }
}

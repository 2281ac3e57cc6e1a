// The machine policy IT deploys beside the app: kiosk mode, the administrator PIN hash, update transport. It lives
// where only administrators can write (ProgramData, /etc), never among the settings the app itself edits,
// so an officer at the counter cannot switch kiosk mode off from the app.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface KioskPolicy {
  kioskMode: boolean;
  /** From hashAdminPin; without it, kiosk mode has no exit inside the app. */
  adminPinHash?: string;
  /** Lets updates come over plain http (a LAN without TLS), accepting that a rogue LAN device could serve one. */
  allowHttpUpdates?: boolean;
}

export function defaultPolicyFile(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'MotCua Counter', 'policy.json');
  return '/etc/motcua-counter/policy.json';
}

/** A missing file means no kiosk mode; a file that cannot be read as a policy locks the kiosk (the safe reading). */
export async function readKioskPolicy(file: string, log: (line: string) => void): Promise<KioskPolicy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kioskMode: false };
    log(`[kiosk] không đọc được chính sách ${file}: ${(error as Error).message}; bật chế độ kiosk`);
    return { kioskMode: true };
  }
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (typeof parsed !== 'object' || parsed === null) throw new Error('không phải một đối tượng JSON');
    const policy: KioskPolicy = { kioskMode: parsed.kioskMode === true };
    if (typeof parsed.adminPinHash === 'string') policy.adminPinHash = parsed.adminPinHash;
    if (parsed.allowHttpUpdates === true) policy.allowHttpUpdates = true;
    return policy;
  } catch (error) {
    log(`[kiosk] tệp chính sách ${file} hỏng (${(error as Error).message}); bật chế độ kiosk`);
    return { kioskMode: true };
  }
}

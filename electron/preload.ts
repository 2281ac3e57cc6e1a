// The renderer's KioskHost in Electron: one typed object, one IPC channel, nothing else exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_CALLS, type HostError } from '../shared/host';

export const HOST_CHANNEL = 'motcua:host';

type Reply = { ok: true; value: unknown } | { ok: false; error: HostError };

const kioskHost: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
for (const name of HOST_CALLS) {
  const [namespace, method] = name.split('.') as [string, string];
  (kioskHost[namespace] ??= {})[method] = async (...args: unknown[]) => {
    const reply = (await ipcRenderer.invoke(HOST_CHANNEL, name, args)) as Reply;
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value;
  };
}

contextBridge.exposeInMainWorld('kioskHost', kioskHost);

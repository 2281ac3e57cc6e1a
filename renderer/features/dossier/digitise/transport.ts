// The upload protocol over fetch (device credential), and SHA-256 through WebCrypto.
import type { AttachmentManifest, CompleteResponse, RemoteStatus, Sha256 } from '../../../../shared/attachments/protocol';
import { RECEIVED_CHUNKS_HEADER, parseReceivedHeader, toHex } from '../../../../shared/attachments/protocol';
import type { AttachmentTransport } from '../../../../shared/attachments/upload';

export const webCryptoSha256: Sha256 = async (bytes) => toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  return new Error(body?.error?.message ?? `Máy chủ trả lỗi ${response.status} khi nhận tệp số hóa.`);
}

export function fetchTransport(serverUrl: string, deviceToken: string, fetcher: typeof fetch = fetch): AttachmentTransport {
  const url = (path: string) => new URL(path, serverUrl).toString();
  const auth = { authorization: `Bearer ${deviceToken}` };
  return {
    async status(sha): Promise<RemoteStatus> {
      const r = await fetcher(url(`/v1/attachments/${sha}`), { method: 'HEAD', headers: auth, signal: AbortSignal.timeout(15_000) });
      if (r.status === 200) return { state: 'stored' };
      if (r.status === 206) return { state: 'partial', received: parseReceivedHeader(r.headers.get(RECEIVED_CHUNKS_HEADER)) };
      if (r.status === 404) return { state: 'absent' };
      throw new Error(`Máy chủ trả lỗi ${r.status} khi hỏi trạng thái tệp số hóa.`);
    },
    async putChunk(sha, n, bytes) {
      const r = await fetcher(url(`/v1/attachments/${sha}/chunks/${n}`), {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: bytes as Uint8Array<ArrayBuffer>,
        signal: AbortSignal.timeout(60_000),
      });
      if (!r.ok) throw await failure(r);
    },
    async complete(manifest: AttachmentManifest): Promise<CompleteResponse> {
      const r = await fetcher(url(`/v1/attachments/${manifest.sha256}/complete`), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(manifest),
        signal: AbortSignal.timeout(60_000),
      });
      if (!r.ok) throw await failure(r);
      return (await r.json()) as CompleteResponse;
    },
  };
}

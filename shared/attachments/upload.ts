// The counter side of the upload: ask what the server holds, send only the missing chunks, complete.
// Any failure leaves the local copy untouched and is retried later; the counter never waits on it.
import type { AttachmentManifest, CompleteResponse, RemoteStatus } from './protocol';
import { chunkCount, chunkRange, missingChunks } from './protocol';

export interface AttachmentTransport {
  status(sha256: string): Promise<RemoteStatus>;
  putChunk(sha256: string, n: number, bytes: Uint8Array): Promise<void>;
  complete(manifest: AttachmentManifest): Promise<CompleteResponse>;
}

export interface UploadReport {
  sha256: string;
  /** Chunks actually sent this time (0 when the server already had the file). */
  sentChunks: number;
  sentBytes: number;
  duplicate: boolean;
}

export async function uploadAttachment(bytes: Uint8Array, manifest: AttachmentManifest, transport: AttachmentTransport): Promise<UploadReport> {
  if (bytes.length !== manifest.size) throw new RangeError('Kích thước tệp không khớp với bản kê khai.');
  const status = await transport.status(manifest.sha256);
  if (status.state === 'stored') return { sha256: manifest.sha256, sentChunks: 0, sentBytes: 0, duplicate: true };
  const count = chunkCount(manifest.size, manifest.chunkSize);
  const todo = missingChunks(status.state === 'partial' ? status.received : [], count);
  let sentBytes = 0;
  for (const n of todo) {
    const { start, end } = chunkRange(n, manifest.size, manifest.chunkSize);
    await transport.putChunk(manifest.sha256, n, bytes.subarray(start, end));
    sentBytes += end - start;
  }
  const done = await transport.complete(manifest);
  return { sha256: manifest.sha256, sentChunks: todo.length, sentBytes, duplicate: done.duplicate };
}

// Files the office scanner saved into the machine's watched folder, as the digitising panel offers
// them: polled from the host every 2 s while the panel is open, each offered until an officer puts
// it into a dossier or sets it aside (remembered for the session, so the next dossier is not offered
// the papers of the last one).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskHost, ScannedFile, ScannedFileContent } from '../../../../shared/host';

export const SCAN_POLL_MS = 2000;

const settled = new Set<string>();
const fileKey = (f: ScannedFile) => `${f.seq}|${f.name}|${f.at}`;

/** Marks a file as used or set aside for the rest of this session. */
export function settleScannedFile(file: ScannedFile): void {
  settled.add(fileKey(file));
}

/** The files to offer: those already offered, then the fresh ones, without repeats or settled files. */
export function mergeOffered(current: readonly ScannedFile[], fresh: readonly ScannedFile[]): ScannedFile[] {
  const seen = new Set(current.map((f) => f.seq));
  const added = fresh.filter((f) => !seen.has(f.seq) && !settled.has(fileKey(f)));
  return [...current.filter((f) => !settled.has(fileKey(f))), ...added].sort((a, b) => a.seq - b.seq);
}

/** The scanned bytes as a Blob of their type, ready for the same import path as a chosen file. */
export function scannedFileBlob(content: ScannedFileContent): Blob {
  const bytes = Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: content.mediaType });
}

export interface ScanFolderOffer {
  /** The folder the machine watches; undefined when none is set. */
  folder?: string;
  files: ScannedFile[];
  /** Why the files cannot be listed, in Vietnamese; undefined while all is well. */
  problem?: string;
  settle(file: ScannedFile): void;
}

export function useScanFolder(host: KioskHost, intervalMs = SCAN_POLL_MS): ScanFolderOffer {
  const [folder, setFolder] = useState<string>();
  const [files, setFiles] = useState<ScannedFile[]>([]);
  const [problem, setProblem] = useState<string>();
  const afterSeq = useRef(0);

  useEffect(() => {
    const scanFolder = host.scanFolder;
    if (!scanFolder) return;
    let stopped = false;
    void host.settings.get().then(
      (s) => !stopped && setFolder(s.scanFolderPath || undefined),
      () => undefined,
    );
    async function poll() {
      try {
        const fresh = await scanFolder!.list(afterSeq.current);
        if (stopped) return;
        setProblem(undefined);
        if (fresh.length === 0) return;
        afterSeq.current = Math.max(afterSeq.current, ...fresh.map((f) => f.seq));
        setFiles((current) => mergeOffered(current, fresh));
      } catch (e) {
        if (!stopped) setProblem(`Không đọc được danh sách tệp máy quét: ${(e as Error).message}`);
      }
    }
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [host, intervalMs]);

  const settle = useCallback((file: ScannedFile) => {
    settleScannedFile(file);
    setFiles((current) => current.filter((f) => f.seq !== file.seq));
  }, []);

  return { folder, files, problem, settle };
}

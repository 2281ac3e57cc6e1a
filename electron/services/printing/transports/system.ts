// The operating system's spooler (CUPS `lp`), for printers installed as a system queue: the
// ESC/POS bytes go through as a raw job, so the driver never re-renders the slip.
import { spawn } from 'node:child_process';
import type { PrintOutcome, PrinterStatus } from '../../../../shared/host';
import { makeStatus } from '../escpos';
import type { PrinterTransportDriver } from './types';
import { failure } from './types';

export interface SystemOptions {
  /** The spooler command; tests point it at a stand-in. */
  lpCommand?: string;
  timeoutMs?: number;
}

function run(command: string, args: string[], input: Uint8Array | undefined, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? new Uint8Array(0));
  });
}

function missingSpooler(command: string): PrinterStatus {
  return makeStatus('error', `máy tính chưa có dịch vụ in của hệ điều hành (không tìm thấy lệnh "${command}"); nhờ bộ phận CNTT cài CUPS hoặc chọn cách kết nối khác`);
}

export function systemTransport(queue: string, options: SystemOptions = {}): PrinterTransportDriver {
  const lp = options.lpCommand ?? 'lp';
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async send(bytes: Uint8Array): Promise<PrintOutcome> {
      try {
        const result = await run(lp, ['-d', queue, '-o', 'raw', '-t', 'MotCua'], bytes, timeoutMs);
        if (result.code === 0) return { ok: true, bytes: bytes.length };
        return failure(true, makeStatus('offline', `hàng đợi in "${queue}" báo lỗi: ${result.stderr.trim() || `mã ${result.code}`}`));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return failure(false, missingSpooler(lp));
        return failure(true, makeStatus('error', (error as Error).message));
      }
    },
    async status(): Promise<PrinterStatus> {
      try {
        const result = await run('lpstat', ['-p', queue], undefined, timeoutMs);
        if (result.code !== 0) return makeStatus('offline', `không có hàng đợi in "${queue}"`);
        if (/disabled|tắt/i.test(result.stdout)) return makeStatus('offline', `hàng đợi in "${queue}" đang tạm dừng`);
        return makeStatus('unknown', `hàng đợi in "${queue}" đang hoạt động`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return missingSpooler('lpstat');
        return makeStatus('error', (error as Error).message);
      }
    },
  };
}

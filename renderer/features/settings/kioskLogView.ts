// The machine's log as the Cài đặt panel shows it: each JSON line read back as time, level, source
// and message, newest first; a line that is not JSON (a torn write) is shown as it is.
import { formatVietnamDateTime } from '../../../shared/domain';

export interface LogLine {
  at: string;
  level: string;
  source: string;
  message: string;
  detail?: string;
}

const LEVELS: Record<string, string> = { error: 'Lỗi', warn: 'Cảnh báo', info: 'Thông tin' };
const SOURCES: Record<string, string> = { renderer: 'màn hình', machine: 'máy quầy' };

export function logLines(text: string, limit = 200): LogLine[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines
    .slice(-limit)
    .reverse()
    .map((raw) => {
      try {
        const { at, level, source, message, context } = JSON.parse(raw) as { at?: string; level?: string; source?: string; message?: string; context?: unknown };
        return {
          at: typeof at === 'string' ? formatVietnamDateTime(at) : '',
          level: LEVELS[level ?? ''] ?? String(level ?? ''),
          source: SOURCES[source ?? ''] ?? String(source ?? ''),
          message: String(message ?? ''),
          detail: context === undefined ? undefined : JSON.stringify(context),
        };
      } catch {
        return { at: '', level: '', source: '', message: raw };
      }
    });
}

// The queue's configuration: the Center's name and the lines a citizen can take a number for (a desk
// kind or a group of the catalogue's fields), one JSON file the Center edits; a bad one stops the
// service at start with a Vietnamese message saying what to fix.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QueueLine } from '../../../shared/queue/model';
import type { QueueConfig } from './service';

export const DEMO_QUEUE_CONFIG = fileURLToPath(new URL('../../../assets/queue/queue-demo.json', import.meta.url));

export class QueueConfigError extends Error {}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

export function parseQueueConfig(value: unknown, file = 'cấu hình hàng chờ'): QueueConfig {
  const bad = (problem: string) => new QueueConfigError(`Tệp ${file} không dùng được: ${problem}.`);
  const v = value as { center?: unknown; lines?: unknown };
  if (!v || typeof v !== 'object') throw bad('cần một đối tượng JSON có "center" và "lines"');
  if (!Array.isArray(v.center) || v.center.length === 0 || !v.center.every((l) => isText(l, 80))) throw bad('"center" phải là danh sách dòng tên Trung tâm (mỗi dòng tối đa 80 ký tự)');
  if (!Array.isArray(v.lines) || v.lines.length === 0 || v.lines.length > 9) throw bad('"lines" phải có từ 1 đến 9 hàng chờ');
  const lines: QueueLine[] = v.lines.map((raw: Partial<QueueLine>, i: number) => {
    const where = `hàng chờ thứ ${i + 1}`;
    if (!isText(raw.id, 20) || !/^[a-z0-9-]+$/.test(raw.id)) throw bad(`${where}: "id" chỉ gồm chữ thường không dấu, số và dấu gạch`);
    if (!Number.isInteger(raw.prefix) || raw.prefix! < 1 || raw.prefix! > 9) throw bad(`${where}: "prefix" là chữ số đầu của số thứ tự, từ 1 đến 9`);
    if (!isText(raw.name, 60)) throw bad(`${where}: "name" là tên hàng chờ, tối đa 60 ký tự`);
    if (raw.desk !== 'receive' && raw.desk !== 'return') throw bad(`${where}: "desk" là "receive" (nộp hồ sơ) hoặc "return" (nhận kết quả)`);
    if (!Array.isArray(raw.fields) || !raw.fields.every((f) => isText(f, 200))) throw bad(`${where}: "fields" là danh sách lĩnh vực`);
    return { id: raw.id, prefix: raw.prefix!, name: raw.name.trim(), desk: raw.desk, fields: raw.fields };
  });
  for (const key of ['id', 'prefix'] as const) {
    const seen = new Set(lines.map((l) => l[key]));
    if (seen.size !== lines.length) throw bad(`hai hàng chờ trùng "${key}"`);
  }
  return { center: v.center as string[], lines };
}

export function loadQueueConfig(file: string): QueueConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new QueueConfigError(`Không đọc được tệp cấu hình hàng chờ ${file}: ${(error as Error).message}.`, { cause: error });
  }
  try {
    return parseQueueConfig(JSON.parse(text), file);
  } catch (error) {
    if (error instanceof QueueConfigError) throw error;
    throw new QueueConfigError(`Tệp cấu hình hàng chờ ${file} không phải JSON hợp lệ: ${(error as Error).message}.`, { cause: error });
  }
}

import { describe, expect, it } from 'vitest';
import { logLines } from './kioskLogView';

describe('the machine log as the settings panel shows it', () => {
  it('reads JSON lines newest first in Vietnamese, and keeps a torn line as it is', () => {
    const text = [
      JSON.stringify({ at: '2026-03-02T02:05:00.000Z', level: 'warn', source: 'renderer', message: 'Đồng bộ với máy chủ chưa được', context: { code: 'OFFLINE' } }),
      '{"at":"2026-03-02T02:06:00.000Z","lev',
      JSON.stringify({ at: '2026-03-02T02:07:00.000Z', level: 'error', source: 'machine', message: 'Máy in không trả lời' }),
      '',
    ].join('\n');
    expect(logLines(text)).toEqual([
      { at: '09:07 02/03/2026', level: 'Lỗi', source: 'máy quầy', message: 'Máy in không trả lời', detail: undefined },
      { at: '', level: '', source: '', message: '{"at":"2026-03-02T02:06:00.000Z","lev' },
      { at: '09:05 02/03/2026', level: 'Cảnh báo', source: 'màn hình', message: 'Đồng bộ với máy chủ chưa được', detail: '{"code":"OFFLINE"}' },
    ]);
    expect(logLines(text, 1)).toHaveLength(1);
  });
});

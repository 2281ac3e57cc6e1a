// Nhật ký máy quầy: what went wrong at this counter (sync, printing, scanning, uncaught errors), read
// back from the machine's log file, newest first; the administrator can save the file to send it on.
import { useCallback, useEffect, useState } from 'react';
import { vnDateKey } from '../../../shared/calendar';
import { kioskLog } from '../../host/log';
import { useKiosk } from '../../kiosk/kiosk';
import { logLines, type LogLine } from './kioskLogView';

const READ_BYTES = 256 * 1024;

export function KioskLogPanel() {
  const { host } = useKiosk();
  const [lines, setLines] = useState<LogLine[]>();
  const [text, setText] = useState('');
  const [where, setWhere] = useState<string>();
  const [problem, setProblem] = useState<string>();

  const load = useCallback(async () => {
    // Lines still waiting in the screen's buffer belong in what the administrator reads.
    await kioskLog.flush();
    const read = await host.log.read({ maxBytes: READ_BYTES }).catch((e: Error) => ({ ok: false as const, error: { code: 'HOST', message: e.message } }));
    if (!read.ok) {
      setProblem(`Không đọc được nhật ký của máy: ${read.error.message}`);
      return;
    }
    setProblem(undefined);
    setText(read.text);
    setWhere(read.path);
    setLines(logLines(read.text));
  }, [host]);

  useEffect(() => {
    void load();
  }, [load]);

  function save() {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `motcua-nhat-ky-${vnDateKey(new Date())}.log`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="settings-panel" aria-labelledby="kiosk-log-title">
      <div className="panel-head">
        <h2 id="kiosk-log-title">Nhật ký máy quầy</h2>
        <div className="actions">
          <button type="button" onClick={() => void load()}>
            Tải lại
          </button>
          <button type="button" onClick={save} disabled={text === ''}>
            Lưu tệp nhật ký
          </button>
        </div>
      </div>
      <p className="hint">Lỗi đồng bộ, in, quét và lỗi của phần mềm trên máy này, mới nhất ở trên.{where ? ` Tệp trên máy: ${where}` : ''}</p>
      {problem ? (
        <p className="banner error" role="alert">
          {problem}
        </p>
      ) : null}
      {lines && lines.length === 0 ? <p className="muted">Chưa có dòng nhật ký nào.</p> : null}
      {lines && lines.length > 0 ? (
        <div className="log-lines">
          <table data-testid="kiosk-log">
            <thead>
              <tr>
                <th>Thời điểm</th>
                <th>Mức</th>
                <th>Nguồn</th>
                <th>Nội dung</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={i} className={l.level === 'Lỗi' ? 'error' : undefined}>
                  <td>{l.at}</td>
                  <td>{l.level}</td>
                  <td>{l.source}</td>
                  <td>
                    {l.message}
                    {l.detail ? <small className="log-detail">{l.detail}</small> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

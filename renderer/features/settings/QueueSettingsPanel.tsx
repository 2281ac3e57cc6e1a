// Which hall queue this counter calls numbers from, and which of its lines (fields or desk kinds)
// it serves: the machine's setting `queue`. The lines are read from the queue service itself.
import { useEffect, useState, type FormEvent } from 'react';
import type { KioskSettings } from '../../../shared/host';
import { DESK_LABELS, type QueueLine } from '../../../shared/queue/model';
import { useKiosk } from '../../kiosk/kiosk';
import { SettingsNotice } from './SettingsNotice';

export function QueueSettingsPanel(props: { settings: KioskSettings; canEdit: boolean; save(patch: Partial<KioskSettings>): Promise<string | undefined> }) {
  const { host, credential } = useKiosk();
  const saved = props.settings.queue;
  const [url, setUrl] = useState(saved?.url ?? '');
  const [chosen, setChosen] = useState<string[]>(saved?.lines ?? []);
  const [lines, setLines] = useState<QueueLine[]>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    setUrl(saved?.url ?? '');
    setChosen(saved?.lines ?? []);
  }, [saved]);

  async function loadLines() {
    const answer = await host.queue.request({ method: 'GET', path: '/api/lines' });
    if (!answer.ok) return setNotice({ ok: false, text: answer.message });
    setLines((answer.value as { lines: QueueLine[] }).lines);
  }

  useEffect(() => {
    if (saved) void loadLines();
    // Once per saved address: the lines of that service.
  }, [saved?.url]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const address = url.trim();
    if (address === '') {
      const problem = await props.save({ queue: null });
      return setNotice(problem ? { ok: false, text: problem } : { ok: true, text: 'Đã bỏ hàng chờ: quầy này không gọi số.' });
    }
    if (!/^https?:\/\/[^/\s]+/.test(address)) return setNotice({ ok: false, text: 'Địa chỉ dịch vụ hàng chờ viết dạng http://192.168.1.20:5180/.' });
    const problem = await props.save({ queue: { url: address.endsWith('/') ? address : `${address}/`, lines: chosen } });
    if (problem) return setNotice({ ok: false, text: problem });
    setNotice({ ok: true, text: chosen.length ? `Đã lưu. Quầy ${credential.counterIndex} gọi số của ${chosen.length} hàng chờ.` : 'Đã lưu địa chỉ. Chọn các hàng chờ quầy này phục vụ rồi lưu lại.' });
    await loadLines();
  }

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <section className="settings-panel" aria-labelledby="queue-settings-title">
      <h2 id="queue-settings-title">Hàng chờ (gọi số thứ tự)</h2>
      <form onSubmit={submit} noValidate aria-label="Hàng chờ của quầy">
        <label className="field" htmlFor="queue-url">
          <span>Máy chạy hàng chờ (http://máy:cổng)</span>
          <input id="queue-url" value={url} disabled={!props.canEdit} placeholder="Ví dụ: http://192.168.1.20:5180/" onChange={(e) => setUrl(e.target.value)} />
          <small className="field-hint">Máy của Trung tâm chạy máy lấy số và màn hình sảnh. Để trống nếu quầy không gọi số.</small>
        </label>
        {lines ? (
          <fieldset className="queue-lines">
            <legend>Các hàng chờ quầy {credential.counterIndex} phục vụ</legend>
            {lines.map((l) => (
              <label key={l.id} className="check">
                <input type="checkbox" checked={chosen.includes(l.id)} disabled={!props.canEdit} onChange={() => toggle(l.id)} />
                {l.name}{' '}
                <span className="muted">
                  ({DESK_LABELS[l.desk]}, số {l.prefix}001…)
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <SettingsNotice notice={notice} />
        {props.canEdit && (
          <div className="actions">
            <button type="submit" className="primary">
              Lưu hàng chờ <kbd>Enter</kbd>
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

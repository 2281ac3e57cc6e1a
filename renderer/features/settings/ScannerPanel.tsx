// The serial scanner: most counters use keyboard-mode scanners (nothing to set); a serial one is
// chosen from the ports the machine reports, with its baud rate, and saved as `scannerPort`.
import { useEffect, useState, type FormEvent } from 'react';
import type { KioskSettings, SerialPortInfo } from '../../../shared/host';
import { useKiosk } from '../../kiosk/kiosk';
import { BAUD_RATES, scannerDraft, validateScannerDraft, type FieldErrors } from './printerForm';
import { SettingsNotice } from './SettingsNotice';

export function ScannerPanel(props: { settings: KioskSettings; canEdit: boolean; save(patch: Partial<KioskSettings>): Promise<string | undefined> }) {
  const { host } = useKiosk();
  const [draft, setDraft] = useState(() => scannerDraft(props.settings));
  const [ports, setPorts] = useState<SerialPortInfo[]>();
  const [portsError, setPortsError] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();

  async function loadPorts() {
    setPortsError(undefined);
    try {
      setPorts(await host.scanner.listPorts());
    } catch (e) {
      setPorts([]);
      setPortsError(`Không liệt kê được cổng nối tiếp: ${(e as Error).message}`);
    }
  }
  useEffect(() => void loadPorts(), [host]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const result = validateScannerDraft(draft);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    const problem = await props.save({ scannerPort: result.scannerPort });
    setNotice(
      problem
        ? { ok: false, text: problem }
        : {
            ok: true,
            text: result.scannerPort
              ? `Đã lưu máy quét ở cổng ${result.scannerPort.path}, ${result.scannerPort.baudRate} baud. Máy quét bắt đầu nhận mã sau khi khởi động lại ứng dụng.`
              : 'Đã lưu: chỉ dùng máy quét kiểu bàn phím.',
          },
    );
  }

  const known = ports?.some((p) => p.path === draft.path) ?? false;
  return (
    <section className="settings-panel" aria-labelledby="scanner-title">
      <h2 id="scanner-title">Máy quét mã vạch</h2>
      <form onSubmit={submit} className="scanner-form" noValidate>
        <label className="check">
          <input type="checkbox" checked={draft.enabled} disabled={!props.canEdit} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
          Dùng máy quét qua cổng nối tiếp (COM/USB-serial). Bỏ chọn nếu máy quét gõ như bàn phím.
        </label>
        {draft.enabled && (
          <div className="field-row">
            <label className={errors.path ? 'field invalid grow' : 'field grow'} htmlFor="scanner-path">
              <span>Cổng</span>
              <input
                id="scanner-path"
                list="scanner-ports"
                value={draft.path}
                disabled={!props.canEdit}
                onChange={(e) => setDraft({ ...draft, path: e.target.value })}
                aria-invalid={errors.path ? true : undefined}
                aria-describedby={errors.path ? 'scanner-path-error' : undefined}
              />
              <datalist id="scanner-ports">
                {ports?.map((p) => (
                  <option key={p.path} value={p.path}>
                    {p.manufacturer ?? ''}
                  </option>
                ))}
              </datalist>
              {!errors.path && (
                <small className="field-hint">
                  {ports === undefined
                    ? 'Đang tìm các cổng…'
                    : ports.length === 0
                      ? 'Máy không báo cổng nối tiếp nào; kiểm tra cáp máy quét.'
                      : known
                        ? 'Cổng máy đang thấy.'
                        : `Máy đang thấy: ${ports.map((p) => p.path).join(', ')}`}
                </small>
              )}
              {errors.path && (
                <span id="scanner-path-error" role="alert" className="field-error">
                  {errors.path}
                </span>
              )}
            </label>
            <label className={errors.baudRate ? 'field invalid' : 'field'} htmlFor="scanner-baud">
              <span>Tốc độ (baud)</span>
              <select
                id="scanner-baud"
                value={draft.baudRate}
                disabled={!props.canEdit}
                onChange={(e) => setDraft({ ...draft, baudRate: e.target.value })}
                aria-invalid={errors.baudRate ? true : undefined}
                aria-describedby={errors.baudRate ? 'scanner-baud-error' : undefined}
              >
                {!BAUD_RATES.includes(Number(draft.baudRate)) && <option value={draft.baudRate}>{draft.baudRate}</option>}
                {BAUD_RATES.map((b) => (
                  <option key={b} value={String(b)}>
                    {b}
                  </option>
                ))}
              </select>
              {errors.baudRate && (
                <span id="scanner-baud-error" role="alert" className="field-error">
                  {errors.baudRate}
                </span>
              )}
            </label>
          </div>
        )}
        {portsError && <p className="banner warn">{portsError}</p>}
        <SettingsNotice notice={notice} />
        {props.canEdit && (
          <div className="actions">
            <button type="submit" className="primary">
              Lưu máy quét <kbd>Enter</kbd>
            </button>
            <button type="button" onClick={() => void loadPorts()}>
              Tìm lại cổng
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

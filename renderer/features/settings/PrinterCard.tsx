// One configured printer: its settings, its status as the printer reports it, a test page sent to
// exactly this printer through the print queue, and (for administrators) edit and remove.
import { useCallback, useEffect, useState } from 'react';
import type { PrinterConfig, PrinterStatus } from '../../../shared/host';
import { useKiosk } from '../../kiosk/kiosk';
import { usePrinting } from '../../kiosk/printing';
import { PAPER_LABELS, PRINT_ROLES, ROLE_LABELS, TRANSPORT_LABELS } from './printerForm';
import { testPageFor } from './testPage';

const STATUS_CLASS: Record<PrinterStatus['state'], string> = {
  ready: 'ok',
  paperLow: 'warn',
  unknown: 'warn',
  offline: 'bad',
  coverOpen: 'bad',
  paperOut: 'bad',
  error: 'bad',
};

export function PrinterCard(props: { printer: PrinterConfig; canEdit: boolean; previewing: boolean; onPreview(): void; onEdit(): void; onRemove(): Promise<void> }) {
  const { printer, canEdit } = props;
  const { host, credential } = useKiosk();
  const printing = usePrinting();
  const [status, setStatus] = useState<PrinterStatus | 'checking'>('checking');
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [confirming, setConfirming] = useState(false);

  const checkStatus = useCallback(async () => {
    setStatus('checking');
    try {
      setStatus(await host.printers.status(printer.id));
    } catch (e) {
      setStatus({ state: 'error', message: `Không hỏi được trạng thái máy in: ${(e as Error).message}` });
    }
  }, [host, printer.id]);
  useEffect(() => void checkStatus(), [checkStatus]);

  async function printTestPage() {
    setNotice(undefined);
    const result = await printing.queue.enqueue({ printerId: printer.id, document: testPageFor(printer, credential.counterName), copies: 1 });
    setNotice(result.ok ? { ok: true, text: `Đã gửi trang in thử tới “${printer.name}”. Xem tiến trình trong hàng đợi in bên dưới.` } : { ok: false, text: result.message });
  }

  const title = `${printer.name}`;
  return (
    <li className="printer-card" aria-label={title}>
      <div className="printer-head">
        <strong>{printer.name}</strong>
        <span className={`printer-status ${status === 'checking' ? 'warn' : STATUS_CLASS[status.state]}`} data-testid="printer-status">
          {status === 'checking' ? 'Đang kiểm tra trạng thái…' : status.message}
        </span>
      </div>
      <dl className="facts compact">
        <dt>Kết nối</dt>
        <dd>
          {printer.transport === 'virtual' ? 'Máy in ảo' : TRANSPORT_LABELS[printer.transport]} · {printer.address}
        </dd>
        <dt>Khổ giấy</dt>
        <dd>{PAPER_LABELS[printer.paper]}</dd>
        <dt>In</dt>
        <dd>
          {PRINT_ROLES.filter((r) => printer.roles.includes(r))
            .map((r) => `${ROLE_LABELS[r]} (${printer.copies[r] ?? 1} bản)`)
            .join(', ')}
        </dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => void printTestPage()}>
          In trang thử
        </button>
        <button type="button" onClick={() => void checkStatus()}>
          Kiểm tra trạng thái
        </button>
        <button type="button" aria-pressed={props.previewing} onClick={props.onPreview}>
          {props.previewing ? 'Đang xem trước' : 'Xem trước'}
        </button>
        {canEdit && (
          <>
            <button type="button" onClick={props.onEdit}>
              Sửa
            </button>
            {confirming ? (
              <span className="confirm" role="group" aria-label="Xác nhận xoá">
                Xoá máy in “{printer.name}”?
                <button type="button" className="danger" onClick={() => void props.onRemove()} autoFocus>
                  Xoá
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Không
                </button>
              </span>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirming(true)}>
                Xoá
              </button>
            )}
          </>
        )}
      </div>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'banner ok' : 'banner error'}>
          {notice.text}
        </p>
      )}
    </li>
  );
}

// The print queue as staff see it: recent jobs with their state and last error; cancel a waiting
// job, retry a failed one, or reprint a finished one (the copy is marked "BẢN IN LẠI"); a copy the
// printer never confirmed waits for the officer's answer to "Đã in ra chưa?".
import { useEffect, useMemo, useState } from 'react';
import { formatVietnamDateTime } from '../../../shared/domain/time';
import type { PrinterConfig } from '../../../shared/host';
import { useKiosk } from '../../kiosk/kiosk';
import { usePrinting } from '../../kiosk/printing';
import { PrintedQuestion } from '../../kiosk/PrintedQuestion';
import type { PrintJobRecord, PrintJobState } from '../../print/queue';
import { mergeJobs, SHOWN_JOBS } from './queueView';

const STATE_LABELS: Record<PrintJobState, string> = {
  queued: 'Đang chờ in',
  printing: 'Đang in',
  unconfirmed: 'Máy in chưa xác nhận',
  done: 'Đã in',
  failed: 'Lỗi, đã dừng',
  cancelled: 'Đã huỷ',
};

export function PrintQueuePanel({ printers }: { printers: readonly PrinterConfig[] }) {
  const { db } = useKiosk();
  const printing = usePrinting();
  const [stored, setStored] = useState<PrintJobRecord[]>([]);
  const [notice, setNotice] = useState<string>();
  useEffect(() => {
    void db.printQueue.orderBy('createdAt').reverse().limit(SHOWN_JOBS).toArray().then(setStored);
  }, [db]);
  const jobs = useMemo(() => mergeJobs(stored, printing.jobs), [stored, printing.jobs]);
  const printerName = (id: string) => printers.find((p) => p.id === id)?.name ?? 'Máy in đã xoá';

  async function act(job: PrintJobRecord, action: 'cancel' | 'retry' | 'reprint') {
    setNotice(undefined);
    if (action === 'cancel') {
      if (!(await printing.queue.cancel(job.id))) setNotice(`Lệnh in “${job.document.title}” đã xong hoặc đã huỷ, không huỷ được nữa.`);
    } else if (action === 'retry') {
      if (!(await printing.queue.retry(job.id))) setNotice(`Lệnh in “${job.document.title}” không ở trạng thái lỗi nên không cần in lại.`);
    } else {
      const result = await printing.queue.reprint(job.id);
      if (!result.ok) setNotice(result.message);
    }
  }

  return (
    <section className="settings-panel" aria-labelledby="queue-title">
      <h2 id="queue-title">Hàng đợi in</h2>
      <p className="hint">
        Lệnh in được lưu trong máy: máy in tắt hay hết giấy thì lệnh chờ và tự in lại, không làm chậm việc lưu hồ sơ. Lệnh đã gửi mà máy in không xác nhận thì không tự in lại: hãy xem giấy đã ra chưa
        rồi trả lời.
      </p>
      {notice && (
        <p role="alert" className="banner error">
          {notice}
        </p>
      )}
      {jobs.length === 0 ? (
        <p className="hint">Chưa có lệnh in nào.</p>
      ) : (
        <table className="queue-table">
          <thead>
            <tr>
              <th scope="col">Giấy tờ</th>
              <th scope="col">Máy in</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Bản</th>
              <th scope="col">Lúc gửi</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} data-state={job.state} data-testid="print-job">
                <td>
                  {job.document.title}
                  {job.reprintOf && <span className="tag">BẢN IN LẠI</span>}
                </td>
                <td>{job.awaitsPrinter ? 'Chọn khi máy cục bộ trả lời' : printerName(job.printerId)}</td>
                <td>
                  <span className={`job-state ${job.state}`}>{STATE_LABELS[job.state]}</span>
                  {job.lastError && <div className="job-error">{job.lastError}</div>}
                  {job.state === 'unconfirmed' && <PrintedQuestion job={job} onError={setNotice} />}
                </td>
                <td>
                  {job.copiesDone}/{job.copies}
                </td>
                <td>{formatVietnamDateTime(new Date(job.createdAt))}</td>
                <td className="actions">
                  {(job.state === 'queued' || job.state === 'printing' || job.state === 'unconfirmed' || job.state === 'failed') && (
                    <button type="button" onClick={() => void act(job, 'cancel')}>
                      Huỷ
                    </button>
                  )}
                  {job.state === 'failed' && (
                    <button type="button" onClick={() => void act(job, 'retry')}>
                      Thử lại
                    </button>
                  )}
                  {(job.state === 'done' || job.state === 'cancelled') && (
                    <button type="button" onClick={() => void act(job, 'reprint')}>
                      In lại
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

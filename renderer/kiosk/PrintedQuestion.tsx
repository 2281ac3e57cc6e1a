// A copy the printer took but never confirmed may be on paper: only the officer can tell, so the
// queue waits for "Đã in" or "In lại" instead of printing it again on its own.
import { useEffect, useState } from 'react';
import type { PrintJobRecord } from '../print/queue';
import { useKiosk } from './kiosk';
import { useOptionalPrinting } from './printing';

export const PRINTED_QUESTION = 'Đã in ra chưa?';

/** The question for one job, with its two answers. */
export function PrintedQuestion({ job, onError }: { job: PrintJobRecord; onError?: (message: string) => void }) {
  const printing = useOptionalPrinting();
  if (!printing) return null;
  const answer = async (printed: boolean) => {
    const done = printed ? await printing.queue.confirmPrinted(job.id) : await printing.queue.printAgain(job.id);
    if (!done) onError?.(`Lệnh in “${job.document.title}” đã được trả lời hoặc đã huỷ.`);
  };
  return (
    <span className="printed-question" data-testid="printed-question">
      <strong>{PRINTED_QUESTION}</strong>{' '}
      <button type="button" onClick={() => void answer(true)}>
        Đã in
      </button>{' '}
      <button type="button" onClick={() => void answer(false)}>
        In lại
      </button>
    </span>
  );
}

/** Every job waiting for that answer, shown above every screen so the question is not missed. */
export function UnconfirmedPrints() {
  const { db } = useKiosk();
  const printing = useOptionalPrinting();
  const [waiting, setWaiting] = useState<PrintJobRecord[]>([]);
  const [notice, setNotice] = useState<string>();
  useEffect(() => {
    void db.printQueue.where('state').equals('unconfirmed').sortBy('createdAt').then(setWaiting);
  }, [db, printing?.jobs]);
  if (waiting.length === 0) return null;
  return (
    <div role="alert" className="banner warning" data-testid="unconfirmed-prints">
      {waiting.map((job) => (
        <p key={job.id}>
          Máy in chưa xác nhận đã in “{job.document.title}” (bản {job.copiesDone + 1}/{job.copies}). Hãy xem máy in rồi trả lời: <PrintedQuestion job={job} onError={setNotice} />
        </p>
      ))}
      {notice && <p>{notice}</p>}
    </div>
  );
}

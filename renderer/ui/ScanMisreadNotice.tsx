// "Quét lại": a scan the detector could not read whole (its keys held up on a loaded machine, the
// rest never joined it) is never lost without a word. The notice buzzes like any refused scan and
// stands at the top of the screen until the next scan, Esc, or 15 seconds.
import { useEffect, useState } from 'react';
import { acknowledgeScan, scanStream, type Misread } from '../scan';
import './scanMisreadNotice.css';

const SHOWN_MS = 15_000;

export const SCAN_MISREAD_MESSAGE = 'Mã vừa quét không đọc được trọn vẹn (máy đang chậm). Hãy quét lại mã này.';

export function ScanMisreadNotice() {
  const [shown, setShown] = useState<Misread>();
  useEffect(() => {
    const stopMisreads = scanStream.subscribeMisreads((misread) => {
      acknowledgeScan('unknownCode');
      setShown(misread);
    });
    const stopScans = scanStream.subscribe(() => setShown(undefined));
    return () => {
      stopMisreads();
      stopScans();
    };
  }, []);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(undefined), SHOWN_MS);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setShown(undefined);
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="scan-misread" role="alert" data-testid="scan-misread">
      <strong>Quét lại</strong>
      <span>{SCAN_MISREAD_MESSAGE}</span>
      <button type="button" className="link" onClick={() => setShown(undefined)}>
        Đóng <kbd>Esc</kbd>
      </button>
    </div>
  );
}

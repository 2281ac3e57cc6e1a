// Several pages of one document from the document camera: Space captures a page, Enter finishes.
import { useEffect, useRef, useState } from 'react';
import type { JpegPage } from '../../../../shared/attachments/pdf';
import { captureFrame } from './capture';

export function CameraCapture({ documentName, onDone, onCancel }: { documentName: string; onDone(pages: JpegPage[]): void; onCancel(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [pages, setPages] = useState<JpegPage[]>([]);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
      })
      .catch(() => setMessage('Không mở được máy ảnh tài liệu. Kiểm tra dây cắm hoặc dùng máy quét / chọn tệp.'));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  async function shoot() {
    if (!video.current || busy) return;
    setBusy(true);
    try {
      const { page, found } = await captureFrame(video.current);
      setPages((p) => [...p, page]);
      setMessage(found ? undefined : 'Không thấy rõ mép trang: đã giữ cả khung hình. Đặt giấy trên nền tối nếu cần chụp lại.');
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function onKey(e: React.KeyboardEvent) {
    if (e.key === ' ') {
      e.preventDefault();
      void shoot();
    } else if (e.key === 'Enter' && pages.length > 0) {
      e.preventDefault();
      onDone(pages);
    } else if (e.key === 'Escape') onCancel();
  }

  return (
    <div className="camera-capture" tabIndex={0} onKeyDown={onKey} aria-label={`Chụp ${documentName}`} autoFocus>
      <video ref={video} muted playsInline className="camera-video" />
      <p className="camera-count" data-testid="camera-pages">
        {documentName}: đã chụp {pages.length} trang
      </p>
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="camera-actions">
        <button type="button" onClick={() => void shoot()} disabled={busy}>
          Chụp trang <kbd>Space</kbd>
        </button>
        <button type="button" onClick={() => onDone(pages)} disabled={pages.length === 0}>
          Xong tài liệu <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          Hủy <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}

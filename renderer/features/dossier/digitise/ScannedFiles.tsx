// The scanner folder's new files, each offered with the checklist line it should copy (the first
// line still on paper by default); the officer puts it into the dossier or sets it aside.
import { useState } from 'react';
import type { ScannedFile } from '../../../../shared/host';
import type { ScanFolderOffer } from './scanFolder';

const KB = 1024;
const sizeText = (bytes: number) => (bytes >= KB * KB ? `${(bytes / KB / KB).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / KB))} KB`);
const timeText = (iso: string) => new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

export function ScannedFiles(props: {
  offer: ScanFolderOffer;
  checklist: readonly { name: string }[];
  lines: readonly { line: number; state: string }[];
  onAssign(line: number, file: ScannedFile): void;
}) {
  const { offer } = props;
  if (!offer.folder && offer.files.length === 0 && !offer.problem) return null;
  const firstPaper = props.lines.find((l) => l.state === 'paperOnly')?.line ?? 0;
  return (
    <section className="scanned-files" aria-labelledby="scanned-title">
      <h4 id="scanned-title">Tệp từ máy quét{offer.folder ? ` (thư mục ${offer.folder})` : ''}</h4>
      {offer.problem ? (
        <p className="banner warn" role="status">
          {offer.problem}
        </p>
      ) : null}
      {offer.files.length === 0 ? (
        <p className="muted">Chưa có tệp mới. Quét giấy tờ trên máy quét văn phòng: tệp sẽ hiện ở đây sau vài giây.</p>
      ) : (
        <ul>
          {offer.files.map((f) => (
            <ScannedFileRow key={f.seq} file={f} checklist={props.checklist} defaultLine={firstPaper} onAssign={props.onAssign} onSetAside={offer.settle} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ScannedFileRow(props: {
  file: ScannedFile;
  checklist: readonly { name: string }[];
  defaultLine: number;
  onAssign(line: number, file: ScannedFile): void;
  onSetAside(file: ScannedFile): void;
}) {
  const { file } = props;
  const [line, setLine] = useState<number>();
  const chosen = line ?? props.defaultLine;
  return (
    <li className="scanned-file" data-testid={`scanned-file-${file.seq}`}>
      <span className="scanned-name">
        {file.name}{' '}
        <small>
          ({file.mediaType === 'application/pdf' ? 'PDF' : 'ảnh'}, {sizeText(file.size)}, lúc {timeText(file.at)})
        </small>
      </span>
      <select value={chosen} onChange={(e) => setLine(Number(e.target.value))} aria-label={`Giấy tờ cho tệp ${file.name}`}>
        {props.checklist.map((c, i) => (
          <option key={i} value={i}>
            {i + 1}. {c.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => props.onAssign(chosen, file)}>
        Đưa vào hồ sơ
      </button>
      <button type="button" onClick={() => props.onSetAside(file)}>
        Bỏ qua
      </button>
    </li>
  );
}

// Digitising at reception (TT 03/2025, Điều 5): for each ticked checklist line, a PDF from the
// document camera, the office scanner's watched folder or a file, or an exemption with its reason. Captures are saved to IndexedDB
// first, then linked to the dossier by a documentDigitised fact (which syncs) and uploaded in the
// background; the panel shows what is digitised and what is paper-only from the dossier's state.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useKiosk } from '../../../kiosk/kiosk';
import { copyFact, EXEMPTION_LABELS, exemptionFact, exemptionProblem, type AttachmentRecord, type DigitisationExemption, type ExemptionRecord } from '../../../../shared/attachments/model';
import type { JpegPage } from '../../../../shared/attachments/pdf';
import type { DossierState } from '../../../../shared/domain';
import type { ScannedFile } from '../../../../shared/host';
import { CameraCapture } from './CameraCapture';
import { fileToPdf, pagesToPdf, pdfPageCount } from './capture';
import { lineViews } from './lines';
import { ScannedFiles } from './ScannedFiles';
import { scannedFileBlob, useScanFolder } from './scanFolder';
import { dossierAttachments, pumpUploads, recordDigitised, recordExemption, saveCapture, unrecordedFacts } from './store';
import { fetchTransport, webCryptoSha256 } from './transport';
import './digitise.css';

export interface ChecklistLine {
  name: string;
}

export function DigitisePanel({ dossierId, checklist }: { dossierId: string; checklist: readonly ChecklistLine[] }) {
  const kiosk = useKiosk();
  const [dossier, setDossier] = useState<DossierState>();
  const [attachments, setAttachments] = useState<AttachmentRecord[]>([]);
  const [camera, setCamera] = useState<number>();
  const [exempting, setExempting] = useState<number>();
  const [message, setMessage] = useState<{ line: number; text: string }>();
  const nameOf = useCallback((line: number) => checklist[line]?.name ?? `Giấy tờ số ${line + 1}`, [checklist]);

  const reload = useCallback(async () => {
    const [row, found] = await Promise.all([kiosk.db.dossiers.get(dossierId), dossierAttachments(kiosk.db, dossierId)]);
    setDossier(row?.state);
    setAttachments(found.attachments);
    return { state: row?.state, found };
  }, [kiosk.db, dossierId]);

  /** The link is what counts: a save that never got its fact (app closed in between) is recorded now. */
  const link = useCallback(
    async (line: number, fact: Parameters<typeof recordDigitised>[2], done: string) => {
      const linked = await recordDigitised(kiosk.db, kiosk.eventMeta(dossierId), fact);
      setMessage({ line, text: linked.ok ? done : `Đã lưu trên máy quầy nhưng chưa ghi được vào hồ sơ: ${linked.error.message}` });
    },
    [kiosk, dossierId],
  );

  // Once per dossier: the checklist prop is rebuilt on every parent render.
  const repaired = useRef<string | undefined>(undefined);
  useEffect(() => {
    void reload().then(async ({ state, found }) => {
      if (!state || repaired.current === dossierId) return;
      repaired.current = dossierId;
      const missing = unrecordedFacts(state, found.attachments, found.exemptions, nameOf);
      for (const fact of missing) await link(fact.line, fact, 'Đã ghi vào hồ sơ bản số hóa lưu trước đó trên máy quầy.');
      if (missing.length > 0) await reload();
    });
  }, [reload, link, nameOf, dossierId]);

  // Upload never blocks the desk: it runs after the capture is durable and reports nothing on failure.
  const upload = useCallback(() => {
    void pumpUploads(kiosk.db, fetchTransport(kiosk.credential.serverUrl, kiosk.credential.token)).then(reload);
  }, [kiosk, reload]);

  async function keep(line: number, pdf: Uint8Array, pages: number, source: AttachmentRecord['source']) {
    const record = await saveCapture(kiosk.db, webCryptoSha256, pdf, {
      dossierId,
      checklistLine: line,
      documentName: nameOf(line),
      mediaType: 'application/pdf',
      pages,
      source,
      capturedAt: new Date().toISOString(),
      capturedBy: kiosk.officer.username,
    });
    await link(line, copyFact(record), `Đã lưu ${record.pages} trang vào hồ sơ.`);
    await reload();
    upload();
  }

  async function cameraDone(line: number, pages: JpegPage[]) {
    setCamera(undefined);
    await keep(line, pagesToPdf(pages, checklist[line]!.name), pages.length, 'camera');
  }

  /** A file the applicant brought or the scanner saved: PDF kept as is, a photo made a one-page PDF. */
  async function importFile(line: number, file: Blob, source: 'file' | 'scanner'): Promise<boolean> {
    try {
      const pdf = await fileToPdf(file, checklist[line]!.name);
      await keep(line, pdf, pdfPageCount(pdf), source);
      return true;
    } catch (e) {
      setMessage({ line, text: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  async function fromScanner(line: number, file: ScannedFile) {
    try {
      const content = await kiosk.host.scanFolder!.read(file.seq);
      if (await importFile(line, scannedFileBlob(content), 'scanner')) scans.settle(file);
    } catch (e) {
      setMessage({ line, text: `Không đọc được tệp ${file.name} từ thư mục máy quét: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  const scans = useScanFolder(kiosk.host);
  const { progress, lines } = lineViews(dossier, checklist.length, attachments);
  return (
    <section className="digitise-panel" aria-labelledby="digitise-title">
      <h3 id="digitise-title">
        Số hóa hồ sơ: {progress.digitised} đã số hóa, {progress.exempt} không phải số hóa, {progress.paperOnly} còn bản giấy
      </h3>
      <ScannedFiles offer={scans} checklist={checklist} lines={lines} onAssign={(line, file) => void fromScanner(line, file)} />
      <ol className="digitise-lines">
        {lines.map((l) => (
          <li key={l.line} className={`digitise-line ${l.state}`} data-testid={`digitise-line-${l.line}`}>
            <span className="digitise-name">{nameOf(l.line)}</span>
            <span className="digitise-state">{l.text}</span>
            <span className="digitise-actions">
              <button type="button" onClick={() => setCamera(l.line)}>
                Chụp bằng máy ảnh
              </button>
              <label className="digitise-file">
                Chọn tệp…
                <input
                  type="file"
                  accept="application/pdf,image/jpeg,image/png"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void importFile(l.line, file, 'file');
                  }}
                />
              </label>
              <button type="button" onClick={() => setExempting(l.line)}>
                Không số hóa…
              </button>
            </span>
            {message?.line === l.line ? <small role="status">{message.text}</small> : null}
            {camera === l.line ? <CameraCapture documentName={nameOf(l.line)} onDone={(pages) => void cameraDone(l.line, pages)} onCancel={() => setCamera(undefined)} /> : null}
            {exempting === l.line ? (
              <ExemptionForm
                onCancel={() => setExempting(undefined)}
                onSave={async (exemption, reason) => {
                  const record: ExemptionRecord = { dossierId, checklistLine: l.line, exemption, reason, recordedAt: new Date().toISOString(), recordedBy: kiosk.officer.username };
                  await recordExemption(kiosk.db, record);
                  await link(l.line, exemptionFact(record, nameOf(l.line)), 'Đã ghi nhận giấy tờ không phải số hóa.');
                  setExempting(undefined);
                  await reload();
                }}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ExemptionForm({ onSave, onCancel }: { onSave(exemption: DigitisationExemption, reason: string): Promise<void>; onCancel(): void }) {
  const [exemption, setExemption] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      noValidate
      className="digitise-exemption"
      onSubmit={(e) => {
        e.preventDefault();
        const problem = exemptionProblem(exemption, reason);
        if (problem) return setError(problem);
        void onSave(exemption as DigitisationExemption, reason.trim());
      }}
    >
      <select value={exemption} onChange={(e) => setExemption(e.target.value)} autoFocus aria-label="Trường hợp không phải số hóa">
        <option value="">— Chọn trường hợp —</option>
        {(Object.keys(EXEMPTION_LABELS) as DigitisationExemption[]).map((k) => (
          <option key={k} value={k}>
            {EXEMPTION_LABELS[k]}
          </option>
        ))}
      </select>
      <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Lý do (ví dụ: mã hồ sơ trực tuyến)" aria-label="Lý do không số hóa" />
      <button type="submit">
        Ghi nhận <kbd>Enter</kbd>
      </button>
      <button type="button" onClick={onCancel}>
        Hủy
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}

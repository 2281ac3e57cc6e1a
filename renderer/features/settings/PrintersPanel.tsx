// The counter's printers: the list, the editor (administrators), and a live preview of the test
// page exactly as the chosen printer will print it.
import { useMemo, useState } from 'react';
import type { PrinterConfig } from '../../../shared/host';
import { useKiosk } from '../../kiosk/kiosk';
import { PrintPreview } from '../../print/PrintPreview';
import { draftFromPrinter, emptyPrinterDraft, withoutPrinter, withPrinter, type PrinterDraft } from './printerForm';
import { PrinterCard } from './PrinterCard';
import { PrinterEditor } from './PrinterEditor';
import { testPageFor } from './testPage';

export function PrintersPanel(props: { printers: PrinterConfig[]; canEdit: boolean; save(printers: PrinterConfig[]): Promise<string | undefined> }) {
  const { printers, canEdit, save } = props;
  const { credential } = useKiosk();
  const [editing, setEditing] = useState<PrinterDraft>();
  const [previewId, setPreviewId] = useState<string>();
  const [draft, setDraft] = useState<PrinterDraft>();
  // While a printer is being edited the preview follows its name and paper as they are typed.
  const previewPrinter = useMemo<PrinterConfig | undefined>(() => {
    if (editing && draft)
      return { id: draft.id ?? 'xem-truoc', name: draft.name.trim() || 'Máy in mới', transport: draft.transport, address: draft.address, paper: draft.paper, roles: draft.roles, copies: {} };
    return printers.find((p) => p.id === previewId) ?? printers[0];
  }, [editing, draft, printers, previewId]);
  // Rebuilt only when the printer changes, so the preview does not re-render on every keystroke.
  const previewDoc = useMemo(() => (previewPrinter ? testPageFor(previewPrinter, credential.counterName) : undefined), [previewPrinter, credential.counterName]);

  async function saveOne(printer: PrinterConfig): Promise<string | undefined> {
    const problem = await save(withPrinter(printers, printer));
    if (!problem) {
      setEditing(undefined);
      setPreviewId(printer.id);
    }
    return problem;
  }

  return (
    <section className="settings-panel" aria-labelledby="printers-title">
      <div className="panel-head">
        <h2 id="printers-title">Máy in</h2>
        {canEdit && !editing && (
          <button type="button" className="primary" onClick={() => setEditing(emptyPrinterDraft())}>
            Thêm máy in
          </button>
        )}
      </div>
      {!canEdit && <p className="hint">Chỉ quản trị viên được thêm, sửa hoặc xoá máy in. Anh/chị vẫn có thể kiểm tra trạng thái và in trang thử.</p>}
      {editing && <PrinterEditor key={editing.id ?? 'new'} initial={editing} others={printers} onSave={saveOne} onCancel={() => setEditing(undefined)} onDraft={setDraft} />}
      {printers.length === 0 && !editing ? (
        <p className="banner warn">Chưa cài máy in nào: hồ sơ vẫn lưu được, nhưng giấy hẹn và biên lai chưa in ra. {canEdit ? 'Bấm “Thêm máy in”.' : 'Báo quản trị viên cài máy in.'}</p>
      ) : (
        <div className="printers-layout">
          <ul className="printer-list">
            {printers.map((p) => (
              <PrinterCard
                key={p.id}
                printer={p}
                canEdit={canEdit}
                previewing={!editing && previewPrinter?.id === p.id}
                onPreview={() => setPreviewId(p.id)}
                onEdit={() => setEditing(draftFromPrinter(p))}
                onRemove={async () => void (await save(withoutPrinter(printers, p.id)))}
              />
            ))}
          </ul>
          {previewPrinter && previewDoc && (
            <figure className="printer-preview" aria-label="Xem trước trang in thử">
              <figcaption>Xem trước trang in thử trên “{previewPrinter.name}” – đúng từng chấm như máy sẽ in</figcaption>
              <PrintPreview document={previewDoc} printer={previewPrinter} />
            </figure>
          )}
        </div>
      )}
    </section>
  );
}

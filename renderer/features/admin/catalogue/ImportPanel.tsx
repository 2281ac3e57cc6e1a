// Nhập danh mục từ tệp: the file is read in the page, the server answers what it would change and
// every row error; nothing is written until the administrator confirms a file without errors.
import { useState } from 'react';
import type { CatalogueImportRequest, CatalogueImportResponse } from '../../../../shared/sync/adminCatalogue';
import type { AdminApi } from '../adminApi';
import { ServerError } from '../adminApi';
import { readCatalogueFile } from './catalogueFile';
import { ProcedureList } from './ProcedureList';

type Preview = { fileName: string; rows: string[][]; plan: CatalogueImportResponse };

export function ImportPanel({ api, onImported, onClose }: { api: AdminApi; onImported(plan: CatalogueImportResponse): void; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<string>();

  const send = (rows: string[][], commit: boolean) => api.post<CatalogueImportResponse>('/v1/admin/catalogue/import', { rows, commit } satisfies CatalogueImportRequest);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setPreview(undefined);
    try {
      const read = await readCatalogueFile(file);
      if ('error' in read) return setError(read.error);
      setPreview({ fileName: file.name, rows: read.rows, plan: await send(read.rows, false) });
    } catch (e) {
      setError(`Không xem trước được tệp: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      onImported(await send(preview.rows, true));
    } catch (e) {
      // The server refuses a file with errors as a whole and sends the errors back: show them.
      const details = e instanceof ServerError ? (e.details as CatalogueImportResponse | undefined) : undefined;
      if (details?.errors) setPreview({ ...preview, plan: details });
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const plan = preview?.plan;
  const changes = plan ? plan.added.length + plan.changed.length : 0;
  return (
    <section className="catalogue-import" aria-label="Nhập danh mục từ tệp">
      <h3>Nhập danh mục từ tệp CSV hoặc Excel</h3>
      <p className="hint">
        Dòng đầu là tiêu đề cột: code, name, field, agency, processing_days, fee_vnd, fee_note, documents, source (tùy chọn: collection_methods, form_version, receiving_levels). Tệp xuất từ trang này
        có đúng các cột đó. Chưa có gì thay đổi cho đến khi bấm «Nhập vào danh mục».
      </p>
      <div className="catalogue-file">
        {/* The browser's own file button speaks the browser's language: a labelled button of ours instead. */}
        <input
          id="catalogue-file"
          className="catalogue-file-input"
          type="file"
          aria-label="Chọn tệp (.csv, .xlsx)"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <label htmlFor="catalogue-file" className="catalogue-file-button" aria-hidden="true">
          Chọn tệp CSV hoặc Excel…
        </label>
        <span className="hint">{preview ? `Đã chọn: ${preview.fileName}` : 'Chưa chọn tệp nào.'}</span>
      </div>
      {busy ? <p className="hint">Đang đọc tệp…</p> : null}
      {error ? (
        <p role="alert" className="banner error">
          {error}
        </p>
      ) : null}
      {preview && plan ? (
        <div className="catalogue-preview" aria-label="Xem trước">
          <p role="status">
            Tệp {preview.fileName}
            {plan.errors.length > 0 ? ', các dòng hợp lệ' : ''}: {plan.added.length} thủ tục mới, {plan.changed.length} thủ tục thay đổi, {plan.unchanged} không đổi
            {plan.untouched > 0 ? `; ${plan.untouched} thủ tục đang có không nằm trong tệp được giữ nguyên` : ''}.
          </p>
          {plan.errors.length > 0 ? (
            <>
              <p role="alert" className="banner error">
                Tệp có {plan.errors.length} lỗi, chưa nhập được thủ tục nào. Sửa các dòng dưới đây trong tệp rồi chọn lại tệp.
              </p>
              <table className="admin-table" aria-label="Lỗi trong tệp">
                <thead>
                  <tr>
                    <th>Dòng</th>
                    <th>Cột</th>
                    <th>Lỗi</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.errors.map((e, i) => (
                    <tr key={i}>
                      <td>{e.row}</td>
                      <td>{e.column ?? ''}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          <ProcedureList title="Thủ tục mới" items={plan.added} />
          <ProcedureList title="Thủ tục thay đổi" items={plan.changed} />
          <ProcedureList title="Chưa có thời hạn giải quyết (cần bổ sung)" items={plan.needsAttention} />
          <div className="admin-actions">
            <button type="button" className="primary" disabled={busy || plan.errors.length > 0 || changes === 0} onClick={() => void commit()}>
              Nhập vào danh mục ({changes} thủ tục)
            </button>
            <button type="button" onClick={onClose}>
              Đóng
            </button>
            {plan.errors.length === 0 && changes === 0 ? <span className="hint">Tệp không thay đổi gì so với danh mục hiện có.</span> : null}
          </div>
        </div>
      ) : (
        <div className="admin-actions">
          <button type="button" onClick={onClose}>
            Đóng
          </button>
        </div>
      )}
    </section>
  );
}

// Nhập danh mục từ tệp: the file is read in the page, the server answers what it would change and
// every row error; nothing is written until the administrator confirms a file without errors.
import type { CatalogueImportResponse } from '../../../../shared/sync/adminCatalogue';
import type { AdminApi } from '../adminApi';
import { ImportActions, RowErrors, SheetFileChooser, useSheetImport } from '../SheetImport';
import { ProcedureList } from './ProcedureList';

export function ImportPanel({ api, onImported, onClose }: { api: AdminApi; onImported(plan: CatalogueImportResponse): void; onClose(): void }) {
  const { busy, preview, error, choose, commit } = useSheetImport<CatalogueImportResponse>(api, '/v1/admin/catalogue/import', onImported);

  const plan = preview?.plan;
  const changes = plan ? plan.added.length + plan.changed.length : 0;
  return (
    <section className="catalogue-import" aria-label="Nhập danh mục từ tệp">
      <h3>Nhập danh mục từ tệp CSV hoặc Excel</h3>
      <p className="hint">
        Dòng đầu là tiêu đề cột: code, name, field, agency, processing_days, fee_vnd, fee_note, documents, source (tùy chọn: collection_methods, form_version, receiving_levels). Tệp xuất từ trang này
        có đúng các cột đó. Chưa có gì thay đổi cho đến khi bấm «Nhập vào danh mục».
      </p>
      <SheetFileChooser id="catalogue-file" busy={busy} fileName={preview?.fileName} onFile={(file) => void choose(file)} />
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
          <RowErrors errors={plan.errors} what="thủ tục" />
          <ProcedureList title="Thủ tục mới" items={plan.added} />
          <ProcedureList title="Thủ tục thay đổi" items={plan.changed} />
          <ProcedureList title="Chưa có thời hạn giải quyết (cần bổ sung)" items={plan.needsAttention} />
        </div>
      ) : null}
      <ImportActions
        previewed={preview !== undefined && plan !== undefined}
        busy={busy}
        errors={plan?.errors.length ?? 0}
        changes={changes}
        label={`Nhập vào danh mục (${changes} thủ tục)`}
        nothingNew="Tệp không thay đổi gì so với danh mục hiện có."
        onCommit={() => void commit()}
        onClose={onClose}
      />
    </section>
  );
}

// Nhập danh sách trung tâm từ tệp: the sheet is read in the page, the server answers what it would
// add or change and every row error (row, column, Vietnamese message); nothing is written until the
// administrator confirms a file without errors, and then all of it at once.
import { CENTER_SHEET_COLUMNS, type CenterSummary } from '../../../../shared/centers';
import type { CenterImportResponse } from '../../../../shared/sync/adminProtocol';
import type { AdminApi } from '../adminApi';
import { ImportActions, RowErrors, SheetFileChooser, useSheetImport } from '../SheetImport';

function CenterList({ title, items }: { title: string; items: readonly CenterSummary[] }) {
  if (items.length === 0) return null;
  return (
    <details open={items.length <= 20}>
      <summary>
        {title} ({items.length})
      </summary>
      <ul className="centers-import-list" aria-label={title}>
        {items.map((c) => (
          <li key={c.id}>
            <code>{c.agencyCode}</code> {c.name}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function CenterImportPanel({ api, onImported, onClose }: { api: AdminApi; onImported(message: string): Promise<void>; onClose(): void }) {
  const { busy, preview, error, choose, commit } = useSheetImport<CenterImportResponse>(api, '/v1/admin/centers/import', (done, fileName) =>
    onImported(`Đã nhập tệp ${fileName}: ${done.added.length} trung tâm mới, ${done.changed.length} trung tâm thay đổi. Cấp mã đăng ký quầy cho từng trung tâm ở trang Quầy.`),
  );

  const plan = preview?.plan;
  const changes = plan ? plan.added.length + plan.changed.length : 0;
  return (
    <section className="admin-editor" aria-label="Nhập danh sách trung tâm từ tệp">
      <h3>Nhập danh sách trung tâm từ tệp CSV hoặc Excel</h3>
      <p className="hint">
        Dòng đầu là tiêu đề cột: {CENTER_SHEET_COLUMNS.join(', ')}. Bắt buộc: agency_code (mã cơ quan), name (tên), level (tỉnh hoặc xã); id bỏ trống thì lấy mã cơ quan; parent là mã hoặc mã cơ quan
        của trung tâm cấp trên (bỏ trống: trung tâm cấp tỉnh). Tệp xuất từ trang Các trung tâm có đúng các cột đó. Chưa có gì thay đổi cho đến khi bấm «Nhập các trung tâm».
      </p>
      <SheetFileChooser id="centers-file" busy={busy} fileName={preview?.fileName} onFile={(file) => void choose(file)} />
      {busy ? <p className="hint">Đang đọc tệp…</p> : null}
      {error ? (
        <p role="alert" className="banner error">
          {error}
        </p>
      ) : null}
      {preview && plan ? (
        <div aria-label="Xem trước">
          <p role="status">
            Tệp {preview.fileName}
            {plan.errors.length > 0 ? ', các dòng hợp lệ' : ''}: {plan.added.length} trung tâm mới, {plan.changed.length} trung tâm thay đổi, {plan.unchanged} không đổi.
          </p>
          <RowErrors errors={plan.errors} what="trung tâm" />
          <CenterList title="Trung tâm mới" items={plan.added} />
          <CenterList title="Trung tâm thay đổi" items={plan.changed} />
        </div>
      ) : null}
      <ImportActions
        previewed={preview !== undefined && plan !== undefined}
        busy={busy}
        errors={plan?.errors.length ?? 0}
        changes={changes}
        label={`Nhập các trung tâm (${changes})`}
        nothingNew="Tệp không thay đổi gì so với danh sách hiện có."
        onCommit={() => void commit()}
        onClose={onClose}
      />
    </section>
  );
}

// Nhập danh sách trung tâm từ tệp: the sheet is read in the page, the server answers what it would
// add or change and every row error (row, column, Vietnamese message); nothing is written until the
// administrator confirms a file without errors, and then all of it at once.
import { CENTER_SHEET_COLUMNS, type CenterSummary } from '../../../../shared/centers';
import type { CenterImportResponse } from '../../../../shared/sync/adminProtocol';
import type { AdminApi } from '../adminApi';
import { SheetImportPanel } from '../SheetImport';

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
  return (
    <SheetImportPanel<CenterImportResponse>
      api={api}
      path="/v1/admin/centers/import"
      onImported={(done, fileName) =>
        onImported(`Đã nhập tệp ${fileName}: ${done.added.length} trung tâm mới, ${done.changed.length} trung tâm thay đổi. Cấp mã đăng ký quầy cho từng trung tâm ở trang Quầy.`)
      }
      onClose={onClose}
      label="Nhập danh sách trung tâm từ tệp"
      className="admin-editor"
      title="Nhập danh sách trung tâm từ tệp CSV hoặc Excel"
      hint={`Dòng đầu là tiêu đề cột: ${CENTER_SHEET_COLUMNS.join(', ')}. Bắt buộc: agency_code (mã cơ quan), name (tên), level (tỉnh hoặc xã); id bỏ trống thì lấy mã cơ quan; parent là mã hoặc mã cơ quan của trung tâm cấp trên (bỏ trống: trung tâm cấp tỉnh). Tệp xuất từ trang Các trung tâm có đúng các cột đó. Chưa có gì thay đổi cho đến khi bấm «Nhập các trung tâm».`}
      fileId="centers-file"
      noun="trung tâm"
      commitLabel={(changes) => `Nhập các trung tâm (${changes})`}
      nothingNew="Tệp không thay đổi gì so với danh sách hiện có."
      lists={(plan) => (
        <>
          <CenterList title="Trung tâm mới" items={plan.added} />
          <CenterList title="Trung tâm thay đổi" items={plan.changed} />
        </>
      )}
    />
  );
}

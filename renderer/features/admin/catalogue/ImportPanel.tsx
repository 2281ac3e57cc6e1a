// Nhập danh mục từ tệp: the file is read in the page, the server answers what it would change and
// every row error; nothing is written until the administrator confirms a file without errors.
import type { CatalogueImportResponse } from '../../../../shared/sync/adminCatalogue';
import type { AdminApi } from '../adminApi';
import { SheetImportPanel } from '../SheetImport';
import { ProcedureList } from './ProcedureList';

export function ImportPanel({ api, onImported, onClose }: { api: AdminApi; onImported(plan: CatalogueImportResponse): void; onClose(): void }) {
  return (
    <SheetImportPanel<CatalogueImportResponse>
      api={api}
      path="/v1/admin/catalogue/import"
      onImported={onImported}
      onClose={onClose}
      label="Nhập danh mục từ tệp"
      className="catalogue-import"
      title="Nhập danh mục từ tệp CSV hoặc Excel"
      hint="Dòng đầu là tiêu đề cột: code, name, field, agency, processing_days, fee_vnd, fee_note, documents, source (tùy chọn: collection_methods, form_version, receiving_levels). Tệp xuất từ trang này có đúng các cột đó. Chưa có gì thay đổi cho đến khi bấm «Nhập vào danh mục»."
      fileId="catalogue-file"
      noun="thủ tục"
      previewClassName="catalogue-preview"
      summaryTail={(plan) => (plan.untouched > 0 ? `; ${plan.untouched} thủ tục đang có không nằm trong tệp được giữ nguyên` : '')}
      commitLabel={(changes) => `Nhập vào danh mục (${changes} thủ tục)`}
      nothingNew="Tệp không thay đổi gì so với danh mục hiện có."
      lists={(plan) => (
        <>
          <ProcedureList title="Thủ tục mới" items={plan.added} />
          <ProcedureList title="Thủ tục thay đổi" items={plan.changed} />
          <ProcedureList title="Chưa có thời hạn giải quyết (cần bổ sung)" items={plan.needsAttention} />
        </>
      )}
    />
  );
}

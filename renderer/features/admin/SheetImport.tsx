// What the imports from a sheet share (Danh mục thủ tục, Các trung tâm): the preview-then-commit steps,
// the file button, read to rows in the page by the one reader of CSV and XLSX
// (catalogue/catalogueFile.ts over ui/files.ts), and the table of every row error the server's
// preview found, by row and column.
import { useState, type ReactNode } from 'react';
import type { CatalogueImportError } from '../../../shared/catalogue';
import { ServerError, type AdminApi } from './adminApi';
import { readCatalogueFile } from './catalogue/catalogueFile';

/** A file previewed by the server's import (`path`, `{ rows, commit }`): what it would change and every row error. */
type SheetPreview<P> = { fileName: string; rows: string[][]; plan: P };

/**
 * The import's steps: a chosen file is read to rows and sent as a preview (nothing written); once
 * confirmed the same rows are sent to commit, which the server writes all at once or refuses whole
 * with its row errors (shown in place of the preview).
 */
function useSheetImport<P extends { errors: readonly CatalogueImportError[] }>(api: AdminApi, path: string, onImported: (plan: P, fileName: string) => void | Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<SheetPreview<P>>();
  const [error, setError] = useState<string>();
  const send = (rows: string[][], commit: boolean) => api.post<P>(path, { rows, commit });

  const choose = async (file: File) => {
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
      await onImported(await send(preview.rows, true), preview.fileName);
    } catch (e) {
      // The server refuses a file with errors as a whole and sends the errors back: show them.
      const details = e instanceof ServerError ? (e.details as P | undefined) : undefined;
      if (details?.errors) setPreview({ ...preview, plan: details });
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, preview, error, choose, commit };
}

function SheetFileChooser({ id, busy, fileName, onFile }: { id: string; busy: boolean; fileName?: string; onFile(file: File): void }) {
  return (
    <div className="sheet-file">
      {/* The browser's own file button speaks the browser's language: a labelled button of ours instead. */}
      <input
        id={id}
        className="sheet-file-input"
        type="file"
        aria-label="Chọn tệp (.csv, .xlsx)"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      <label htmlFor={id} className="sheet-file-button" aria-hidden="true">
        Chọn tệp CSV hoặc Excel…
      </label>
      <span className="hint">{fileName ? `Đã chọn: ${fileName}` : 'Chưa chọn tệp nào.'}</span>
    </div>
  );
}

/** Every row error of a previewed file; `what` names what was not imported ("thủ tục", "trung tâm"). */
function RowErrors({ errors, what }: { errors: readonly CatalogueImportError[]; what: string }) {
  if (errors.length === 0) return null;
  return (
    <>
      <p role="alert" className="banner error">
        Tệp có {errors.length} lỗi, chưa nhập được {what} nào. Sửa các dòng dưới đây trong tệp rồi chọn lại tệp.
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
          {errors.map((e, i) => (
            <tr key={i}>
              <td>{e.row}</td>
              <td>{e.column ?? ''}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** What a sheet import's server preview answers: what it would add and change, what stays, every row error. */
export interface SheetPlan {
  added: readonly unknown[];
  changed: readonly unknown[];
  unchanged: number;
  errors: readonly CatalogueImportError[];
}

/**
 * A sheet import as a panel: the columns it wants (`hint`), the file button, the server's preview (what
 * it would add and change, every row error, the import's own lists) and the buttons: commit, only for
 * a file without errors that changes something, and close. `noun` names a row: «thủ tục», «trung tâm».
 */
export function SheetImportPanel<P extends SheetPlan>(props: {
  api: AdminApi;
  path: string;
  onImported(plan: P, fileName: string): void | Promise<void>;
  onClose(): void;
  label: string;
  className: string;
  title: string;
  hint: ReactNode;
  fileId: string;
  noun: string;
  previewClassName?: string;
  summaryTail?(plan: P): string;
  commitLabel(changes: number): string;
  nothingNew: string;
  lists(plan: P): ReactNode;
}) {
  const { busy, preview, error, choose, commit } = useSheetImport<P>(props.api, props.path, props.onImported);
  const plan = preview?.plan;
  const changes = plan ? plan.added.length + plan.changed.length : 0;
  const { noun } = props;
  return (
    <section className={props.className} aria-label={props.label}>
      <h3>{props.title}</h3>
      <p className="hint">{props.hint}</p>
      <SheetFileChooser id={props.fileId} busy={busy} fileName={preview?.fileName} onFile={(file) => void choose(file)} />
      {busy ? <p className="hint">Đang đọc tệp…</p> : null}
      {error ? (
        <p role="alert" className="banner error">
          {error}
        </p>
      ) : null}
      {preview && plan ? (
        <div className={props.previewClassName} aria-label="Xem trước">
          <p role="status">
            Tệp {preview.fileName}
            {plan.errors.length > 0 ? ', các dòng hợp lệ' : ''}: {plan.added.length} {noun} mới, {plan.changed.length} {noun} thay đổi, {plan.unchanged} không đổi
            {props.summaryTail?.(plan) ?? ''}.
          </p>
          <RowErrors errors={plan.errors} what={noun} />
          {props.lists(plan)}
        </div>
      ) : null}
      <div className="admin-actions">
        {plan ? (
          <button type="button" className="primary" disabled={busy || plan.errors.length > 0 || changes === 0} onClick={() => void commit()}>
            {props.commitLabel(changes)}
          </button>
        ) : null}
        <button type="button" onClick={props.onClose}>
          Đóng
        </button>
        {plan && plan.errors.length === 0 && changes === 0 ? <span className="hint">{props.nothingNew}</span> : null}
      </div>
    </section>
  );
}
/** A list page's file buttons: import a sheet (previewed first), export the list as Excel or CSV in the import's own format. */
export function SheetButtons({ onImport, onExport }: { onImport(): void; onExport(kind: 'xlsx' | 'csv'): Promise<void> }) {
  return (
    <>
      <button type="button" onClick={onImport}>
        Nhập từ tệp CSV/Excel…
      </button>
      <button type="button" onClick={() => void onExport('xlsx')}>
        Xuất Excel
      </button>
      <button type="button" onClick={() => void onExport('csv')}>
        Xuất CSV
      </button>
    </>
  );
}

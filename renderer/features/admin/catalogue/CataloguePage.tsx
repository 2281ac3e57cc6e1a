// Danh mục thủ tục: search the Center's procedures (as the counters do, without diacritics), see
// each one's documents, time, fees and agency, edit one, import a file with a preview, export.
// Procedures without a processing time are listed first: the counter cannot compute their appointment.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createProcedureIndex, documentNeed, hasUnknownFee, lacksProcessingTime, RECEIVING_LEVEL_LABELS, totalKnownFee, type Procedure } from '../../../../shared/catalogue';
import { formatVnd } from '../../../../shared/codes';
import type { AdminCatalogueResponse } from '../../../../shared/sync/adminCatalogue';
import { downloadBytes } from '../../../ui/files';
import type { AdminPageProps } from '../page';
import { catalogueCsv, catalogueXlsx } from './catalogueFile';
import { ImportPanel } from './ImportPanel';
import { ProcedureEditor } from './ProcedureEditor';
import { draftOf, EMPTY_DRAFT } from './procedureDraft';
import './catalogue.css';
import { SheetButtons } from '../SheetImport';

const SHOWN = 200;

export function processingTimeText(p: Procedure): string {
  if (p.processingDays !== null) return `${String(p.processingDays).replace('.', ',')} ngày làm việc`;
  if (p.processingHours !== null && p.processingHours !== undefined) return `${String(p.processingHours).replace('.', ',')} giờ`;
  return 'Chưa có';
}

function feeText(p: Procedure): string {
  if (p.fees.length === 0) return 'Không thu phí';
  if (hasUnknownFee(p)) return totalKnownFee(p) > 0 ? `${formatVnd(totalKnownFee(p))} + khoản chưa rõ` : 'Chưa rõ mức phí';
  return formatVnd(totalKnownFee(p));
}

function documentsText(p: Procedure): string {
  if (p.documents.length === 0) return 'Chưa có';
  const optional = p.documents.filter((d) => documentNeed(d) !== 'required').length;
  return optional > 0 ? `${p.documents.length} giấy tờ (${optional} không bắt buộc)` : `${p.documents.length} giấy tờ`;
}

type Mode = { kind: 'list' } | { kind: 'import' } | { kind: 'edit'; procedure?: Procedure };

export function CataloguePage({ api }: AdminPageProps) {
  const [procedures, setProcedures] = useState<Procedure[]>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [query, setQuery] = useState('');
  const [attentionOnly, setAttentionOnly] = useState(false);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });

  const load = useCallback(
    () =>
      api.get<AdminCatalogueResponse>('/v1/admin/catalogue/procedure').then(
        (answer) => setProcedures(answer.items.map((i) => i.body as Procedure).sort((a, b) => a.name.localeCompare(b.name, 'vi'))),
        (e: Error) => setError(`Không tải được danh mục thủ tục: ${e.message}`),
      ),
    [api],
  );
  useEffect(() => void load(), [load]);
  const index = useMemo(() => createProcedureIndex(procedures ?? []), [procedures]);
  const attention = useMemo(() => (procedures ?? []).filter(lacksProcessingTime), [procedures]);

  if (error)
    return (
      <p role="alert" className="banner error">
        {error}
      </p>
    );
  if (!procedures) return <p className="hint">Đang tải danh mục…</p>;

  if (mode.kind === 'import')
    return (
      <ImportPanel
        api={api}
        onClose={() => setMode({ kind: 'list' })}
        onImported={(plan) => {
          setNotice(`Đã nhập ${plan.added.length} thủ tục mới và cập nhật ${plan.changed.length} thủ tục. Các quầy nhận danh mục mới ở lần đồng bộ tiếp theo.`);
          setMode({ kind: 'list' });
          void load();
        }}
      />
    );
  if (mode.kind === 'edit')
    return (
      <ProcedureEditor
        api={api}
        initial={mode.procedure ? draftOf(mode.procedure) : EMPTY_DRAFT}
        isNew={!mode.procedure}
        onCancel={() => setMode({ kind: 'list' })}
        onSaved={(code) => {
          setNotice(`Đã lưu thủ tục ${code}. Các quầy nhận thay đổi ở lần đồng bộ tiếp theo.`);
          setMode({ kind: 'list' });
          void load();
        }}
      />
    );

  const source = attentionOnly ? attention : procedures;
  const found = query.trim() === '' ? source : (attentionOnly ? createProcedureIndex(attention) : index).search(query, SHOWN).map((m) => m.procedure);
  const shown = found.slice(0, SHOWN);
  const exportAs = async (kind: 'xlsx' | 'csv') => {
    const day = new Date().toISOString().slice(0, 10);
    if (kind === 'csv') downloadBytes(catalogueCsv(procedures), `danh-muc-thu-tuc-${day}.csv`, 'text/csv;charset=utf-8');
    else downloadBytes(await catalogueXlsx(procedures), `danh-muc-thu-tuc-${day}.xlsx`);
  };

  return (
    <div className="catalogue-page">
      {notice ? (
        <p role="status" className="banner ok">
          {notice}
        </p>
      ) : null}
      <div className="admin-actions catalogue-toolbar">
        <label className="field catalogue-search">
          <span>Tìm thủ tục</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Mã hoặc tên, gõ không dấu cũng được" data-scan="text" />
        </label>
        <SheetButtons onImport={() => setMode({ kind: 'import' })} onExport={exportAs} />
        <button type="button" onClick={() => setMode({ kind: 'edit' })}>
          Thêm thủ tục
        </button>
      </div>
      {attention.length > 0 ? (
        <div className="banner warning catalogue-attention" role="region" aria-label="Thủ tục cần bổ sung">
          <p>
            <strong>{attention.length} thủ tục chưa có thời hạn giải quyết</strong>: quầy phải nhập ngày hẹn và lý do cho từng hồ sơ. Bổ sung thời hạn để quầy tự tính ngày hẹn.
          </p>
          <button type="button" aria-pressed={attentionOnly} onClick={() => setAttentionOnly(!attentionOnly)}>
            {attentionOnly ? 'Hiện tất cả thủ tục' : 'Chỉ hiện các thủ tục này'}
          </button>
        </div>
      ) : null}
      <p className="hint">
        {found.length === source.length ? `${source.length} thủ tục` : `${found.length} / ${source.length} thủ tục khớp`}
        {found.length > SHOWN ? `; hiện ${SHOWN} thủ tục đầu, gõ thêm để thu hẹp` : ''}.
      </p>
      <table className="admin-table catalogue-table" aria-label="Danh mục thủ tục">
        <thead>
          <tr>
            <th>Mã</th>
            <th>Tên thủ tục</th>
            <th>Cơ quan giải quyết</th>
            <th>Thời hạn</th>
            <th>Phí, lệ phí</th>
            <th>Thành phần hồ sơ</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.code} className={lacksProcessingTime(p) ? 'needs-attention' : undefined}>
              <td>
                <code>{p.code}</code>
              </td>
              <td>
                {p.name}
                {p.field ? <small className="catalogue-field">{p.field}</small> : null}
              </td>
              <td>
                {p.departmentName || <em>Chưa có</em>}
                {p.receivingLevels?.length ? <small className="catalogue-field">Tiếp nhận: {p.receivingLevels.map((l) => RECEIVING_LEVEL_LABELS[l]).join(', ')}</small> : null}
              </td>
              <td>{lacksProcessingTime(p) ? <strong className="catalogue-missing">Chưa có</strong> : processingTimeText(p)}</td>
              <td>{feeText(p)}</td>
              <td>{documentsText(p)}</td>
              <td>
                <button type="button" aria-label={`Sửa ${p.code}`} onClick={() => setMode({ kind: 'edit', procedure: p })}>
                  Sửa
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

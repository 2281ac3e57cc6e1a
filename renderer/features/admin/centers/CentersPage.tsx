// Các trung tâm: the centers of the province (the provincial Center and the commune centers), searched
// by name typed without diacritics; a provincial administrator adds and edits them one by one or
// imports the whole list from a sheet (and exports it in the same format); for one center, its
// procedure scope, its phi-địa-giới list and its receipt series. A center's administrator sees its
// own center and sets its scope and receipts.
import { useMemo, useState } from 'react';
import { CENTER_LEVEL_LABELS, centerSheetRows } from '../../../../shared/centers';
import type { AdminCentersResponse } from '../../../../shared/sync/adminProtocol';
import { foldVietnamese } from '../../../../shared/text/fold';
import { downloadBytes } from '../../../ui/files';
import { sheetCsv, sheetXlsx } from '../catalogue/catalogueFile';
import type { AdminPageProps } from '../page';
import { PageMessages, useAdminList } from '../useAdminList';
import { CenterDetail } from './CenterDetail';
import { CenterEditor } from './CenterEditor';
import { CenterImportPanel } from './CenterImportPanel';
import { centerName, type AdminCenter } from './centerNames';
import './centers.css';
import { SheetButtons } from '../SheetImport';

type Mode = { kind: 'list' } | { kind: 'edit'; center?: AdminCenter } | { kind: 'import' } | { kind: 'detail'; center: AdminCenter };

export function CentersPage({ api }: AdminPageProps) {
  const { data, load, error, notice, setNotice } = useAdminList(api, '/v1/admin/centers', 'danh sách trung tâm', (a: AdminCentersResponse) => a);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [query, setQuery] = useState('');
  const centers = useMemo(() => data?.centers ?? [], [data]);
  const provincial = data?.adminCenterId === null;
  const shown = useMemo(() => {
    const q = foldVietnamese(query).trim();
    return q === '' ? centers : centers.filter((c) => foldVietnamese(c.name).includes(q) || c.agencyCode.includes(query.trim()) || foldVietnamese(c.id).includes(q));
  }, [centers, query]);

  const done = async (message: string) => {
    setNotice(message);
    setMode({ kind: 'list' });
    await load();
  };
  const exportAs = async (kind: 'xlsx' | 'csv') => {
    const day = new Date().toISOString().slice(0, 10);
    const rows = centerSheetRows(centers);
    if (kind === 'csv') downloadBytes(sheetCsv(rows), `cac-trung-tam-${day}.csv`, 'text/csv;charset=utf-8');
    else downloadBytes(await sheetXlsx('Các trung tâm', rows, [22, 18, 60, 40, 8, 22]), `cac-trung-tam-${day}.xlsx`);
  };

  if (!data) return error ? <PageMessages error={error} /> : <p className="hint">Đang tải…</p>;
  if (mode.kind === 'edit') return <CenterEditor api={api} center={mode.center} centers={centers} onCancel={() => setMode({ kind: 'list' })} onSaved={done} />;
  if (mode.kind === 'import') return <CenterImportPanel api={api} onClose={() => setMode({ kind: 'list' })} onImported={done} />;
  if (mode.kind === 'detail') return <CenterDetail api={api} center={mode.center} onClose={() => setMode({ kind: 'list' })} />;

  return (
    <div className="centers-page">
      <PageMessages error={error} notice={notice} />
      <div className="admin-actions centers-toolbar">
        <label className="field centers-search">
          <span>Tìm trung tâm</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Tên hoặc mã cơ quan, gõ không dấu cũng được" data-scan="text" />
        </label>
        {provincial ? (
          <>
            <button type="button" className="primary" onClick={() => (setNotice(undefined), setMode({ kind: 'edit' }))}>
              Thêm trung tâm
            </button>
            <SheetButtons onImport={() => (setNotice(undefined), setMode({ kind: 'import' }))} onExport={exportAs} />
          </>
        ) : null}
      </div>
      {!provincial ? <p className="hint">Tài khoản của trung tâm: xem trung tâm mình, đặt phạm vi thủ tục và biên lai. Thêm, sửa trung tâm do quản trị viên cấp tỉnh làm.</p> : null}
      <p className="hint" role="status" aria-label="Số trung tâm">
        {query.trim() ? `${shown.length} trên ${centers.length} trung tâm` : `${centers.length} trung tâm`}
      </p>
      <table className="admin-table" aria-label="Các trung tâm">
        <thead>
          <tr>
            <th>Tên trung tâm</th>
            <th>Mã cơ quan</th>
            <th>Cấp</th>
            <th>Trung tâm cấp trên</th>
            <th>Số quầy</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.id} data-center={c.id}>
              <td>
                {c.name}
                <br />
                <small className="hint">{c.id === '' ? 'trung tâm mặc định (cấu hình máy chủ)' : `${c.id}${c.address ? ` · ${c.address}` : ''}`}</small>
              </td>
              <td>{c.agencyCode}</td>
              <td>{CENTER_LEVEL_LABELS[c.level]}</td>
              <td>{c.parentId === undefined ? '—' : centerName(centers, c.parentId)}</td>
              <td>{c.counters}</td>
              <td>
                {c.id === '' ? (
                  <span className="hint">Sửa ở Trung tâm và Biên lai</span>
                ) : (
                  <div className="admin-actions">
                    {provincial ? (
                      <button type="button" onClick={() => (setNotice(undefined), setMode({ kind: 'edit', center: c }))} aria-label={`Sửa ${c.name}`}>
                        Sửa
                      </button>
                    ) : null}
                    <button type="button" onClick={() => (setNotice(undefined), setMode({ kind: 'detail', center: c }))} aria-label={`Phạm vi và biên lai của ${c.name}`}>
                      Phạm vi, biên lai
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p className="hint">Không có trung tâm nào khớp «{query}».</p> : null}
    </div>
  );
}

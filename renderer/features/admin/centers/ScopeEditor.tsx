// A center's scope (its setting `scope`, shared/sync/protocol CenterScope): every procedure of the
// catalogue or only those listed, each at a level, and its phi-địa-giới list (received whatever the
// applicant's residence, NĐ 309/2026). Procedures are added by search or by pasting a list of codes
// (e.g. the 205 of QĐ 2463/QĐ-UBND): codes not in the catalogue are named and left out. Checked by
// shared/centers scopeProblems before saving; the center's counters get it with their catalogue.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CENTER_LEVEL_LABELS, pastedCodes, scopeProblems } from '../../../../shared/centers';
import { createProcedureIndex, type Procedure } from '../../../../shared/catalogue';
import type { AdminCatalogueResponse } from '../../../../shared/sync/adminCatalogue';
import type { CenterSettingResponse } from '../../../../shared/sync/adminProtocol';
import { CENTER_LEVELS, type CenterLevel, type CenterScope } from '../../../../shared/sync/protocol';
import type { AdminApi } from '../adminApi';
import { FormButtons } from '../useAdminList';
import type { AdminCenter } from './centerNames';

export function ScopeEditor({ api, center }: { api: AdminApi; center: AdminCenter }) {
  const [procedures, setProcedures] = useState<Procedure[]>();
  const [all, setAll] = useState(true);
  const [received, setReceived] = useState<{ code: string; level: CenterLevel }[]>([]);
  const [across, setAcross] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const path = `/v1/admin/centers/${encodeURIComponent(center.id)}`;

  useEffect(() => {
    Promise.all([api.get<AdminCatalogueResponse>('/v1/admin/catalogue/procedure'), api.get<CenterSettingResponse>(`${path}/settings/scope`)]).then(
      ([catalogue, scope]) => {
        setProcedures(catalogue.items.map((i) => i.body as Procedure));
        const own = (scope.body ?? {}) as CenterScope;
        setAll(own.procedures === undefined);
        setReceived(own.procedures ?? []);
        setAcross(own.phiDiaGioi ?? []);
      },
      (e: Error) => setMessage({ ok: false, text: `Không tải được phạm vi thủ tục: ${e.message}` }),
    );
  }, [api, path]);

  const byCode = useMemo(() => new Map((procedures ?? []).map((p) => [p.code, p])), [procedures]);
  if (!procedures) return message ? <p className="banner error">{message.text}</p> : <p className="hint">Đang tải danh mục thủ tục…</p>;

  async function save() {
    const scope: CenterScope = { ...(all ? {} : { procedures: received }), phiDiaGioi: across };
    const problems = scopeProblems(scope, new Set(byCode.keys()));
    if (problems.length > 0) return setMessage({ ok: false, text: `${problems.join(' ')} Chưa có gì được lưu.` });
    setBusy(true);
    try {
      await api.put(`${path}/catalogue/setting/scope`, { body: scope });
      setMessage({ ok: true, text: `Đã lưu phạm vi thủ tục của ${center.name}. Các quầy của trung tâm nhận ở lần đồng bộ tới.` });
    } catch (e) {
      setMessage({ ok: false, text: `${(e as Error).message} Chưa có gì được lưu.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      className="admin-editor"
      aria-label={`Phạm vi thủ tục của ${center.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>Phạm vi thủ tục</h3>
      <fieldset className="wide field">
        <legend>Thủ tục trung tâm tiếp nhận</legend>
        <label className="inline">
          <input type="radio" name="scope-all" checked={all} onChange={() => setAll(true)} /> Mọi thủ tục trong danh mục ({procedures.length})
        </label>
        <label className="inline">
          <input type="radio" name="scope-all" checked={!all} onChange={() => setAll(false)} /> Chỉ các thủ tục dưới đây
        </label>
        {!all ? (
          <CodesPicker
            id="scope-received"
            title="Thủ tục tiếp nhận"
            procedures={procedures}
            codes={received.map((r) => r.code)}
            onCodes={(codes) => setReceived(codes.map((code) => received.find((r) => r.code === code) ?? { code, level: center.level }))}
            extra={(code) => (
              <select
                aria-label={`Cấp tiếp nhận ${code}`}
                value={received.find((r) => r.code === code)?.level ?? center.level}
                onChange={(e) => setReceived(received.map((r) => (r.code === code ? { ...r, level: e.target.value as CenterLevel } : r)))}
              >
                {CENTER_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {CENTER_LEVEL_LABELS[l]}
                  </option>
                ))}
              </select>
            )}
          />
        ) : null}
      </fieldset>
      <fieldset className="wide field">
        <legend>Danh sách phi địa giới (tiếp nhận không phụ thuộc nơi cư trú, Nghị định 309/2026/NĐ-CP)</legend>
        <CodesPicker id="scope-across" title="Thủ tục phi địa giới" procedures={procedures} codes={across} onCodes={setAcross} />
      </fieldset>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'banner ok' : 'banner error'}>
          {message.text}
        </p>
      )}
      <FormButtons busy={busy} label="Lưu phạm vi thủ tục" />
    </form>
  );
}

const SHOWN = 8;

/** A list of procedure codes: added by search or pasted, shown with their names, each removable. */
function CodesPicker(props: { id: string; title: string; procedures: readonly Procedure[]; codes: readonly string[]; onCodes(codes: string[]): void; extra?(code: string): ReactNode }) {
  const { id, procedures, codes, onCodes } = props;
  const [query, setQuery] = useState('');
  const [pasted, setPasted] = useState('');
  const [unknown, setUnknown] = useState<string>();
  const index = useMemo(() => createProcedureIndex(procedures), [procedures]);
  const byCode = useMemo(() => new Map(procedures.map((p) => [p.code, p])), [procedures]);
  const matches = query.trim() ? index.search(query, SHOWN).map((m) => m.procedure) : [];
  const add = (more: readonly string[]) => onCodes([...codes, ...more.filter((c) => !codes.includes(c))]);

  const addPasted = () => {
    const list = pastedCodes(pasted);
    const known = list.filter((c) => byCode.has(c));
    const missing = list.filter((c) => !byCode.has(c));
    add(known);
    setUnknown(
      list.length === 0
        ? 'Chưa dán mã nào: dán các mã thủ tục, mỗi mã một dòng hoặc cách nhau bằng dấu phẩy.'
        : missing.length > 0
          ? `Đã thêm ${known.length} thủ tục. Không có trong danh mục nên chưa thêm ${missing.length} mã: ${missing.join(', ')}.`
          : undefined,
    );
    setPasted(missing.join('\n'));
  };

  return (
    <div className="codes-picker">
      <div className="codes-picker-add">
        <label className="field" htmlFor={`${id}-search`}>
          <span>Tìm thủ tục để thêm</span>
          <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Mã hoặc tên, gõ không dấu cũng được" data-scan="text" />
        </label>
        {matches.length > 0 ? (
          <ul className="codes-picker-matches" aria-label={`Kết quả tìm – ${props.title}`}>
            {matches.map((p) => (
              <li key={p.code}>
                <button type="button" disabled={codes.includes(p.code)} onClick={() => add([p.code])} aria-label={`Thêm ${p.code}`}>
                  {codes.includes(p.code) ? 'Đã có' : 'Thêm'}
                </button>{' '}
                <code>{p.code}</code> {p.name}
              </li>
            ))}
          </ul>
        ) : null}
        <label className="field" htmlFor={`${id}-paste`}>
          <span>Dán danh sách mã thủ tục</span>
          <textarea id={`${id}-paste`} rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="ví dụ 1.001234, 3.000348 – mỗi mã một dòng hoặc cách nhau bằng dấu phẩy" />
        </label>
        <div className="admin-actions">
          <button type="button" onClick={addPasted}>
            Thêm các mã đã dán
          </button>
          {codes.length > 0 ? (
            <button type="button" className="danger" onClick={() => onCodes([])}>
              Bỏ hết
            </button>
          ) : null}
        </div>
        {unknown ? (
          <p role="alert" className="banner error">
            {unknown}
          </p>
        ) : null}
      </div>
      <table className="admin-table" aria-label={props.title}>
        <thead>
          <tr>
            <th>Mã</th>
            <th>Thủ tục ({codes.length})</th>
            {props.extra ? <th>Cấp</th> : null}
            <th></th>
          </tr>
        </thead>
        <tbody>
          {codes.length === 0 ? (
            <tr>
              <td colSpan={props.extra ? 4 : 3} className="hint">
                Chưa có thủ tục nào.
              </td>
            </tr>
          ) : (
            codes.map((code) => (
              <tr key={code}>
                <td>
                  <code>{code}</code>
                </td>
                <td>{byCode.get(code)?.name ?? <span className="field-error">Không có trong danh mục</span>}</td>
                {props.extra ? <td>{props.extra(code)}</td> : null}
                <td>
                  <button type="button" onClick={() => onCodes(codes.filter((c) => c !== code))} aria-label={`Bỏ ${code}`}>
                    Bỏ
                  </button>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

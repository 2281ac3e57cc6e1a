// Opening a batch: which department (or «Trung tâm khác» and which center, and going out what the
// batch carries), which post office courier, which bag seal. Enter opens it; a missing field is
// named at the field and nothing typed is lost. A center is found by typing its name without diacritics.
import { useState, type FormEvent } from 'react';
import type { Department } from '../../../shared/catalogue';
import type { CenterCargo } from '../../../shared/domain';
import type { CenterInfo } from '../../../shared/sync/protocol';
import { findCenters } from '../../desk/catalogue';
import { openBatchProblems, type BatchDirection, type OpenBatchFields } from './batch';
import { cargoTitle } from './centers';

export interface OpenBatchValues {
  departmentId: string;
  courierName: string;
  sealNumber: string;
  /** Set when the batch goes to or comes from another center. */
  centerCode?: string;
  carried?: CenterCargo;
}

/** The department select's value for «Trung tâm khác». */
const OTHER_CENTER = '__center';
const CARGO_HINTS: Record<CenterCargo, string> = {
  papers: 'đến trung tâm của cơ quan có thẩm quyền',
  result: 'đến trung tâm công dân chọn nhận kết quả',
};

export function OpenBatchForm(props: { direction: BatchDirection; departments: readonly Department[]; centers?: readonly CenterInfo[]; onOpen(values: OpenBatchValues): Promise<void> }) {
  const { direction, departments, centers = [], onOpen } = props;
  // `unit`: the select's value, a department's id or «Trung tâm khác».
  const [values, setValues] = useState<Pick<OpenBatchValues, 'courierName' | 'sealNumber'> & { unit: string; carried: CenterCargo | ''; centerCode: string }>({
    unit: '',
    centerCode: '',
    carried: '',
    courierName: '',
    sealNumber: '',
  });
  const [search, setSearch] = useState('');
  const [problems, setProblems] = useState<Partial<Record<keyof OpenBatchFields, string>>>({});
  const [busy, setBusy] = useState(false);
  const prefix = direction === 'toDepartment' ? 'out' : 'in';
  const outgoing = direction === 'toDepartment';
  const toCenter = values.unit === OTHER_CENTER;
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));

  // Typed without diacritics: "dien chau" finds «xã Diễn Châu»; a single match is chosen at once.
  const shown = findCenters(centers, search);
  const onSearch = (text: string) => {
    setSearch(text);
    const matches = text.trim() ? findCenters(centers, text) : [];
    if (matches.length === 1) set({ centerCode: matches[0]!.agencyCode });
  };

  // The batch the form would open: checked as it is, then opened.
  const opened = (): OpenBatchValues =>
    toCenter
      ? { departmentId: '', centerCode: values.centerCode, ...(outgoing && values.carried ? { carried: values.carried } : {}), courierName: values.courierName, sealNumber: values.sealNumber }
      : { departmentId: values.unit, courierName: values.courierName, sealNumber: values.sealNumber };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const batch = opened();
    const found = openBatchProblems(batch, direction);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onOpen(batch);
    } finally {
      setBusy(false);
    }
  };

  const unitProblem = toCenter ? undefined : problems.departmentId;
  return (
    <form noValidate className="open-batch" onSubmit={(e) => void submit(e)} aria-label={outgoing ? 'Mở lô chuyển hồ sơ đi' : 'Mở lô nhận kết quả về'}>
      <label className={unitProblem ? 'hf-field invalid' : 'hf-field'}>
        <span>{outgoing ? 'Chuyển đến cơ quan' : 'Kết quả từ cơ quan'}</span>
        <select id={`${prefix}-department`} autoFocus value={values.unit} onChange={(e) => set({ unit: e.target.value })} aria-invalid={unitProblem ? true : undefined}>
          <option value="">— Chọn sở, ngành —</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
          {centers.length > 0 ? <option value={OTHER_CENTER}>Trung tâm khác (hồ sơ phi địa giới)</option> : null}
        </select>
        {unitProblem ? (
          <span className="field-error" role="alert">
            {unitProblem}
          </span>
        ) : null}
      </label>
      {toCenter ? (
        <fieldset className="center-choice" data-testid={`${prefix}-center-choice`}>
          <legend>{outgoing ? 'Chuyển đến trung tâm' : 'Lô từ trung tâm'}</legend>
          <label className="hf-field">
            <span>Tìm trung tâm (gõ tên xã, phường, không cần dấu)</span>
            <input id={`${prefix}-center-search`} value={search} onChange={(e) => onSearch(e.target.value)} autoComplete="off" autoFocus />
          </label>
          <label className={problems.centerCode ? 'hf-field invalid' : 'hf-field'}>
            <span>Trung tâm</span>
            <select id={`${prefix}-center`} value={values.centerCode} onChange={(e) => set({ centerCode: e.target.value })} aria-invalid={problems.centerCode ? true : undefined}>
              <option value="">{shown.length === 0 ? '— Không có trung tâm nào khớp —' : `— Chọn trung tâm (${shown.length}) —`}</option>
              {shown.map((c) => (
                <option key={c.agencyCode} value={c.agencyCode}>
                  {c.name}
                </option>
              ))}
            </select>
            {problems.centerCode ? (
              <span className="field-error" role="alert">
                {problems.centerCode}
              </span>
            ) : null}
          </label>
          {outgoing ? (
            <div className={problems.carried ? 'cargo-choice invalid' : 'cargo-choice'} role="radiogroup" aria-label="Lô chuyển">
              {(['papers', 'result'] as const).map((c) => (
                <label key={c} className="inline">
                  <input type="radio" name="out-cargo" value={c} checked={values.carried === c} onChange={() => set({ carried: c })} /> {cargoTitle(c)} <small>({CARGO_HINTS[c]})</small>
                </label>
              ))}
              {problems.carried ? (
                <span className="field-error" role="alert">
                  {problems.carried}
                </span>
              ) : null}
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <label className={problems.courierName ? 'hf-field invalid' : 'hf-field'}>
        <span>Nhân viên bưu điện</span>
        <input id={`${prefix}-courier`} value={values.courierName} onChange={(e) => set({ courierName: e.target.value })} autoComplete="off" aria-invalid={problems.courierName ? true : undefined} />
        {problems.courierName ? (
          <span className="field-error" role="alert">
            {problems.courierName}
          </span>
        ) : null}
      </label>
      <label className="hf-field">
        <span>Số niêm phong túi / biển số xe</span>
        <input id={`${prefix}-seal`} value={values.sealNumber} onChange={(e) => set({ sealNumber: e.target.value })} autoComplete="off" />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Mở lô <kbd>Enter</kbd>
      </button>
    </form>
  );
}

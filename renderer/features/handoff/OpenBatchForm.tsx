// Opening a batch: which department, which post office courier, which bag seal. Enter opens it;
// a missing field is named at the field and nothing typed is lost.
import { useState, type FormEvent } from 'react';
import type { Department } from '../../../shared/catalogue';
import { openBatchProblems, type BatchDirection } from './batch';

export interface OpenBatchValues {
  departmentId: string;
  courierName: string;
  sealNumber: string;
}

export function OpenBatchForm(props: { direction: BatchDirection; departments: readonly Department[]; onOpen(values: OpenBatchValues): Promise<void> }) {
  const { direction, departments, onOpen } = props;
  const [values, setValues] = useState<OpenBatchValues>({ departmentId: '', courierName: '', sealNumber: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof OpenBatchValues, string>>>({});
  const [busy, setBusy] = useState(false);
  const prefix = direction === 'toDepartment' ? 'out' : 'in';
  const set = (key: keyof OpenBatchValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = openBatchProblems(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onOpen(values);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate className="open-batch" onSubmit={(e) => void submit(e)} aria-label={direction === 'toDepartment' ? 'Mở lô chuyển hồ sơ đi' : 'Mở lô nhận kết quả về'}>
      <label className={problems.departmentId ? 'hf-field invalid' : 'hf-field'}>
        <span>{direction === 'toDepartment' ? 'Chuyển đến cơ quan' : 'Kết quả từ cơ quan'}</span>
        <select id={`${prefix}-department`} autoFocus value={values.departmentId} onChange={(e) => set('departmentId')(e.target.value)} aria-invalid={problems.departmentId ? true : undefined}>
          <option value="">— Chọn sở, ngành —</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        {problems.departmentId ? (
          <span className="field-error" role="alert">
            {problems.departmentId}
          </span>
        ) : null}
      </label>
      <label className={problems.courierName ? 'hf-field invalid' : 'hf-field'}>
        <span>Nhân viên bưu điện</span>
        <input id={`${prefix}-courier`} value={values.courierName} onChange={(e) => set('courierName')(e.target.value)} autoComplete="off" aria-invalid={problems.courierName ? true : undefined} />
        {problems.courierName ? (
          <span className="field-error" role="alert">
            {problems.courierName}
          </span>
        ) : null}
      </label>
      <label className="hf-field">
        <span>Số niêm phong túi / biển số xe</span>
        <input id={`${prefix}-seal`} value={values.sealNumber} onChange={(e) => set('sealNumber')(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Mở lô <kbd>Enter</kbd>
      </button>
    </form>
  );
}

// Sửa một thủ tục (or add one): name, agency, processing time, fees, documents with what each asks
// of the applicant, collection methods. Saved through the import call with one row, so the server
// applies the file's rules and records the change like any import.
import { useState } from 'react';
import { DOCUMENT_NEED_LABELS, documentNeed, RECEIVING_LEVEL_LABELS, type CollectionMethod, type FormVersion, type ReceivingLevel } from '../../../../shared/catalogue';
import type { CatalogueImportRequest, CatalogueImportResponse } from '../../../../shared/sync/adminCatalogue';
import { TextField } from '../../../ui/Field';
import type { AdminApi } from '../adminApi';
import { ServerError } from '../adminApi';
import { draftRows, errorsByColumn, type ProcedureDraft } from './procedureDraft';

const METHODS: [CollectionMethod, string][] = [
  ['desk', 'Tại Trung tâm'],
  ['post', 'Qua bưu chính'],
  ['online', 'Trực tuyến'],
];

export function ProcedureEditor({ api, initial, isNew, onSaved, onCancel }: { api: AdminApi; initial: ProcedureDraft; isNew: boolean; onSaved(code: string): void; onCancel(): void }) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<ReturnType<typeof errorsByColumn>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProcedureDraft>(key: K, value: ProcedureDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setFee = (i: number, patch: Partial<ProcedureDraft['fees'][number]>) =>
    set(
      'fees',
      draft.fees.map((f, j) => (j === i ? { ...f, ...patch } : f)),
    );
  const setDoc = (i: number, patch: Partial<ProcedureDraft['documents'][number]>) =>
    set(
      'documents',
      draft.documents.map((d, j) => (j === i ? { ...d, ...patch } : d)),
    );

  const save = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.post<CatalogueImportResponse>('/v1/admin/catalogue/import', { rows: draftRows(draft), commit: true } satisfies CatalogueImportRequest);
      setErrors({});
      onSaved(draft.code.trim());
    } catch (e) {
      const details = e instanceof ServerError ? (e.details as CatalogueImportResponse | undefined) : undefined;
      if (details?.errors) {
        setErrors(errorsByColumn(details.errors));
        setFailure('Chưa lưu: sửa các ô được đánh dấu đỏ.');
      } else setFailure(`Chưa lưu: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="procedure-editor"
      aria-label={isNew ? 'Thêm thủ tục' : `Sửa thủ tục ${initial.code}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{isNew ? 'Thêm thủ tục' : `Sửa thủ tục ${initial.code}`}</h3>
      <div className="admin-form">
        <TextField
          id="proc-code"
          label="Mã thủ tục"
          value={draft.code}
          onValue={(v) => set('code', v)}
          readOnly={!isNew}
          error={errors.code}
          hint="Dạng 1.012790 hoặc 1.012790.000.00.00.H41"
          scan="text"
        />
        <div className="wide">
          <TextField id="proc-name" label="Tên thủ tục" value={draft.name} onValue={(v) => set('name', v)} error={errors.name} scan="typing" />
        </div>
        <TextField id="proc-field" label="Lĩnh vực" value={draft.field} onValue={(v) => set('field', v)} error={errors.field} scan="typing" />
        <TextField
          id="proc-agency"
          label="Cơ quan giải quyết"
          value={draft.agency}
          onValue={(v) => set('agency', v)}
          error={errors.agency}
          hint="Nhiều cơ quan: cách nhau bằng «;», ghi «(thực hiện)» sau cơ quan nhận hồ sơ"
          scan="typing"
        />
        <TextField
          id="proc-time"
          label="Thời hạn giải quyết"
          value={draft.processingTime}
          onValue={(v) => set('processingTime', v)}
          error={errors.processing_days}
          hint="Số ngày làm việc (5 hoặc 0,5) hoặc số giờ (4 giờ); để trống nếu chưa rõ"
          scan="typing"
        />
        <label className="field">
          <span>Bộ mẫu biểu</span>
          <select value={draft.formVersion} onChange={(e) => set('formVersion', e.target.value as FormVersion)}>
            <option value="2025">Thông tư 03/2025/TT-VPCP</option>
            <option value="2018">Thông tư 01/2018/TT-VPCP</option>
          </select>
        </label>
        <fieldset className="field procedure-methods">
          <legend>Cách trả kết quả</legend>
          {METHODS.map(([method, label]) => (
            <label key={method}>
              <input
                type="checkbox"
                checked={draft.collectionMethods.includes(method)}
                onChange={(e) => set('collectionMethods', e.target.checked ? [...draft.collectionMethods, method] : draft.collectionMethods.filter((m) => m !== method))}
              />{' '}
              {label}
            </label>
          ))}
          {errors.collection_methods ? <span className="field-error">{errors.collection_methods}</span> : null}
        </fieldset>
        <fieldset className="field procedure-methods">
          <legend>Cấp tiếp nhận</legend>
          {(Object.entries(RECEIVING_LEVEL_LABELS) as [ReceivingLevel, string][]).map(([level, label]) => (
            <label key={level}>
              <input
                type="checkbox"
                checked={draft.receivingLevels.includes(level)}
                onChange={(e) => set('receivingLevels', e.target.checked ? [...draft.receivingLevels, level] : draft.receivingLevels.filter((l) => l !== level))}
              />{' '}
              {label}
            </label>
          ))}
          <span className="field-hint">Không chọn: danh mục chưa ghi cấp tiếp nhận.</span>
        </fieldset>
      </div>

      <h4>Phí, lệ phí</h4>
      <p className="hint">Không có dòng nào: thủ tục không thu phí. Dòng để trống số tiền: có phí nhưng chưa rõ mức, quầy phải kiểm tra trước khi thu.</p>
      <table className="admin-table procedure-lines" aria-label="Phí, lệ phí" hidden={draft.fees.length === 0}>
        <thead>
          <tr>
            <th>Khoản phí</th>
            <th>Số tiền (đồng)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.fees.map((f, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`Tên khoản phí ${i + 1}`} value={f.name} onChange={(e) => setFee(i, { name: e.target.value })} data-scan="typing" />
              </td>
              <td>
                <input
                  aria-label={`Số tiền khoản phí ${i + 1} (đồng)`}
                  value={f.amount}
                  placeholder="để trống nếu chưa rõ mức"
                  inputMode="numeric"
                  onChange={(e) => setFee(i, { amount: e.target.value })}
                  data-scan="typing"
                />
              </td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    set(
                      'fees',
                      draft.fees.filter((_, j) => j !== i),
                    )
                  }
                >
                  Bỏ
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.fee_vnd ? <span className="field-error">{errors.fee_vnd}</span> : null}
      <div className="admin-actions">
        <button type="button" onClick={() => set('fees', [...draft.fees, { name: 'Lệ phí', amount: '' }])}>
          Thêm khoản phí
        </button>
      </div>
      <TextField id="proc-fee-note" label="Ghi chú về phí" value={draft.feeNote} onValue={(v) => set('feeNote', v)} scan="typing" />

      <h4>Thành phần hồ sơ</h4>
      <p className="hint">Ghi «(nếu có)» cuối tên cho giấy tờ không bắt buộc; bắt đầu bằng «Trường hợp…», «Đối với…» cho giấy tờ tùy trường hợp (quầy hỏi có áp dụng không).</p>
      <table className="admin-table procedure-lines" aria-label="Thành phần hồ sơ">
        <thead>
          <tr>
            <th>Tên giấy tờ</th>
            <th>Bản chính</th>
            <th>Bản sao</th>
            <th>Yêu cầu</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.documents.map((d, i) => (
            <tr key={i}>
              <td className="procedure-doc-name">
                <textarea aria-label={`Tên giấy tờ ${i + 1}`} value={d.name} rows={Math.max(1, Math.ceil(d.name.length / 100))} onChange={(e) => setDoc(i, { name: e.target.value })} />
              </td>
              <td>
                <input aria-label={`Số bản chính của giấy tờ ${i + 1}`} type="number" min={0} max={99} value={d.originals} onChange={(e) => setDoc(i, { originals: e.target.value })} />
              </td>
              <td>
                <input aria-label={`Số bản sao của giấy tờ ${i + 1}`} type="number" min={0} max={99} value={d.copies} onChange={(e) => setDoc(i, { copies: e.target.value })} />
              </td>
              <td>{d.name.trim() ? DOCUMENT_NEED_LABELS[documentNeed({ name: d.name })] : ''}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    set(
                      'documents',
                      draft.documents.filter((_, j) => j !== i),
                    )
                  }
                >
                  Bỏ
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.documents ? <span className="field-error">{errors.documents}</span> : null}
      <div className="admin-actions">
        <button type="button" onClick={() => set('documents', [...draft.documents, { name: '', originals: '1', copies: '0' }])}>
          Thêm giấy tờ
        </button>
      </div>
      <TextField id="proc-source" label="Nguồn" value={draft.source} onValue={(v) => set('source', v)} scan="typing" />
      {errors.other ? (
        <p role="alert" className="banner error">
          {errors.other}
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="banner error">
          {failure}
        </p>
      ) : null}
      <div className="admin-actions">
        <button type="submit" className="primary" disabled={busy}>
          Lưu thủ tục
        </button>
        <button type="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}

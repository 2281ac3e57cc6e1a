// Step 4, for a procedure on this center's phi-địa-giới list (NĐ 309/2026): the center where the
// applicant will collect the result, and how the dossier goes to the competent agency.
import { TRANSFER_METHODS, type TransferMethod } from '../../../shared/domain';
import type { CenterInfo } from '../../../shared/sync/protocol';
import { sortedCenters } from '../../desk/catalogue';
import type { ReceiveForm } from './form';

export const TRANSFER_LABELS: Record<TransferMethod, string> = {
  courier: 'Qua dịch vụ bưu chính công ích',
  electronic: 'Chuyển hồ sơ điện tử',
};

export function RouteFields({ form, centers, own, onChange }: { form: ReceiveForm; centers: readonly CenterInfo[]; own: string; onChange(f: ReceiveForm): void }) {
  const route = { returnCenter: form.route?.returnCenter || own, transfer: form.route?.transfer ?? 'courier' };
  const set = (patch: Partial<typeof route>) => onChange({ ...form, route: { ...route, ...patch } });
  const sorted = sortedCenters(centers, own);
  return (
    <fieldset className="route" data-testid="route">
      <legend>Hồ sơ phi địa giới (Nghị định 309/2026/NĐ-CP)</legend>
      <p className="hint">Thủ tục được tiếp nhận không phụ thuộc nơi cư trú: hồ sơ chuyển đến cơ quan có thẩm quyền, thời gian giải quyết tính từ khi cơ quan đó nhận hồ sơ.</p>
      <label className="field" htmlFor="route-return">
        <span>Trung tâm trả kết quả (người nộp chọn)</span>
        <select id="route-return" value={route.returnCenter} onChange={(e) => set({ returnCenter: e.target.value })}>
          {sorted.map((c) => (
            <option key={c.agencyCode} value={c.agencyCode}>
              {c.name}
              {c.agencyCode === own ? ' (trung tâm này)' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="transfers" role="radiogroup" aria-label="Chuyển hồ sơ đến cơ quan có thẩm quyền">
        {TRANSFER_METHODS.map((m) => (
          <label key={m} className="inline">
            <input type="radio" name="route-transfer" checked={route.transfer === m} onChange={() => set({ transfer: m })} /> {TRANSFER_LABELS[m]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

// Step 4, for a procedure on this center's phi-địa-giới list (NĐ 309/2026): the center where the
// applicant will collect the result, and how the dossier goes to the competent agency. No center is
// taken for the applicant: the officer asks and chooses. A province has some 130 centers all named
// «Trung tâm Phục vụ hành chính công …», which a select's type-ahead cannot tell apart, so a search
// (without diacritics too) narrows the list and Enter takes the first center found; Enter again continues.
import { useState } from 'react';
import { TRANSFER_METHODS, type TransferMethod } from '../../../shared/domain';
import type { CenterInfo } from '../../../shared/sync/protocol';
import { findCenters, sortedCenters } from '../../desk/catalogue';
import { FieldError } from '../../ui/Field';
import type { FieldErrors, ReceiveForm } from './form';

export const TRANSFER_LABELS: Record<TransferMethod, string> = {
  courier: 'Qua dịch vụ bưu chính công ích',
  electronic: 'Chuyển hồ sơ điện tử',
};

export function RouteFields({ form, centers, own, errors, onChange }: { form: ReceiveForm; centers: readonly CenterInfo[]; own: string; errors: FieldErrors; onChange(f: ReceiveForm): void }) {
  const [search, setSearch] = useState('');
  const route = { returnCenter: form.route?.returnCenter ?? '', transfer: form.route?.transfer ?? 'courier' };
  const set = (patch: Partial<typeof route>) => onChange({ ...form, route: { ...route, ...patch } });
  const sorted = sortedCenters(centers, own);
  const wanted = search.trim();
  const found = findCenters(sorted, search);
  // The chosen center stays in the list whatever the search, so the list never shows another one as chosen.
  const shown = found.some((c) => c.agencyCode === route.returnCenter) ? found : [...sorted.filter((c) => c.agencyCode === route.returnCenter), ...found];
  const error = errors.routeReturn;
  return (
    <fieldset className="route" data-testid="route">
      <legend>Hồ sơ phi địa giới (Nghị định 309/2026/NĐ-CP)</legend>
      <p className="hint">Thủ tục được tiếp nhận không phụ thuộc nơi cư trú: hồ sơ chuyển đến cơ quan có thẩm quyền, thời gian giải quyết tính từ khi cơ quan đó nhận hồ sơ.</p>
      <div className="grid2">
        <label className="field" htmlFor="route-search">
          <span>Tìm trung tâm (tên xã, phường; gõ không dấu được)</span>
          <input
            id="route-search"
            value={search}
            data-scan="typing"
            // Marked with the list when no center is chosen, so the officer lands here, where typing finds it.
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'route-return-error' : undefined}
            placeholder="ví dụ: vinh hung"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              // Enter takes the first center found; once it is chosen, Enter continues as everywhere.
              if (e.key !== 'Enter' || wanted === '' || found.length === 0 || found[0]!.agencyCode === route.returnCenter) return;
              e.preventDefault();
              set({ returnCenter: found[0]!.agencyCode });
            }}
          />
          <small className="field-hint" data-testid="route-found">
            {wanted === ''
              ? `${sorted.length} trung tâm trong tỉnh`
              : found.length === 0
                ? 'Không tìm thấy trung tâm nào'
                : found[0]!.agencyCode === route.returnCenter
                  ? `Đã chọn: ${found[0]!.name}; Enter để tiếp tục`
                  : `${found.length} trung tâm; Enter để chọn: ${found[0]!.name}`}
          </small>
        </label>
        <label className={error ? 'field invalid' : 'field'} htmlFor="route-return">
          <span>Trung tâm trả kết quả (người nộp chọn)</span>
          <select
            id="route-return"
            value={route.returnCenter}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'route-return-error' : undefined}
            onChange={(e) => set({ returnCenter: e.target.value })}
          >
            <option value="">— Hỏi người nộp và chọn trung tâm —</option>
            {shown.map((c) => (
              <option key={c.agencyCode} value={c.agencyCode}>
                {c.name}
                {c.agencyCode === own ? ' (trung tâm này)' : ''}
              </option>
            ))}
          </select>
          <FieldError id="route-return" error={error} />
        </label>
      </div>
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

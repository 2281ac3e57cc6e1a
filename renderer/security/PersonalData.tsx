// A citizen's ID number or phone as staff see it: masked everywhere; on the dossier card
// (`revealable`) an officer whose role needs it presses "Hiện", which is written to the audit log
// before the full value appears.
import { useState } from 'react';
import { maskIdNumber, maskPhone } from '../../shared/documents/format';
import { useKiosk } from '../kiosk/kiosk';
import type { PersonalDataField } from './audit';
import { canViewPersonalData } from './roles';
import { useSecurity } from './SecurityProvider';
import './security.css';

const FIELD_LABELS: Record<PersonalDataField, string> = { idNumber: 'số định danh', phone: 'số điện thoại' };

export function maskPersonalData(value: string, kind: PersonalDataField): string {
  return kind === 'idNumber' ? maskIdNumber(value) : maskPhone(value);
}

export function PersonalData(props: { value: string | undefined; kind: PersonalDataField; revealable?: boolean; dossierId?: string; dossierCode?: string }) {
  const { value, kind, revealable = false, dossierId, dossierCode } = props;
  const { officer } = useKiosk();
  const security = useSecurity();
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string>();
  if (!value) return <span className="personal-data empty">—</span>;
  const allowed = revealable && canViewPersonalData(officer.roles);

  async function reveal() {
    setError(undefined);
    try {
      await security.recordAccess({ action: 'view', field: kind, dossierId, dossierCode });
      setShown(true);
    } catch (e) {
      setError(`Không ghi được nhật ký truy cập nên chưa hiện ${FIELD_LABELS[kind]}: ${(e as Error).message}`);
    }
  }

  return (
    <span className="personal-data">
      <span className="personal-data-value" data-masked={shown ? undefined : true}>
        {shown ? value : maskPersonalData(value, kind)}
      </span>
      {allowed && (
        <button type="button" className="link" onClick={() => (shown ? setShown(false) : void reveal())} aria-label={`${shown ? 'Ẩn' : 'Hiện'} ${FIELD_LABELS[kind]}`}>
          {shown ? 'Ẩn' : 'Hiện'}
        </button>
      )}
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}

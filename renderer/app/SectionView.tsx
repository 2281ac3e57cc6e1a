import { useKiosk } from './kiosk';
import type { SectionId } from './sections';

export function SectionView({ section }: { section: SectionId }) {
  const { settings, credential } = useKiosk();
  if (section === 'settings') {
    return (
      <dl className="facts">
        <dt>Tên quầy</dt>
        <dd>{credential.counterName}</dd>
        <dt>Số quầy</dt>
        <dd>{credential.counterIndex}</dd>
        <dt>Mã cơ quan tiếp nhận</dt>
        <dd>{credential.agencyCode}</dd>
        <dt>Máy chủ trung tâm</dt>
        <dd>{credential.serverUrl}</dd>
        <dt>Máy in đã cài</dt>
        <dd>{settings.printers.length > 0 ? settings.printers.map((p) => p.name).join(', ') : 'Chưa cài máy in nào'}</dd>
      </dl>
    );
  }
  return null;
}

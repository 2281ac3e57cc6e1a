// One center's own catalogue settings: the procedures it receives (and at which level), its
// phi-địa-giới list, and its receipt series (the Biên lai form over the center's setting).
import type { AdminApi } from '../adminApi';
import { ReceiptsForm } from '../ReceiptsPage';
import type { AdminCenter } from './centerNames';
import { ScopeEditor } from './ScopeEditor';

export function CenterDetail({ api, center, onClose }: { api: AdminApi; center: AdminCenter; onClose(): void }) {
  return (
    <div className="center-detail">
      <div className="admin-actions">
        <button type="button" onClick={onClose}>
          ← Các trung tâm
        </button>
      </div>
      <h3>
        {center.name} <small className="hint">({center.agencyCode})</small>
      </h3>
      <ScopeEditor api={api} center={center} />
      <ReceiptsForm api={api} center={{ id: center.id, name: center.name }} />
    </div>
  );
}

// How the pages name a center from its id (Các trung tâm, Cán bộ, Quầy): '' is the default center.
import type { AdminCentersResponse } from '../../../../shared/sync/adminProtocol';

export type AdminCenter = AdminCentersResponse['centers'][number];

export function centerName(centers: readonly AdminCenter[], id: string | null): string {
  if (id === null) return 'Cấp tỉnh';
  return centers.find((c) => c.id === id)?.name ?? (id === '' ? 'Trung tâm mặc định' : `trung tâm ${id}`);
}

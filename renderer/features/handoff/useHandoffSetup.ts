// What every handoff panel needs once: the desk's setup (useDesk), with department and center names
// that always read as text on a batch, a list and a handover record, and the center this counter serves.
import { useMemo } from 'react';
import { centerLabel } from '../../../shared/domain';
import { useDesk, type DeskSetup } from '../../desk/useDesk';
import { useKiosk } from '../../kiosk/kiosk';
import type { CenterNamer } from './centers';

export interface HandoffSetup extends Omit<DeskSetup, 'departmentName'> {
  departmentName(id: string | undefined): string;
  centerName: CenterNamer;
  /** The agency code of the center this counter is enrolled in. */
  ownCenter: string;
}

export function useHandoffSetup(): { setup?: HandoffSetup; error?: string } {
  const { setup: desk, error } = useDesk();
  const { credential } = useKiosk();
  const ownCenter = credential.agencyCode;
  const setup = useMemo<HandoffSetup | undefined>(
    () =>
      desk && {
        ...desk,
        departmentName: (id) => (id ? (desk.departmentName(id) ?? id) : 'cơ quan chưa rõ'),
        centerName: (code) => centerLabel(code, desk.catalogue.centers.get(code)?.name),
        ownCenter,
      },
    [desk, ownCenter],
  );
  return { setup, error };
}

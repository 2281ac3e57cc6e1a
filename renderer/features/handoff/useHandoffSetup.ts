// What every handoff panel needs once: the desk's setup (useDesk), with department names that always
// read as text on a batch, a list and a handover record.
import { useMemo } from 'react';
import { useDesk, type DeskSetup } from '../../desk/useDesk';

export interface HandoffSetup extends Omit<DeskSetup, 'departmentName'> {
  departmentName(id: string | undefined): string;
}

export function useHandoffSetup(): { setup?: HandoffSetup; error?: string } {
  const { setup: desk, error } = useDesk();
  const setup = useMemo<HandoffSetup | undefined>(() => desk && { ...desk, departmentName: (id) => (id ? (desk.departmentName(id) ?? id) : 'cơ quan chưa rõ') }, [desk]);
  return { setup, error };
}

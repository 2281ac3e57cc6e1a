import { KioskAdmin } from '../features/admin/KioskAdmin';
import { ProcedureLookup } from '../features/receive/ProcedureLookup';
import { ReceiveScreen } from '../features/receive/ReceiveScreen';
import { SupervisorConflicts } from '../features/conflicts/ConflictsPanel';
import { HandoffScreen } from '../features/handoff/HandoffScreen';
import { SupervisorNotices } from '../features/notices/NoticesPanel';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ReturnScreen } from '../features/return/ReturnScreen';
import { TrackingScreen } from '../features/tracking/TrackingScreen';
import { DossierLookup } from '../features/search/DossierLookup';
import { StopScreen } from '../features/stop/StopScreen';
import { QueuePanel } from '../features/queue/QueuePanel';
import type { SectionId } from '../kiosk/sections';

export function SectionView({ section }: { section: SectionId }) {
  if (section === 'receive')
    return (
      <>
        <QueuePanel />
        <ReceiveScreen />
      </>
    );
  if (section === 'handoff') return <HandoffScreen />;
  if (section === 'return')
    return (
      <>
        <QueuePanel />
        <ReturnScreen />
      </>
    );
  if (section === 'search')
    return (
      <>
        <DossierLookup />
        <ProcedureLookup />
      </>
    );
  if (section === 'tracking')
    return (
      <>
        <TrackingScreen />
        <SupervisorConflicts />
        <SupervisorNotices />
      </>
    );
  if (section === 'stop') return <StopScreen />;
  if (section === 'settings') return <SettingsScreen />;
  if (section === 'admin') return <KioskAdmin />;
  return null;
}

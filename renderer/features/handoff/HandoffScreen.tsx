// Section "Bàn giao": the courier's trips out and back, each a tab; Alt+1…4 switch tabs.
import { useEffect, useState } from 'react';
import { TripsReport } from './TripsReport';
import { DeliveryPanel } from './DeliveryPanel';
import { InboundPanel } from './InboundPanel';
import { OutboundPanel } from './OutboundPanel';
import { useHandoffSetup } from './useHandoffSetup';
import './handoff.css';

const TABS = [
  { id: 'outbound', label: 'Chuyển hồ sơ đi' },
  { id: 'delivery', label: 'Xác nhận đã giao' },
  { id: 'inbound', label: 'Nhận kết quả về' },
  { id: 'trips', label: 'Báo cáo chuyến' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function HandoffScreen() {
  const { setup, error } = useHandoffSetup();
  const [tab, setTab] = useState<TabId>('outbound');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const index = e.altKey ? Number(e.key) - 1 : -1;
      const target = TABS[index];
      if (target) {
        e.preventDefault();
        setTab(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (error)
    return (
      <p className="banner error" role="alert">
        {error}
      </p>
    );
  if (!setup) return <p className="hint">Đang tải danh mục…</p>;
  return (
    <div className="handoff">
      <div className="hf-tabs" role="tablist" aria-label="Bàn giao">
        {TABS.map((t, i) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)}>
            {t.label} <kbd>Alt+{i + 1}</kbd>
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'outbound' ? <OutboundPanel setup={setup} /> : null}
        {tab === 'delivery' ? <DeliveryPanel setup={setup} /> : null}
        {tab === 'inbound' ? <InboundPanel setup={setup} /> : null}
        {tab === 'trips' ? <TripsReport departmentName={setup.departmentName} centerName={setup.centerName} /> : null}
      </div>
    </div>
  );
}

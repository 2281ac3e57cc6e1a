import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/host';
import { useKiosk } from './kiosk';
import { SECTIONS, type SectionId } from './sections';
import { SectionView } from './SectionView';
import { SyncBadge } from './SyncBadge';

const SECTION_KEY = 'motcua.section';

export function Shell({ info }: { info: AppInfo }) {
  const { credential, officer, signOut } = useKiosk();
  // The app reopens where it was after a reload or a crash restart.
  const [section, setSection] = useState<SectionId>(() => (sessionStorage.getItem(SECTION_KEY) as SectionId | null) ?? 'receive');
  useEffect(() => sessionStorage.setItem(SECTION_KEY, section), [section]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = SECTIONS.find((s) => s.key === event.key);
      if (target) {
        event.preventDefault();
        setSection(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const current = SECTIONS.find((s) => s.id === section)!;
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <strong>Trung tâm Phục vụ Hành chính công</strong>
          <span>Bộ phận Một cửa</span>
        </div>
        <SyncBadge />
        <div className="identity" data-testid="counter-identity">
          <span className="counter-name">{credential.counterName}</span>
          <span className="runtime">
            {officer.fullName} · {info.runtime === 'electron' ? 'Ứng dụng máy tính' : 'Trình duyệt'} · phiên bản {info.version}
          </span>
          <button type="button" className="link" onClick={signOut}>
            Đăng xuất
          </button>
        </div>
      </header>
      <nav className="shell-nav" aria-label="Các mục">
        {SECTIONS.map((s) => (
          <button key={s.id} type="button" className={s.id === section ? 'active' : ''} aria-current={s.id === section ? 'page' : undefined} onClick={() => setSection(s.id)} title={s.hint}>
            <span>{s.label}</span>
            <kbd>{s.key}</kbd>
          </button>
        ))}
      </nav>
      <main className="shell-main">
        <h1>{current.label}</h1>
        <p className="hint">{current.hint}</p>
        <SectionView section={section} />
      </main>
    </div>
  );
}

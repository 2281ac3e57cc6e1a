import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../shared/host';
import { LockScreen, useIdleLock } from '../security/IdleLock';
import { allowedSections, homeSection } from '../security/roles';
import { SecurityProvider } from '../security/SecurityProvider';
import { useKiosk } from '../kiosk/kiosk';
import { UnconfirmedPrints } from '../kiosk/PrintedQuestion';
import { SECTIONS, type SectionId } from '../kiosk/sections';
import { SectionView } from './SectionView';
import { ScanFallback } from '../features/handoff/ScanFallback';
import { ScanMisreadNotice } from '../ui/ScanMisreadNotice';
import { SyncBadge } from './SyncBadge';
import { useCenterNames } from '../kiosk/centerNames';

const SECTION_KEY = 'motcua.section';

export function Shell({ info }: { info: AppInfo }) {
  return (
    <SecurityProvider>
      <ShellFrame info={info} />
    </SecurityProvider>
  );
}

function ShellFrame({ info }: { info: AppInfo }) {
  const { credential, officer, signOut } = useKiosk();
  // Each role sees only its screens; a section it may not open is neither listed nor reachable by key.
  const sections = useMemo(() => {
    const allowed = allowedSections(
      officer.roles,
      SECTIONS.map((s) => s.id),
    );
    return SECTIONS.filter((s) => allowed.includes(s.id));
  }, [officer.roles]);
  // The app reopens where this officer was after a reload or a crash restart; otherwise at their desk.
  const sectionKey = `${SECTION_KEY}:${officer.id}`;
  const [chosen, setSection] = useState<SectionId | undefined>(() => (sessionStorage.getItem(sectionKey) as SectionId | null) ?? homeSection(officer.roles));
  const section = sections.some((s) => s.id === chosen) ? chosen : sections[0]?.id;
  useEffect(() => {
    if (section) sessionStorage.setItem(sectionKey, section);
  }, [section, sectionKey]);
  const idle = useIdleLock();
  // Which of the province's centers this counter is at: a commune's officer and its supervisor see it on every screen.
  const centerName = useCenterNames();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (idle.locked) return;
      const target = sections.find((s) => s.key === event.key);
      if (target) {
        event.preventDefault();
        setSection(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sections, idle.locked]);

  const current = sections.find((s) => s.id === section);
  return (
    <div className="shell">
      {idle.locked && <LockScreen minutes={idle.minutes} onUnlocked={idle.unlock} />}
      <header className="shell-header" inert={idle.locked}>
        <div className="brand" data-testid="center-name">
          <strong>{centerName(credential.agencyCode) ?? 'Trung tâm Phục vụ Hành chính công'}</strong>
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
          <button type="button" className="link lock-now" onClick={idle.lock}>
            Khoá màn hình
          </button>
        </div>
      </header>
      <nav className="shell-nav" aria-label="Các mục" inert={idle.locked}>
        {sections.map((s) => (
          <button key={s.id} type="button" className={s.id === section ? 'active' : ''} aria-current={s.id === section ? 'page' : undefined} onClick={() => setSection(s.id)} title={s.hint}>
            <span>{s.label}</span>
            <kbd>{s.key}</kbd>
          </button>
        ))}
      </nav>
      <main className="shell-main" inert={idle.locked}>
        {current && section ? (
          <>
            <UnconfirmedPrints />
            <h1>{current.label}</h1>
            <p className="hint">{current.hint}</p>
            <SectionView section={section} />
            <ScanFallback />
            <ScanMisreadNotice />
          </>
        ) : (
          <p role="alert" className="banner error">
            Tài khoản {officer.username} chưa được giao vai trò nào có màn hình tại quầy. Liên hệ quản trị viên để được phân quyền.
          </p>
        )}
      </main>
    </div>
  );
}

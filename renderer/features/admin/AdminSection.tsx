// The administration section: a tab per page of ADMIN_PAGES, the same in the kiosk's Quản trị
// section and in the browser page the central server serves at /quan-tri/.
import { useEffect, useState } from 'react';
import { ADMIN_PAGES } from './pages';
import type { AdminPageProps } from './page';
import './admin.css';

/** The page named by the address's #fragment in a browser, else the first. */
function pageFromHash(): string {
  const id = typeof location === 'undefined' ? '' : decodeURIComponent(location.hash.slice(1));
  return ADMIN_PAGES.some((p) => p.id === id) ? id : ADMIN_PAGES[0]!.id;
}

export function AdminSection(props: AdminPageProps) {
  const [pageId, setPageId] = useState(() => (props.runtime === 'browser' ? pageFromHash() : ADMIN_PAGES[0]!.id));
  useEffect(() => {
    if (props.runtime !== 'browser') return;
    const onHash = () => setPageId(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [props.runtime]);
  const open = (id: string) => {
    setPageId(id);
    if (props.runtime === 'browser') history.replaceState(null, '', `#${id}`);
  };
  if (!props.admin.roles.includes('administrator')) {
    return (
      <p role="alert" className="banner error">
        Tài khoản {props.admin.username} không có vai trò quản trị. Chỉ quản trị viên được dùng mục này.
      </p>
    );
  }
  const page = ADMIN_PAGES.find((p) => p.id === pageId) ?? ADMIN_PAGES[0]!;
  return (
    <div className="admin-section">
      <div className="admin-tabs" role="tablist" aria-label="Các trang quản trị">
        {ADMIN_PAGES.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={`admin-tab-${p.id}`}
            aria-selected={p.id === page.id}
            aria-controls="admin-page"
            className={p.id === page.id ? 'active' : ''}
            onClick={() => open(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <section id="admin-page" role="tabpanel" aria-labelledby={`admin-tab-${page.id}`} className="admin-page">
        <h2>{page.label}</h2>
        <p className="hint">{page.hint}</p>
        <page.Page {...props} />
      </section>
    </div>
  );
}

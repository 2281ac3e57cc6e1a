// The administration section's pages, in the order of its tabs. A page is added here and nowhere
// else: the kiosk's Quản trị section and the browser page (/quan-tri/) both list this array.
import { ChangesPage } from './ChangesPage';
import type { AdminPage } from './page';

export const ADMIN_PAGES: readonly AdminPage[] = [{ id: 'nhat-ky', label: 'Nhật ký thay đổi', hint: 'Mọi thay đổi của quản trị viên: ai, lúc nào, từ máy nào, trước và sau', Page: ChangesPage }];

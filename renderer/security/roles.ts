// Which screens and which personal data each staff role may reach. One table, read by the shell's
// navigation, its shortcuts, the settings screen and <PersonalData>.
import type { StaffRole } from '../../shared/sync/protocol';
import type { SectionId } from '../kiosk/sections';

/**
 * Sections per role. A supervisor oversees every desk, so sees every screen, Cài đặt included, but
 * only reads the printer and scanner configuration there: changing a counter's machines is the
 * administrator's job (PRINTER_EDITORS).
 */
export const ROLE_SECTIONS: Record<StaffRole, readonly SectionId[]> = {
  receiving: ['receive', 'stop', 'search'],
  returnDesk: ['return', 'tracking', 'stop', 'search'],
  handoff: ['handoff'],
  supervisor: ['receive', 'handoff', 'return', 'tracking', 'stop', 'search', 'settings'],
  administrator: ['settings', 'admin'],
};

/** Where each role starts after signing in: its own desk, not the first section in the bar. */
const ROLE_HOME: readonly (readonly [StaffRole, SectionId])[] = [
  ['receiving', 'receive'],
  ['returnDesk', 'return'],
  ['handoff', 'handoff'],
  ['supervisor', 'tracking'],
  ['administrator', 'admin'],
];

/** The section an officer lands on: the home of their first desk role in the order above (an officer at both the return desk and handoff starts at Trả kết quả). */
export function homeSection(roles: readonly StaffRole[]): SectionId | undefined {
  return ROLE_HOME.find(([role]) => roles.includes(role))?.[1];
}

export const PRINTER_EDITORS: readonly StaffRole[] = ['administrator'];

/** Roles that may see a citizen's full ID number and phone on the dossier card. */
export const PERSONAL_DATA_VIEWERS: readonly StaffRole[] = ['receiving', 'returnDesk', 'supervisor'];

export const ROLE_LABELS: Record<StaffRole, string> = {
  receiving: 'Tiếp nhận',
  returnDesk: 'Trả kết quả',
  handoff: 'Bàn giao',
  supervisor: 'Giám sát',
  administrator: 'Quản trị',
};

/** The sections an officer may open, in the shell's order (`order`): the union over their roles. */
export function allowedSections<T extends SectionId>(roles: readonly StaffRole[], order: readonly T[]): T[] {
  const allowed = new Set<SectionId>(roles.flatMap((r) => ROLE_SECTIONS[r] ?? []));
  return order.filter((id) => allowed.has(id));
}

export function canEditPrinters(roles: readonly StaffRole[]): boolean {
  return roles.some((r) => PRINTER_EDITORS.includes(r));
}

export function canViewPersonalData(roles: readonly StaffRole[]): boolean {
  return roles.some((r) => PERSONAL_DATA_VIEWERS.includes(r));
}

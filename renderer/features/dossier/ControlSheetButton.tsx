// Prints the control sheet (Mẫu 05 of 2018, 06 of 2025: the label follows the set in force) of the open dossier from its events; a server copy brings its own.
import { useState } from 'react';
import { useAltShortcut } from '../../ui/useShortcut';
import type { DossierRow } from '../../db';
import { formNumberLabel } from '../../../shared/documents';
import { controlSheetFor } from './controlSheet';
import { isServerCopy } from './find';
import { loadDossierTrail, type DossierTrail } from './history';
import type { ServerAccess } from '../../kiosk/api';
import { barcodeKeyFor, type DeskContext } from '../../desk/context';
import { routeFor } from '../../desk/printouts';

export function ControlSheetButton({
  ctx,
  server,
  row,
  shortcut,
}: {
  ctx: DeskContext & { departmentName(id: string): string | undefined };
  server: ServerAccess;
  row: DossierRow;
  shortcut?: string;
}) {
  const [note, setNote] = useState<string>();
  useAltShortcut(shortcut ?? '', () => void print(), shortcut !== undefined);
  async function print() {
    const trail: DossierTrail = isServerCopy(row) ? { events: row.serverCopy.events, source: 'server' } : await loadDossierTrail(ctx.db, row.id, server);
    const route = routeFor(ctx.printers, ['form']);
    const barcodeKey = row.state.code ? barcodeKeyFor(ctx, row.state.code) : undefined;
    const doc = controlSheetFor(row.state, trail.events, {
      agency: ctx.config.agency,
      formSet: ctx.config.formSet,
      departmentName: ctx.departmentName,
      centerName: ctx.centerName,
      layout: route.layout,
      barcodeKey,
    });
    if (!doc) return setNote('Hồ sơ chưa được tiếp nhận nên chưa có phiếu kiểm soát.');
    const queued = await ctx.print(doc, { role: route.role });
    setNote(queued.ok ? `Đã gửi in phiếu kiểm soát quá trình giải quyết hồ sơ.${trail.warning ? ` ${trail.warning}` : ''}` : queued.message);
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => void print()}>
        In phiếu kiểm soát ({formNumberLabel(ctx.config.formSet, 'controlSheet')}) {shortcut ? <kbd>Alt+{shortcut.toUpperCase()}</kbd> : null}
      </button>
      {note ? (
        <span className="muted" role="status">
          {note}
        </span>
      ) : null}
    </>
  );
}

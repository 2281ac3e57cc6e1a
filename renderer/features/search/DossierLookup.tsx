// Tra cứu: find any dossier (scan, code, ID, phone, name) and read its card and history; the
// control sheet can be printed from here too. Nothing is recorded from this screen.
import { DossierCard } from '../dossier/DossierCard';
import { DossierSearch } from '../dossier/DossierSearch';
import { ControlSheetButton } from '../dossier/ControlSheetButton';
import { CardPrints } from '../dossier/CardPrints';
import { useDesk } from '../../desk/useDesk';
import { useOpenDossier } from '../dossier/useOpenDossier';

export function DossierLookup() {
  const { setup, ctx, server } = useDesk();
  const { row, open } = useOpenDossier();
  if (!setup || !ctx) return <p className="muted">Đang tải danh mục…</p>;
  return (
    <section className="dossier-lookup" aria-label="Tra cứu hồ sơ">
      <h2>Tra cứu hồ sơ</h2>
      <DossierSearch agencyTable={setup.agencyTable} procedures={setup.catalogue.index} onOpen={open} />
      {row ? (
        <DossierCard row={row} departmentName={setup.departmentName}>
          <ControlSheetButton ctx={ctx} server={server} row={row} shortcut="k" />
          <CardPrints ctx={ctx} row={row} />
        </DossierCard>
      ) : null}
    </section>
  );
}

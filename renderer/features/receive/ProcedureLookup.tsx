// Tra cứu thủ tục: the catalogue as the counter holds it, for answering a citizen's questions.
import { useEffect, useState } from 'react';
import type { Procedure } from '../../../shared/catalogue';
import { useKiosk } from '../../kiosk/kiosk';
import { loadDeskCatalogue, type DeskCatalogue } from '../../desk/catalogue';
import { ProcedureDetails } from './ProcedureDetails';
import { ProcedurePicker } from './ProcedurePicker';
import './receive.css';

export function ProcedureLookup() {
  const { db } = useKiosk();
  const [catalogue, setCatalogue] = useState<DeskCatalogue>();
  const [picked, setPicked] = useState<Procedure>();
  useEffect(() => {
    void loadDeskCatalogue(db).then(setCatalogue);
  }, [db]);
  return (
    <section className="panel lookup" aria-label="Tra cứu thủ tục">
      <h2>Tra cứu thủ tục hành chính</h2>
      {!catalogue ? (
        <p>Đang tải danh mục…</p>
      ) : catalogue.procedures.length === 0 ? (
        <p className="banner warn">Quầy chưa có danh mục thủ tục. Hãy kết nối máy chủ để tải danh mục.</p>
      ) : (
        <div className="lookup-grid">
          <ProcedurePicker index={catalogue.index} all={catalogue.procedures} onPick={setPicked} label="Tìm thủ tục để tra cứu" />
          {picked ? <ProcedureDetails procedure={picked} departments={catalogue.departments} /> : <p className="hint">Chọn một thủ tục để xem hồ sơ cần nộp, thời hạn và phí.</p>}
        </div>
      )}
    </section>
  );
}

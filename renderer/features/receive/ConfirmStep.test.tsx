// The confirmation step of a dossier received across boundaries says in one sentence how it goes to
// the competent agency, as the slip does, and never names a center the officer did not choose.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DossierRoute } from '../../../shared/domain';
import { completeForm, LICENCE_PROCEDURE } from '../../testing/receive';
import { ConfirmStep } from './ConfirmStep';

const NAMES: Record<string, string> = { '000.23.41.H41': 'Trung tâm Phục vụ hành chính công phường Vinh Hưng' };
const text = (route: DossierRoute) =>
  renderToStaticMarkup(
    <ConfirmStep
      form={completeForm()}
      procedure={LICENCE_PROCEDURE}
      route={route}
      centerName={(code) => NAMES[code] ?? code}
      entersDeadline={false}
      supervisor={false}
      errors={{}}
      busy={false}
      onChange={() => undefined}
      onAccept={() => undefined}
    />,
  ).replace(/<[^>]+>/g, ' ');

describe('ConfirmStep across boundaries', () => {
  it('says how the dossier goes to the competent agency as a sentence: electronically, or by post', () => {
    const electronic = text({ receivingCenter: '000.22.41.H41', transfer: 'electronic', returnCenter: '000.23.41.H41' });
    expect(electronic).toContain('Chuyển đến cơ quan có thẩm quyền bằng phương thức điện tử; thời gian giải quyết tính từ khi cơ quan đó nhận hồ sơ');
    expect(electronic).not.toContain('chuyển hồ sơ điện tử');
    expect(electronic).toContain('Tại Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công phường Vinh Hưng');
    expect(text({ receivingCenter: '000.22.41.H41', transfer: 'courier', returnCenter: '000.23.41.H41' })).toContain('Chuyển đến cơ quan có thẩm quyền qua dịch vụ bưu chính công ích; thời gian');
  });

  it('reached before a center was chosen (Alt+5), says so rather than naming none', () => {
    expect(text({ receivingCenter: '000.22.41.H41', transfer: 'courier', returnCenter: '' })).toContain('Tại Bộ phận trả kết quả, (chưa chọn trung tâm, quay lại bước 4)');
  });
});

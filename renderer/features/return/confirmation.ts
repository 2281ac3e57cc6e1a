// The Phiếu xác nhận trả kết quả of a return just recorded, built from the 'returned' event so the
// paper says exactly what the event says (recipient, authorisation, postal item, time).
import { returnConfirmation } from '../../../shared/documents';
import type { PayloadOf } from '../../../shared/domain';
import type { DossierState } from '../../../shared/domain';
import { routeFor, type PrintDocument, type PrintRole } from '../../desk/printouts';
import { barcodeKeyFor, type DeskContext } from '../../desk/context';

export const RETURN_CONFIRMATION_LABEL = 'Phiếu xác nhận trả kết quả';

/** The document and the role it prints under (the desk's roll printer, else its sheet printer). */
export function returnConfirmationFor(ctx: DeskContext, state: DossierState, returned: PayloadOf<'returned'>, feeReceipt?: string): { doc: PrintDocument; role: PrintRole } | undefined {
  if (!state.code) return undefined;
  const route = routeFor(ctx.printers, ['slip', 'form']);
  const r = returned.recipient;
  const doc = returnConfirmation(
    {
      agency: ctx.config.agency,
      place: ctx.config.place,
      dossierCode: state.code,
      barcodeKey: barcodeKeyFor(ctx, state.code),
      statusPageUrl: ctx.config.statusPageUrl,
      statusSecret: state.statusSecret,
      procedureName: state.procedureName ?? '',
      applicantName: state.applicant?.name ?? '',
      handover:
        returned.method === 'post'
          ? { method: 'post', postalItemNumber: returned.postalItemNumber ?? '', address: state.collection?.method === 'post' ? state.collection.address : undefined }
          : { method: 'desk', place: ctx.config.deskPlace, recipientName: r.name, recipientIdNumber: r.idNumber, authorised: r.authorised, authorisationNote: r.authorisationNote },
      returnedAt: returned.at,
      feeReceipt,
      counterName: ctx.counter.counterName,
      officerName: ctx.officerName,
    },
    { layout: route.layout, formSet: ctx.config.formSet },
  );
  return { doc, role: route.role };
}

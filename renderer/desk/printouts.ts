// What the receiving counter prints, as document data: the slip (Mẫu 01), the fee receipt, the
// supplement request (Mẫu 02) and the refusal (Mẫu 03). Each goes to the printer of its role, and
// the layout (thermal roll or sheet) follows that printer's paper.
import { appointmentSlip, feeReceipt, receiptTaxCodeProblem, refusal, supplementRequest } from '../../shared/documents';
import type { DocumentLayout, PrintDocument } from '../../shared/documents/model';
import { applicantIdNumber, type Applicant } from '../../shared/domain';
import type { PrinterConfig } from '../../shared/host';
import type { PrintRole } from '../print/queue';

export type { PrintRole };

/** The role a document is sent under: the first of `preferred` some printer serves, else the first. */
export function routeFor(printers: readonly PrinterConfig[], preferred: readonly PrintRole[]): { role: PrintRole; layout: DocumentLayout } {
  for (const role of preferred) {
    const printer = printers.find((p) => p.roles.includes(role));
    if (printer) return { role, layout: printer.paper === '58mm' || printer.paper === '80mm' ? 'thermal' : 'sheet' };
  }
  return { role: preferred[0]!, layout: 'thermal' };
}

export function slipApplicant(a: Applicant): { name: string; address?: string; phone?: string; email?: string; idNumber?: string; representative?: string } {
  return {
    name: a.name,
    address: a.address,
    phone: a.phone,
    email: a.email,
    idNumber: applicantIdNumber(a),
    representative: a.kind === 'organisation' ? a.representative : undefined,
  };
}

export type { PrintDocument };
export { appointmentSlip, feeReceipt, receiptTaxCodeProblem, refusal, supplementRequest };

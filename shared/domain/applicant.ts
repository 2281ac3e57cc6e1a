// The applicant's identifying number, one rule for every reader: an individual's ID number (CCCD,
// passport), an organisation's tax code. Indexed for search, printed masked, checked at the desk.
import type { Applicant } from './types';

export function applicantIdNumber(applicant: Applicant | undefined): string | undefined {
  if (!applicant) return undefined;
  return applicant.kind === 'individual' ? applicant.idNumber : applicant.taxCode;
}

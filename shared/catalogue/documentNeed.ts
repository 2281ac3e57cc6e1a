// What a checklist line asks of the applicant, read from the catalogue: its flag where it has one,
// otherwise the published wording. "(nếu có)" is optional; a line for one case only ("đối với
// người nước ngoài", "trường hợp …", "dùng cho …") is conditional: the officer says if it applies.
import type { DocumentNeed, ProcedureDocument } from './model';

const OPTIONAL = /\(\s*nếu\s+có\s*\)|\bnếu\s+có\s*$/iu;
/** A case named in the line's first words or at the start of a bracket. */
const CONDITION = /(?:^|\(\s*)(?:đối\s+với|trong\s+trường\s+hợp|trường\s+hợp|dùng\s+cho|áp\s+dụng\s+(?:cho|đối\s+với)|nếu)\s/iu;

export function documentNeed(document: Pick<ProcedureDocument, 'name' | 'need'>): DocumentNeed {
  if (document.need) return document.need;
  const name = document.name.normalize('NFC');
  if (OPTIONAL.test(name)) return 'optional';
  if (CONDITION.test(name)) return 'conditional';
  return 'required';
}

/** What the counter's screen calls each need. */
export const DOCUMENT_NEED_LABELS: Record<DocumentNeed, string> = {
  required: 'Bắt buộc',
  optional: 'Nếu có',
  conditional: 'Tùy trường hợp',
};

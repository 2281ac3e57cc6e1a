// What the slip's QR code holds. The dossier code is always the last path segment, so the app's
// scan classifier (shared/codes `classifyScan`) gets the code back from a status-page URL too.

/**
 * The status-page URL with the code appended when the deployment has a public page, else the bare
 * code (then the QR stays at version 2, about 16 mm with its quiet zone at 4 dots per module).
 */
export function statusQrContent(dossierCode: string, statusPageUrl?: string): string {
  if (!statusPageUrl) return dossierCode;
  return `${statusPageUrl.replace(/\/+$/, '')}/${dossierCode}`;
}

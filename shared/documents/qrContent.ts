// What the slip's QR code holds. The dossier code is always the last path segment, so the app's
// scan classifier (shared/codes `classifyScan`) gets the code back from a status-page URL too.

/**
 * The status-page URL with the code appended when the deployment has a public page, else the bare
 * code (then the QR stays at version 2, about 16 mm with its quiet zone at 4 dots per module).
 * With the dossier's status secret (shared/codes `newStatusSecret`, recorded at reception) it is
 * added as `?k=`: the central server's page (`/tra-cuu/<code>?k=<secret>`, server/statusPage.ts)
 * answers only a code and secret that belong together. The secret is printed nowhere else.
 */
export function statusQrContent(dossierCode: string, statusPageUrl?: string, statusSecret?: string): string {
  if (!statusPageUrl) return dossierCode;
  const page = `${statusPageUrl.replace(/\/+$/, '')}/${dossierCode}`;
  return statusSecret ? `${page}?k=${statusSecret}` : page;
}

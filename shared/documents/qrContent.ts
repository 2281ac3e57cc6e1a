// What the slip's QR code holds. The dossier code is always the last path segment, so the app's
// scan classifier (shared/codes `classifyScan`) gets the code back from a status-page URL too.

/**
 * The status-page URL with the code appended when the deployment has a public page, else the bare
 * code (then the QR stays at version 2, about 16 mm with its quiet zone at 4 dots per module).
 * With the slip's numeric key it is added as `?k=`: the page may then answer only a code and key
 * that belong together. This is not yet a secret (the key is printed under the bars too); the
 * status page's own secret is issue 20's to build, and the QR will carry it here instead.
 */
export function statusQrContent(dossierCode: string, statusPageUrl?: string, slipKey?: string): string {
  if (!statusPageUrl) return dossierCode;
  const page = `${statusPageUrl.replace(/\/+$/, '')}/${dossierCode}`;
  return slipKey ? `${page}?k=${slipKey}` : page;
}

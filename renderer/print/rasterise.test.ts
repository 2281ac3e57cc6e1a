// The print faces come from the local web host. A face the browser first needed while the host was
// away (restarting) stays failed for the life of the page: the rasteriser must fetch it again, and
// until it can, say the host is away so the print queue keeps the job (hostRestart.e2e).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostCallError } from '../host';
import { ensurePrintFonts } from './rasterise';

const URLS = { regular: '/assets/NotoSans-Regular.ttf', bold: '/assets/NotoSans-Bold.ttf', italic: '/assets/NotoSans-Italic.ttf' };

/** Chromium's behaviour, reduced: a face fetched once keeps its status; load() of a spec fails while a matching face failed. */
function fakeBrowser(hostUp: () => boolean) {
  class FakeFontFace {
    status: 'unloaded' | 'loading' | 'loaded' | 'error' = 'unloaded';
    readonly style: string;
    readonly weight: string;
    constructor(
      readonly family: string,
      readonly source: string,
      descriptors: { style?: string; weight?: string } = {},
    ) {
      this.style = descriptors.style ?? 'normal';
      this.weight = descriptors.weight ?? '400';
    }
    async load() {
      if (this.status === 'unloaded') this.status = hostUp() ? 'loaded' : 'error';
      if (this.status === 'error') throw new DOMException('A network error occurred.', 'NetworkError');
      return this;
    }
  }
  const css = (style: string, weight: string, file: string) => new FakeFontFace('Noto Sans', `url(${file})`, { style, weight });
  // fonts.css: the CSS-connected faces, which cannot be deleted from the set.
  const cssFaces = [css('normal', '400', URLS.regular), css('normal', '700', URLS.bold), css('italic', '400', URLS.italic)];
  const added = new Set<FakeFontFace>();
  const fonts = {
    async load(spec: string) {
      const style = spec.startsWith('italic') ? 'italic' : 'normal';
      const weight = spec.startsWith('bold') ? '700' : '400';
      for (const face of [...cssFaces, ...added].filter((f) => f.style === style && f.weight === weight)) await face.load();
      return [];
    },
    add: (face: FakeFontFace) => added.add(face),
    delete: (face: FakeFontFace) => added.delete(face),
  };
  return { FakeFontFace, fonts, cssFaces, added };
}

afterEach(() => vi.unstubAllGlobals());

describe('ensurePrintFonts', () => {
  it('a face first needed while the host was away is fetched again once it is back, and meanwhile the error says the host is away', async () => {
    let up = true;
    const browser = fakeBrowser(() => up);
    vi.stubGlobal('document', { fonts: browser.fonts });
    vi.stubGlobal('FontFace', browser.FakeFontFace);
    // Regular and bold were on screen before the host went away; the italic was first needed after.
    await browser.cssFaces[0]!.load();
    await browser.cssFaces[1]!.load();
    up = false;
    await browser.cssFaces[2]!.load().catch(() => undefined);

    const away = await ensurePrintFonts(URLS).catch((e: unknown) => e);
    expect(away).toBeInstanceOf(HostCallError);
    expect((away as HostCallError).code).toBe('HOST_UNREACHABLE');

    up = true;
    await expect(ensurePrintFonts(URLS)).resolves.toBeUndefined();
    const fresh = [...browser.added];
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ family: 'Noto Sans', source: `url("${URLS.italic}")`, style: 'italic', weight: '400', status: 'loaded' });
    // Later prints use the fetched face and fetch nothing more.
    await expect(ensurePrintFonts(URLS)).resolves.toBeUndefined();
    expect(browser.added.size).toBe(1);
  });
});

// The detector's test page (fixtures/scan): a React form with a name field, a textarea and a field
// that takes scans as text, the scans each router target received, served from memory.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const FIXTURE = new URL('./fixtures/scan/', import.meta.url);

export type ScanFixture = { baseUrl: string; close(): Promise<void> };

export async function serveScanFixture(): Promise<ScanFixture> {
  const bundle = await build({
    entryPoints: [new URL('main.tsx', FIXTURE).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    // The page has no styles of its own: the app's components it shows (the «Quét lại» notice) come without theirs.
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const html = await readFile(new URL('index.html', FIXTURE), 'utf8');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/main.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Opens the page in `browser` (or a context of it, to add init scripts first). */
export async function openFixturePage(browser: Pick<Browser, 'newPage'> | BrowserContext, fixture: ScanFixture, query = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(fixture.baseUrl + query);
  await page.getByTestId('name').waitFor();
  return { page, errors };
}

export const scanItems = (page: Page, testId: string) => page.getByTestId(testId).locator('li').allInnerTexts();

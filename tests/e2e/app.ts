// A whole counter for end-to-end tests: the central server, a kiosk web host pointed at it, and a
// Chromium page that enrolled the counter with a one-time code and signed an officer in.
import type { Browser, Locator, Page } from 'playwright-core';
import { startServer, startWebHost, type Started } from './processes';

export const DEMO_STAFF = {
  admin: { username: 'admin', password: 'quantri-demo' },
  receiving: { username: 'tiepnhan1', password: 'tiepnhan-demo', fullName: 'Nguyễn Thị Lan' },
  returnDesk: { username: 'trakq1', password: 'trakq-demo', fullName: 'Trần Văn Hùng' },
  supervisor: { username: 'giamsat', password: 'giamsat-demo', fullName: 'Lê Minh Châu' },
} as const;

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function adminToken(serverUrl: string): Promise<string> {
  return (await post<{ token: string }>(new URL('/v1/sessions', serverUrl).href, DEMO_STAFF.admin)).token;
}

/** A one-time code enrolling `counterId` into `center` (its id), or into the default center. */
export async function enrolmentCode(serverUrl: string, counterId: string, counterName: string, center?: string): Promise<string> {
  const token = await adminToken(serverUrl);
  return (await post<{ code: string }>(new URL('/v1/admin/enrolment-codes', serverUrl).href, { counterId, counterName, ...(center ? { center } : {}) }, token)).code;
}

export interface Counter {
  kiosk: Started;
  page: Page;
}

/** Starts a kiosk, enrols it as `counterId` and signs `user` in; the page shows the shell. */
export async function openCounter(
  browser: Browser,
  server: Started,
  options: { counterId: string; counterName: string; user: { username: string; password: string }; hostArgs?: string[]; center?: string },
): Promise<Counter> {
  const kiosk = await startWebHost(['--server-url', server.url, ...(options.hostArgs ?? [])]);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (error) => console.error(`[${options.counterId}] page error: ${error.message}`));
  await page.goto(kiosk.url);
  await page.getByLabel('Mã đăng ký quầy').fill(await enrolmentCode(server.url, options.counterId, options.counterName, options.center));
  await page.getByRole('button', { name: 'Đăng ký quầy' }).click();
  await signInAs(page, options.user);
  return { kiosk, page };
}

/**
 * A receiving counter ready for a citizen: opened as `openCounter` does, the virtual printer set for
 * every paper (80 mm), reloaded at `viewport`, online with the server, on Tiếp nhận (F2).
 */
export async function openReceivingCounter(
  browser: Browser,
  server: Started,
  printer: { address: string },
  options: { counterId: string; counterName: string; viewport?: { width: number; height: number }; hostArgs?: string[]; center?: string },
): Promise<Counter> {
  const counter = await openCounter(browser, server, { ...options, user: DEMO_STAFF.receiving });
  await hostCall(counter.page, 'settings.update', [
    { printers: [{ id: 'vp', name: `Máy in phiếu – ${options.counterName}`, transport: 'network', address: printer.address, paper: '80mm', roles: ['slip', 'receipt', 'form'], copies: {} }] },
  ]);
  if (options.viewport) await counter.page.setViewportSize(options.viewport);
  await counter.page.reload();
  await counter.page
    .getByTestId('sync-badge')
    .getByText(/Trực tuyến/)
    .waitFor({ timeout: 30_000 });
  await counter.page.keyboard.press('F2');
  return counter;
}

/** Typed at a person's pace: a faster burst ending in Enter is what the scanner detector takes for a scan. */
export const typeText = (page: Page, text: string) => page.keyboard.type(text, { delay: 50 });

/** Picks a procedure on step 1 by what is typed in the search, then waits for the applicant step. */
export async function pickProcedure(page: Page, query: string, name: string | RegExp): Promise<void> {
  const search = page.getByRole('combobox');
  await search.waitFor({ timeout: 30_000 });
  await search.fill(query);
  await page
    .getByRole('option', { name: typeof name === 'string' ? new RegExp(name) : name })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.getByLabel('Số CCCD / CMND / hộ chiếu').waitFor();
}

/** The applicant step at the keyboard from the ID field: ID, name, phone and address, each a Tab apart. */
export async function typeApplicant(page: Page, person: { id: string; name: string; phone: string; address: string }): Promise<void> {
  await typeText(page, person.id);
  await page.keyboard.press('Tab');
  await typeText(page, person.name);
  await page.keyboard.press('Tab');
  await typeText(page, person.phone);
  await page.keyboard.press('Tab');
  await typeText(page, person.address);
}

/**
 * A driving-licence renewal (on the phi-địa-giới lists of the centers tests) taken to step 4 for a
 * citizen of ward Vinh Hưng: the procedure, the applicant, every paper; answers the route's box.
 */
export async function licenceRenewalToRoute(page: Page): Promise<Locator> {
  await pickProcedure(page, 'cap lai giay phep lai xe', 'Cấp lại giấy phép lái xe');
  await page.keyboard.press('Alt+2');
  await typeApplicant(page, { id: '040085001234', name: 'Phan Văn Đức', phone: '0912 345 678', address: 'Khối 3, phường Vinh Hưng, Nghệ An' });
  await page.keyboard.press('Enter');
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  const route = page.getByTestId('route');
  await route.waitFor({ timeout: 30_000 });
  return route;
}

/** Step 3: every paper on the checklist ticked as received, then on to the fee step. */
export async function receiveEveryPaper(page: Page): Promise<void> {
  const boxes = page.getByRole('checkbox', { name: /^Đã nhận:/ });
  await boxes.first().waitFor();
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: /Tiếp tục/ }).click();
  await page.getByLabel('Số tiền thu (đồng)').waitFor();
}

/**
 * Receives one dossier at the receiving counter for `applicant` (Cấp lại giấy phép lái xe: every paper
 * received, the fee in cash, the appointment as offered); returns the dossier code on screen.
 */
export async function receiveDossier(page: Page, applicant: { id: string; name: string; phone: string; address: string }): Promise<string> {
  await pickProcedure(page, 'cap lai giay phep lai xe', /Cấp lại giấy phép lái xe/);
  await typeApplicant(page, applicant);
  await page.keyboard.press('Enter');
  await receiveEveryPaper(page);
  await page.keyboard.press('Enter');
  await page.getByTestId('appointment').waitFor();
  await page.getByTestId('lease-remaining').waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+Enter');
  return page.getByTestId('dossier-code').innerText({ timeout: 20_000 });
}

/** The applicant step filled at once (ID, name, a phone and an address), then Enter: the documents step opens. */
export async function fillApplicant(page: Page, person: { id: string; name: string }): Promise<void> {
  await page.getByLabel('Số CCCD / CMND / hộ chiếu').fill(person.id);
  await page.getByLabel('Họ và tên').fill(person.name);
  await page.getByLabel('Số điện thoại').fill('0912345678');
  await page.getByLabel('Địa chỉ', { exact: true }).fill('Số 5 Lê Lợi, phường Vinh Phú, Nghệ An');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /Tiếp tục/ }).waitFor();
}

export async function signInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(user.username);
  await page.getByLabel('Mật khẩu').fill(user.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('counter-identity').waitFor();
}

export { startServer };

/** Calls the kiosk's host from inside its page, with the page's own secret, as the app does. */
export async function hostCall(page: Page, call: string, args: unknown[]): Promise<unknown> {
  return page.evaluate(
    async ({ call, args }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="motcua-host-token"]')!.content;
      const res = await fetch('/host', { method: 'POST', headers: { 'content-type': 'application/json', 'x-motcua-host-token': token }, body: JSON.stringify({ call, args }) });
      return ((await res.json()) as { value: unknown }).value;
    },
    { call, args },
  );
}

/**
 * What this kiosk's own database holds, read (never written) by a test: every row of `store`, or
 * the row at `key` (looked up in `index` when given).
 */
export function localRows<T>(page: Page, store: string): Promise<T[]> {
  return readLocal(page, { store }) as Promise<T[]>;
}

export function localRow<T>(page: Page, store: string, key: string, index?: string): Promise<T | undefined> {
  return readLocal(page, { store, key, index }) as Promise<T | undefined>;
}

function readLocal(page: Page, query: { store: string; key?: string; index?: string }): Promise<unknown> {
  return page.evaluate(
    ({ store, key, index }) =>
      new Promise<unknown>((done, fail) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const rows = open.result.transaction(store).objectStore(store);
          const from = index ? rows.index(index) : rows;
          const read = key === undefined ? from.getAll() : from.get(key);
          read.onsuccess = () => (done(read.result), open.result.close());
          read.onerror = () => (fail(read.error), open.result.close());
        };
      }),
    query,
  );
}

/**
 * Waits until the rows of `store` in this kiosk's database satisfy `enough`, reading every 500 ms;
 * throws `failure` after `timeoutMs`. Usable in hooks, where `expect.poll` is not.
 */
export async function waitForLocalRows<T>(page: Page, store: string, enough: (rows: T[]) => boolean, timeoutMs: number, failure: string): Promise<void> {
  for (let waited = 0; !enough(await localRows<T>(page, store)); waited += 500) {
    if (waited > timeoutMs) throw new Error(failure);
    await page.waitForTimeout(500);
  }
}

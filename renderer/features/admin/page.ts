// What every page of the administration section receives, and how it is listed (pages.ts).
import type { ComponentType } from 'react';
import type { AdminApi, AdminIdentity } from './adminApi';

export interface AdminPageProps {
  /** The central server, called as the signed-in administrator. */
  api: AdminApi;
  /** Who is signed in (the server records every change under this account). */
  admin: AdminIdentity;
  /** Where the section runs: at a counter (the kiosk) or in a browser on the Center's LAN. */
  runtime: 'kiosk' | 'browser';
}

export interface AdminPage {
  /** Stable id, also the page's part of the browser's address (#trang). */
  id: string;
  label: string;
  /** One line under the page's title: what is done here. */
  hint: string;
  Page: ComponentType<AdminPageProps>;
}

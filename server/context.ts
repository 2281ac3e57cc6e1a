import type { Db } from './db';
import type { CenterDirectory } from './centers';
import type { CenterConfig, NoticeConfig } from './config';
import type { PushCommitter } from './push';
import type { LoginGuard } from './loginGuard';
import type { PullWaiters, SnapshotCache } from './pull';
import type { CatalogueVersion } from './routes/catalogue';

export interface AppContext {
  db: Db;
  /** Commits pushes one group at a time (server/push.ts). */
  pushes: PushCommitter;
  /** The JSON text of recent dossier snapshots, shared by every pull (server/pull.ts). */
  snapshots: SnapshotCache;
  /** Pulls waiting for their site's next change (long poll). */
  pullWaiters: PullWaiters;
  /** The catalogue's version, sent with every pull. */
  catalogueVersion: CatalogueVersion;
  /** The default center (the configuration's); the others are in `centers`. */
  center: CenterConfig;
  centers: CenterDirectory;
  /** Session lifetime; a counter's officer logs in again after it. */
  sessionTtlMs: number;
  enrolmentCodeTtlMs: number;
  /** Login lockout and the bounded password-hash pool (loginGuard.ts). */
  loginGuard: LoginGuard;
  /** The notice channels and retry rule (server/notices/). */
  notices: NoticeConfig;
}

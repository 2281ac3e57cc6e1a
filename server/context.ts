import type { Db } from './db';
import type { CenterDirectory } from './centers';
import type { CenterConfig, NoticeConfig } from './config';
import type { PushCommitter } from './push';
import type { LoginGuard } from './loginGuard';

export interface AppContext {
  db: Db;
  /** Commits pushes one group at a time (server/push.ts). */
  pushes: PushCommitter;
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

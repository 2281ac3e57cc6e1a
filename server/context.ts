import type { Db } from './db';
import type { CenterConfig } from './config';

export interface AppContext {
  db: Db;
  center: CenterConfig;
  /** Session lifetime; a counter's officer logs in again after it. */
  sessionTtlMs: number;
  enrolmentCodeTtlMs: number;
}

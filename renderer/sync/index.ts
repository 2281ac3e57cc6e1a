export { COUNTER_NAMES_SETTING, SyncClient, backoffDelay } from './client';
export type { SyncClientOptions, SyncStatus } from './client';
export type { SyncProblem, SyncProblemCode } from './problems';
export { SyncFailure } from './problems';
export { applyPushResults, applySnapshots } from './apply';

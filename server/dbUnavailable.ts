// Which database errors mean "the database is away" (restarting, unreachable, failing over) rather
// than a fault in this request: those are answered 503 DATABASE_UNAVAILABLE, and the counter sends
// again later; the connection pool opens fresh connections once the database is back.

/** Network failures on the way to PostgreSQL. */
const NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a database that is shutting down, starting up, or is a standby that has not been
 * promoted yet; class 08 (connection exception) is matched by its prefix.
 */
const UNAVAILABLE_SQLSTATES: ReadonlySet<string> = new Set([
  '57P01', // admin_shutdown: stopped or restarted by its administrator
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '25006', // read_only_sql_transaction: connected to a standby (during a failover)
  '53300', // too_many_connections
]);

/**
 * What node-postgres says when a connection dies or cannot be made in time (`timeout expired`: the
 * client's connectionTimeoutMillis); these carry no code. The pool's own "timeout exceeded when
 * trying to connect" (every connection busy) is not among them: that is load, not a database away.
 */
const CONNECTION_MESSAGES = /^(Connection terminated|timeout expired$|Client has encountered a connection error and is not queryable)/;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false;
  // Node reports a refused connection to a name with several addresses as an AggregateError.
  if (err instanceof AggregateError && err.errors.some(isDatabaseUnavailable)) return true;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return err instanceof Error && CONNECTION_MESSAGES.test(err.message);
}

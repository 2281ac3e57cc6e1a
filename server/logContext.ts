// What an unexpected error was working on (the event, the dossier, the table being written), carried
// on the error itself so the one error handler can log it beside the stack and the request id.
const CONTEXT = Symbol('logContext');

type Context = Record<string, unknown>;

/** Adds `context` to `err` and returns it; context added deeper (closer to the fault) wins. */
export function addLogContext<E>(err: E, context: Context): E {
  if (err !== null && typeof err === 'object') {
    const carrier = err as { [CONTEXT]?: Context };
    carrier[CONTEXT] = { ...context, ...carrier[CONTEXT] };
  }
  return err;
}

export function logContextOf(err: unknown): Context {
  return err !== null && typeof err === 'object' ? ((err as { [CONTEXT]?: Context })[CONTEXT] ?? {}) : {};
}

// The server's log: pino through Fastify, JSON lines, one line per request and one per error, each
// with the request id the client also receives (x-request-id), so what staff quote finds the line.
// Secrets never reach it: requests are logged without headers or bodies, and the paths where a
// credential, password, token or enrolment code could sit are censored should anything log them.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { LogLevel } from './config';

export const REQUEST_ID_HEADER = 'x-request-id';

// What a proxy or a counter may send (UUID, ULID, `req-…`); anything else is replaced, so a client
// cannot write arbitrary text into the log through the id.
const REQUEST_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function requestIdOf(raw: IncomingMessage): string {
  const given = raw.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
}

export const REDACTED = '[đã ẩn]';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'req.body.password',
  'req.body.code',
  'body.password',
  'body.code',
  'password',
  'token',
  'credential',
  'enrolmentCode',
  '*.password',
  '*.token',
  '*.credential',
  '*.enrolmentCode',
];

// The applicant's ID number and phone are personal data (lookup by /v1/dossiers?idNumber=…).
const PERSONAL_QUERY_KEYS = ['idNumber', 'phone'];

/** The URL as logged: path and query as sent, the values of personal search keys censored. */
export function safeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const pairs = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      return PERSONAL_QUERY_KEYS.includes(decodeURIComponentSafe(key)) ? `${key}=${REDACTED}` : pair;
    });
  return `${url.slice(0, q)}?${pairs.join('&')}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/** One line per finished request instead of Fastify's two (incoming + completed). */
class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(err: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(req)) return;
    const line = { method: req.method, url: safeUrl(req.url), route: req.routeOptions.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (err) reply.log.error({ ...line, err }, 'request failed while answering');
    else reply.log.info(line, 'request');
  }
}

export interface LogOptions {
  level: LogLevel;
  /** Where JSON lines go; pino's default (stdout) when absent. */
  stream?: { write(msg: string): void };
}

export function fastifyLogOptions(log: LogOptions): Pick<FastifyServerOptions, 'logger' | 'logController' | 'genReqId' | 'requestIdHeader'> {
  return {
    logger: {
      level: log.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Whatever is logged as `req` keeps no headers or body; a plain object there must not break the line.
      serializers: { req: (req) => ({ method: req.method, url: typeof req.url === 'string' ? safeUrl(req.url) : undefined, remoteAddress: req.ip }) },
      ...(log.stream ? { stream: log.stream } : {}),
    },
    logController: new RequestLog(),
    // The header is read by genReqId, which checks its shape first.
    requestIdHeader: false,
    genReqId: requestIdOf,
  };
}

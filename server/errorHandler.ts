// Every failed request ends here. A 4xx goes back as { error: { code, message } } and is logged
// without a stack (warn when a counter sent what it never should, info for routine refusals); a 500
// is logged with its stack, route and what it was working on, and the client gets a Vietnamese
// message with the request id for IT. While the database is away (restarting, failing over) the
// answer is 503 DATABASE_UNAVAILABLE instead, logged as a warning.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorCode } from '../shared/sync/protocol';
import { isDatabaseUnavailable } from './dbUnavailable';
import { ApiError, ERROR_MESSAGES } from './errors';
import { logContextOf } from './logContext';
import { REQUEST_ID_HEADER, safeUrl } from './logging';

function toApiError(err: FastifyError): ApiError | undefined {
  if (err instanceof ApiError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_BAD_URL':
      return new ApiError(400, 'INVALID_REQUEST', 'Địa chỉ yêu cầu có ký tự mã hoá sai (%). Kiểm tra lại địa chỉ.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiError(414, 'INVALID_REQUEST', 'Một phần của địa chỉ yêu cầu quá dài. Kiểm tra lại địa chỉ.');
  }
  if (err.validation) {
    const first = err.validation[0];
    const where = `${err.validationContext ?? ''}${first?.instancePath ?? ''}`;
    return new ApiError(400, 'INVALID_REQUEST', `${ERROR_MESSAGES.INVALID_REQUEST} (${where}: ${first?.message ?? ''})`, err.validation.slice(0, 5));
  }
  if (err instanceof SyntaxError) return new ApiError(400, 'MALFORMED_JSON');
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return new ApiError(err.statusCode, 'INVALID_REQUEST');
  }
  return undefined;
}

/** Requests a working counter never sends: a sign of a counter bug or a stranger, worth a warning. */
const CLIENT_FAULTS: ReadonlySet<ApiErrorCode> = new Set([
  'MALFORMED_JSON',
  'INVALID_REQUEST',
  'INVALID_TEXT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_EVENTS',
  'UNSUPPORTED_MEDIA_TYPE',
  'WRONG_COUNTER',
  'WRONG_CENTER',
]);

/** Seconds a client is asked to wait (Retry-After) while the database is away. */
const DATABASE_RETRY_AFTER_S = 5;

export function internalErrorMessage(requestId: string): string {
  return `Máy chủ gặp lỗi không mong muốn, thao tác chưa hoàn tất. Hãy thử lại sau ít phút (dữ liệu đồng bộ được máy quầy tự gửi lại); nếu vẫn lỗi, báo bộ phận CNTT kèm mã yêu cầu: ${requestId}.`;
}

const where = (req: FastifyRequest) => ({ method: req.method, url: safeUrl(req.url), route: req.routeOptions.url });

function sendError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const api = toApiError(err);
  if (api) {
    const line = { ...where(req), statusCode: api.status, code: api.code, message: api.message };
    if (CLIENT_FAULTS.has(api.code)) req.log.warn(line, 'request refused');
    else req.log.info(line, 'request refused');
    if (api.retryAfterSeconds !== undefined) reply.header('Retry-After', String(api.retryAfterSeconds));
    return reply.code(api.status).send(api.toBody());
  }
  if (isDatabaseUnavailable(err)) {
    // Not this request's fault: the counter keeps what it sent and retries; one line without a stack per refused request.
    req.log.warn({ ...where(req), statusCode: 503, code: 'DATABASE_UNAVAILABLE', cause: err.message }, 'database unavailable');
    return reply.code(503).header('Retry-After', String(DATABASE_RETRY_AFTER_S)).send(new ApiError(503, 'DATABASE_UNAVAILABLE').toBody());
  }
  req.log.error({ ...where(req), ...logContextOf(err), err }, 'unexpected server error');
  return reply.code(500).send({ error: { code: 'INTERNAL', message: internalErrorMessage(req.id), details: { requestId: req.id } } });
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
}

/** Fastify's `frameworkErrors`: what the router refuses before a route is found, answered like everything else. */
export function sendFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  reply.header(REQUEST_ID_HEADER, req.id);
  void sendError(err, req, reply);
}

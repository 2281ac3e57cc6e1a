// Every string a request carries (body, query, path parameters, and object keys) is checked before
// schema validation and before any database work: a NUL, a lone surrogate or a control character is
// refused with 400 INVALID_TEXT naming the field and the item (its `id`) instead of failing deep in
// a write with a 500. Push checks each event on its own (routes/sync.ts), so one bad event is
// refused alone and the rest of the chunk is stored.
import type { FastifyInstance } from 'fastify';
import { badTextMessage, findBadText } from '../shared/text/wellFormed';
import { ApiError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks the text of its body's items itself (push: per event). */
    checksOwnBodyText?: boolean;
  }
}

export function refuseBadText(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const parts: [string, unknown][] = [
      ['params', req.params],
      ['querystring', req.query],
    ];
    if (!req.routeOptions.config.checksOwnBodyText && !Buffer.isBuffer(req.body)) parts.push(['body', req.body]);
    for (const [where, value] of parts) {
      const bad = findBadText(value, where === 'body' ? '' : `/${where}`);
      if (bad) {
        const code = bad.fault === 'nesting' ? 'INVALID_REQUEST' : 'INVALID_TEXT';
        throw new ApiError(400, code, badTextMessage(bad), { field: bad.path, ...(bad.ownerId !== undefined ? { id: bad.ownerId } : {}), fault: bad.fault });
      }
    }
  });
}

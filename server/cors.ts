// Counters call the server from their own origin (motcua://app in Electron, http://127.0.0.1:PORT
// in the browser kiosk). Requests authenticate with bearer tokens, never cookies, so any origin may
// call; what protects the data is the device credential and the staff session.
import type { FastifyInstance } from 'fastify';
import { COUNTER_REPORT_HEADER } from '../shared/sync/adminProtocol';
import { REQUEST_ID_HEADER } from './logging';

export function allowCrossOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (!origin) return;
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Vary', 'Origin');
    reply.header('Access-Control-Expose-Headers', `Date, ${REQUEST_ID_HEADER}`);
    if (req.method === 'OPTIONS') {
      reply.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      reply.header('Access-Control-Allow-Headers', `authorization, content-type, ${REQUEST_ID_HEADER}, ${COUNTER_REPORT_HEADER}`);
      reply.header('Access-Control-Max-Age', '600');
      return reply.code(204).send();
    }
  });
}

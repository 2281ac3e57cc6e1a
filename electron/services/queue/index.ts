// Starts the hall's queue on the designated machine: the journaled service and its HTTP face.
// The web host (flags) and Electron's main (the machine's settings) both start it through here.
import type { KioskHost } from '../../../shared/host';
import { DEMO_QUEUE_CONFIG, loadQueueConfig } from './config';
import { startQueueHttp } from './http';
import { createQueueService } from './service';

export interface QueueStartOptions {
  /** Where the journal lives (one file per day). */
  dir: string;
  port: number;
  /** The address to listen on; every interface by default, so the hall's TV and the counters reach it. */
  host?: string;
  /** The lines' file; the demo lines (from the demo catalogue's fields) when absent. */
  configFile?: string;
  printers?: KioskHost['printers'];
}

export async function startQueue(options: QueueStartOptions) {
  const service = createQueueService({ dir: options.dir, config: loadQueueConfig(options.configFile ?? DEMO_QUEUE_CONFIG), ...(options.printers ? { printers: options.printers } : {}) });
  try {
    const http = await startQueueHttp(service, { port: options.port, ...(options.host ? { host: options.host } : {}) });
    return {
      url: http.url,
      service,
      async close() {
        await http.close();
        service.close();
      },
    };
  } catch (error) {
    service.close();
    throw error;
  }
}

export { QueueConfigError } from './config';

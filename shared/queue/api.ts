// What the queue service answers, shared by the service (electron/services/queue) and the counter (renderer/kiosk/queue.ts).
import type { CallAnnouncement } from './words';

export interface TicketView {
  number: number;
  line: string;
  lineName: string;
  calledAt?: string;
  issuedAt: string;
}

export interface CounterView {
  counter: number;
  current?: TicketView;
  /** Waiting for this counter: in the lines it serves, and transferred to it. */
  waiting: number;
  pairingCode: string;
  /** The last service here that the citizen has not rated yet. */
  toRate?: { number: number };
}

export interface HallView {
  center: string[];
  serving: { counter: number; number: number; lineName: string }[];
  /** The latest calls first; `seq` grows with each call of the day, so the hall announces each once. */
  calls: { seq: number; number: number; counter: number; at: string; announcement: CallAnnouncement }[];
  waiting: { line: string; lineName: string; count: number }[];
}

export interface RatingView {
  counter: number;
  pending?: { number: number; officerName: string };
}

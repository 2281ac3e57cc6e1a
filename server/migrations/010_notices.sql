-- Notices to applicants: a durable outbox written in the push transaction that stores the status
-- change (one row per change and channel, unique on the event and channel), sent by the dispatcher
-- (server/notices/dispatcher.ts), which marks a row 'sending' before it sends and 'sent' after.
CREATE TABLE notices (
  id UUID PRIMARY KEY,
  -- Order of creation: one dossier's notices on one channel go out in this order.
  seq BIGSERIAL NOT NULL,
  event_id UUID NOT NULL REFERENCES events(id),
  dossier_id UUID NOT NULL,
  dossier_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'zalo')),
  recipient TEXT NOT NULL,
  facts JSONB NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  claimed_at TIMESTAMPTZ,
  sent_at TIMESTAMPTZ,
  last_error TEXT,
  retried_by TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (event_id, channel)
);
CREATE INDEX notices_due_idx ON notices (state, next_at);
CREATE INDEX notices_dossier_idx ON notices (dossier_id);

-- The applicant asked for no more notices about this dossier (told at a counter).
CREATE TABLE notice_optouts (
  dossier_id UUID PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  by TEXT NOT NULL,
  note TEXT
);

-- The Center's texts; a kind without a row uses the default of shared/notices/notices.ts.
CREATE TABLE notice_templates (
  kind TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  sms TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Audit log of personal data viewed, printed in full or exported at the counters. Each entry carries
-- the counter's own UUID, so a retried push stores it once.
CREATE TABLE audit_log (
  id UUID PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  device_id TEXT NOT NULL,
  counter_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  officer_name TEXT,
  dossier_id TEXT,
  dossier_code TEXT,
  action TEXT NOT NULL CHECK (action IN ('view', 'print', 'export')),
  field TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX audit_log_officer_idx ON audit_log (officer_id, at);
CREATE INDEX audit_log_dossier_idx ON audit_log (dossier_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Digitised documents: the bytes live in the attachment store (filesystem by default, an
-- S3-compatible bucket as the documented option); this table is the index of what is complete.
CREATE TABLE attachments (
  sha256 TEXT PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size BIGINT NOT NULL CHECK (size >= 0),
  media_type TEXT NOT NULL,
  first_device_id TEXT NOT NULL REFERENCES devices(id),
  stored_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  uploads INTEGER NOT NULL DEFAULT 1
);

-- Catalogue (procedures, departments, holidays, swapped days, form versions, settings), versioned
-- so counters fetch only what changed.
CREATE SEQUENCE catalogue_version_seq;
CREATE TABLE catalogue_items (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  body JSONB NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT false,
  version BIGINT NOT NULL DEFAULT nextval('catalogue_version_seq'),
  updated_by TEXT NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX catalogue_version_idx ON catalogue_items (version);

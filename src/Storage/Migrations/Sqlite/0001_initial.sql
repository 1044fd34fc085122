-- TeamsPlans state, SQLite. Times are UTC unix milliseconds (INTEGER, sortable); JSON columns are TEXT.
-- Every table is keyed by tenant_id first; every query filters on it.
CREATE TABLE plans (
  tenant_id           TEXT    NOT NULL,
  plan_id             TEXT    NOT NULL,
  number              TEXT    NULL,
  number_norm         TEXT    NULL,   -- no whitespace, NFC, upper invariant
  title               TEXT    NOT NULL,
  document_json       TEXT    NOT NULL,
  document_uri        TEXT    NULL,
  status              TEXT    NOT NULL,
  head_aad_object_id  TEXT    NULL,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, plan_id)
) WITHOUT ROWID;
CREATE INDEX ix_plans_number ON plans (tenant_id, number_norm);

CREATE TABLE plan_citations (
  tenant_id          TEXT NOT NULL,
  plan_id            TEXT NOT NULL,
  cited_number_norm  TEXT NOT NULL,
  PRIMARY KEY (tenant_id, plan_id, cited_number_norm)
) WITHOUT ROWID;
CREATE INDEX ix_plan_citations_cited ON plan_citations (cited_number_norm, tenant_id);

CREATE TABLE members (
  tenant_id      TEXT    NOT NULL,
  aad_object_id  TEXT    NOT NULL,
  display_name   TEXT    NOT NULL,
  email          TEXT    NULL,
  job_title      TEXT    NULL,
  department     TEXT    NULL,
  roles          INTEGER NOT NULL,
  locale         TEXT    NULL,
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, aad_object_id)
) WITHOUT ROWID;

CREATE TABLE conversations (
  tenant_id        TEXT    NOT NULL,
  aad_object_id    TEXT    NOT NULL,
  user_id          TEXT    NOT NULL,
  conversation_id  TEXT    NOT NULL,
  service_url      TEXT    NOT NULL,
  bot_id           TEXT    NOT NULL,
  channel_id       TEXT    NOT NULL,
  updated_at       INTEGER NOT NULL,
  blocked          INTEGER NOT NULL DEFAULT 0,
  blocked_reason   TEXT    NULL,
  PRIMARY KEY (tenant_id, aad_object_id)
) WITHOUT ROWID;

CREATE TABLE assignments (
  tenant_id             TEXT    NOT NULL,
  assignment_id         TEXT    NOT NULL,
  plan_id               TEXT    NOT NULL,
  ordinal               INTEGER NOT NULL,
  assignee_json         TEXT    NOT NULL,
  duty                  TEXT    NOT NULL,
  deadlines_json        TEXT    NOT NULL,
  member_aad_object_id  TEXT    NULL,
  status                TEXT    NOT NULL,
  percent_complete      INTEGER NOT NULL,
  version               INTEGER NOT NULL,
  acknowledged_at       INTEGER NULL,
  completed_at          INTEGER NULL,
  last_comment          TEXT    NULL,
  card_activity_id      TEXT    NULL,
  card_conversation_id  TEXT    NULL,
  updated_at            INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, assignment_id)
) WITHOUT ROWID;
CREATE INDEX ix_assignments_plan ON assignments (tenant_id, plan_id, ordinal);
CREATE INDEX ix_assignments_member ON assignments (tenant_id, member_aad_object_id);

CREATE TABLE reports (
  tenant_id      TEXT    NOT NULL,
  report_id      TEXT    NOT NULL,
  assignment_id  TEXT    NOT NULL,
  period         TEXT    NOT NULL,   -- the concrete due date of the occurrence, yyyy-MM-dd
  file_name      TEXT    NOT NULL,
  file_uri       TEXT    NULL,
  submitted_by   TEXT    NOT NULL,
  submitted_at   INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, report_id)
) WITHOUT ROWID;
CREATE INDEX ix_reports_assignment ON reports (tenant_id, assignment_id);

-- id is global (claims run across tenants); AUTOINCREMENT so an id is never reused by a later item.
CREATE TABLE work_items (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id        TEXT    NOT NULL,
  queue            TEXT    NOT NULL,
  kind             TEXT    NOT NULL,
  idempotency_key  TEXT    NOT NULL,
  payload_json     TEXT    NOT NULL,
  state            TEXT    NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  not_before       INTEGER NOT NULL,
  lease_owner      TEXT    NULL,
  lease_until      INTEGER NULL,
  last_error       TEXT    NULL,
  result_json      TEXT    NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  UNIQUE (tenant_id, queue, idempotency_key)
);
CREATE INDEX ix_work_items_due ON work_items (queue, state, not_before, id);
CREATE INDEX ix_work_items_tenant ON work_items (tenant_id, queue, state);

CREATE TABLE sync_entries (
  tenant_id   TEXT    NOT NULL,
  scope       TEXT    NOT NULL,
  entry_key   TEXT    NOT NULL,
  remote_id   TEXT    NOT NULL,
  etag        TEXT    NULL,
  data_json   TEXT    NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, scope, entry_key)
) WITHOUT ROWID;

-- TeamsPlans state, PostgreSQL. Times are timestamptz (UTC); parsed documents are jsonb; caller-supplied
-- payloads stay text so they round-trip byte for byte. Every table is keyed by tenant_id first.
CREATE TABLE plans (
  tenant_id           text        NOT NULL,
  plan_id             text        NOT NULL,
  number              text        NULL,
  number_norm         text        NULL,   -- no whitespace, NFC, upper invariant
  title               text        NOT NULL,
  document_json       jsonb       NOT NULL,
  document_uri        text        NULL,
  status              text        NOT NULL,
  head_aad_object_id  text        NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, plan_id)
);
CREATE INDEX ix_plans_number ON plans (tenant_id, number_norm);

CREATE TABLE plan_citations (
  tenant_id          text NOT NULL,
  plan_id            text NOT NULL,
  cited_number_norm  text NOT NULL,
  PRIMARY KEY (tenant_id, plan_id, cited_number_norm),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, plan_id) ON DELETE CASCADE
);
CREATE INDEX ix_plan_citations_cited ON plan_citations (cited_number_norm, tenant_id);

CREATE TABLE members (
  tenant_id      text        NOT NULL,
  aad_object_id  text        NOT NULL,
  display_name   text        NOT NULL,
  email          text        NULL,
  job_title      text        NULL,
  department     text        NULL,
  roles          integer     NOT NULL,
  locale         text        NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, aad_object_id)
);

CREATE TABLE conversations (
  tenant_id        text        NOT NULL,
  aad_object_id    text        NOT NULL,
  user_id          text        NOT NULL,
  conversation_id  text        NOT NULL,
  service_url      text        NOT NULL,
  bot_id           text        NOT NULL,
  channel_id       text        NOT NULL,
  updated_at       timestamptz NOT NULL,
  blocked          boolean     NOT NULL DEFAULT false,
  blocked_reason   text        NULL,
  PRIMARY KEY (tenant_id, aad_object_id)
);

CREATE TABLE assignments (
  tenant_id             text        NOT NULL,
  assignment_id         text        NOT NULL,
  plan_id               text        NOT NULL,
  ordinal               integer     NOT NULL,
  assignee_json         jsonb       NOT NULL,
  duty                  text        NOT NULL,
  deadlines_json        jsonb       NOT NULL,
  member_aad_object_id  text        NULL,
  status                text        NOT NULL,
  percent_complete      integer     NOT NULL,
  version               integer     NOT NULL,
  acknowledged_at       timestamptz NULL,
  completed_at          timestamptz NULL,
  last_comment          text        NULL,
  card_activity_id      text        NULL,
  card_conversation_id  text        NULL,
  updated_at            timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, assignment_id)
);
CREATE INDEX ix_assignments_plan ON assignments (tenant_id, plan_id, ordinal);
CREATE INDEX ix_assignments_member ON assignments (tenant_id, member_aad_object_id);

CREATE TABLE reports (
  tenant_id      text        NOT NULL,
  report_id      text        NOT NULL,
  assignment_id  text        NOT NULL,
  period         text        NOT NULL,   -- the concrete due date of the occurrence, yyyy-MM-dd
  file_name      text        NOT NULL,
  file_uri       text        NULL,
  submitted_by   text        NOT NULL,
  submitted_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, report_id)
);
CREATE INDEX ix_reports_assignment ON reports (tenant_id, assignment_id);

-- id is global (claims run across tenants).
CREATE TABLE work_items (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id        text        NOT NULL,
  queue            text        NOT NULL,
  kind             text        NOT NULL,
  idempotency_key  text        NOT NULL,
  payload_json     text        NOT NULL,
  state            text        NOT NULL,
  attempts         integer     NOT NULL DEFAULT 0,
  not_before       timestamptz NOT NULL,
  lease_owner      text        NULL,
  lease_until      timestamptz NULL,
  last_error       text        NULL,
  result_json      text        NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CONSTRAINT ux_work_items_key UNIQUE (tenant_id, queue, idempotency_key),
  CONSTRAINT ck_work_items_state CHECK (state IN ('Queued', 'InFlight', 'Done', 'Failed', 'Blocked'))
);
CREATE INDEX ix_work_items_due ON work_items (queue, not_before, id) WHERE state IN ('Queued', 'InFlight');
CREATE INDEX ix_work_items_tenant ON work_items (tenant_id, queue, state);

CREATE TABLE sync_entries (
  tenant_id   text        NOT NULL,
  scope       text        NOT NULL,
  entry_key   text        NOT NULL,
  remote_id   text        NOT NULL,
  etag        text        NULL,
  data_json   text        NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, scope, entry_key)
);

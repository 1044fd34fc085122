-- Issue 12: assignments a corrected plan ("văn bản điều chỉnh") no longer has. They leave assignments (and
-- assignment_deadlines), so status, roll-up and "hạn sắp tới" stop counting them; their row is kept here, with when and
-- why, and their history stays in assignment_history.
CREATE TABLE IF NOT EXISTS withdrawn_assignments (
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
  withdrawn_at          timestamptz NOT NULL,
  reason                text        NOT NULL,
  PRIMARY KEY (tenant_id, assignment_id)
);
CREATE INDEX IF NOT EXISTS ix_withdrawn_assignments_plan ON withdrawn_assignments (tenant_id, plan_id, ordinal);

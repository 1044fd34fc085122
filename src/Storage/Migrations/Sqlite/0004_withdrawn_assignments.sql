-- Issue 12: assignments a corrected plan ("văn bản điều chỉnh") no longer has. They leave assignments (and
-- assignment_deadlines), so status, roll-up and "hạn sắp tới" stop counting them; their row is kept here, with when and
-- why, and their history stays in assignment_history.
CREATE TABLE withdrawn_assignments (
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
  withdrawn_at          INTEGER NOT NULL,
  reason                TEXT    NOT NULL,
  PRIMARY KEY (tenant_id, assignment_id)
) WITHOUT ROWID;
CREATE INDEX ix_withdrawn_assignments_plan ON withdrawn_assignments (tenant_id, plan_id, ordinal);

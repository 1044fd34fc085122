-- Issue 15: every change of an assignment, appended (never updated): who, when, from where (Card, Chat, Planner, Cli), what.
CREATE TABLE assignment_history (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id      TEXT    NOT NULL,
  plan_id        TEXT    NOT NULL,
  assignment_id  TEXT    NOT NULL,
  event          TEXT    NOT NULL,
  actor          TEXT    NOT NULL,
  actor_name     TEXT    NULL,
  source         TEXT    NOT NULL,
  at             INTEGER NOT NULL,
  detail         TEXT    NULL
);
CREATE INDEX ix_assignment_history_assignment ON assignment_history (tenant_id, assignment_id, id);
CREATE INDEX ix_assignment_history_plan ON assignment_history (tenant_id, plan_id, id);

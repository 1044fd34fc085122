-- Issue 15: every change of an assignment, appended (never updated): who, when, from where (Card, Chat, Planner, Cli), what.
CREATE TABLE IF NOT EXISTS assignment_history (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id      text        NOT NULL,
  plan_id        text        NOT NULL,
  assignment_id  text        NOT NULL,
  event          text        NOT NULL,
  actor          text        NOT NULL,
  actor_name     text        NULL,
  source         text        NOT NULL,
  at             timestamptz NOT NULL,
  detail         text        NULL
);
CREATE INDEX IF NOT EXISTS ix_assignment_history_assignment ON assignment_history (tenant_id, assignment_id, id);
CREATE INDEX IF NOT EXISTS ix_assignment_history_plan ON assignment_history (tenant_id, plan_id, id);

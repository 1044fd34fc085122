-- "hạn sắp tới" without reading plan documents or deadline JSON (IDeadlineReadModel, docs/performance.md): one row per
-- deadline of an assignment, with what the next occurrence is computed from. Months are year * 12 + month - 1; a yearly
-- date (dd/MM hằng năm) keeps its month of the year and takes the plan's year when read. Kept by the assignment and plan
-- writes; the rows of assignments stored before this migration are written at start-up from assignment_deadlines_pending.
CREATE TABLE assignment_deadlines (
  tenant_id             text    NOT NULL,
  assignment_id         text    NOT NULL,
  idx                   integer NOT NULL,   -- position in the assignment's deadlines
  plan_id               text    NOT NULL,
  ordinal               integer NOT NULL,
  member_aad_object_id  text    NULL,
  is_open               integer NOT NULL,   -- 1 while the assignment is not Done
  published             integer NOT NULL,   -- 1 while the plan is Published
  plan_year             integer NULL,
  yearly                integer NOT NULL,   -- 1: anchor_month is the month of the year (0-11)
  anchor_month          integer NOT NULL,   -- the month of the deadline's last day
  dom                   integer NOT NULL,   -- day of the month (clamped to the month's length); 31 = the month's last day
  step                  integer NULL,       -- months between occurrences; NULL = once
  anchor_key            integer NULL,       -- once: the last day as month * 32 + day (sortable); NULL when it recurs
  horizon               integer NOT NULL,   -- the assignment's latest anchor_key, 2147483647 when one of its deadlines recurs
  PRIMARY KEY (tenant_id, assignment_id, idx)
);
CREATE INDEX ix_assignment_deadlines_plan ON assignment_deadlines (tenant_id, plan_id);
-- The one-off deadlines in the order the card lists them: the first rows from today on are read, not all of them.
CREATE INDEX ix_assignment_deadlines_once ON assignment_deadlines (tenant_id, published, is_open, anchor_key, plan_id COLLATE "C", ordinal, assignment_id COLLATE "C") WHERE step IS NULL;
-- The recurring ones, whose next occurrence is computed when read (step in the index: SQLite without statistics then prefers it to the primary key).
CREATE INDEX ix_assignment_deadlines_recurring ON assignment_deadlines (tenant_id, published, is_open, step) WHERE step IS NOT NULL;
-- One row per assignment (idx 0) with how long it has a deadline ahead: the count from the index alone.
CREATE INDEX ix_assignment_deadlines_horizon ON assignment_deadlines (tenant_id, published, is_open, horizon) WHERE idx = 0;
-- A member's own, covering every column read (SQLite without statistics otherwise takes the primary key or a partial index).
CREATE INDEX ix_assignment_deadlines_member ON assignment_deadlines (tenant_id, member_aad_object_id, published, is_open, step, anchor_key, horizon, plan_id, ordinal, plan_year, yearly, anchor_month, dom);

CREATE TABLE assignment_deadlines_pending (
  tenant_id      text NOT NULL,
  assignment_id  text NOT NULL,
  PRIMARY KEY (tenant_id, assignment_id)
);
INSERT INTO assignment_deadlines_pending (tenant_id, assignment_id) SELECT tenant_id, assignment_id FROM assignments;

-- The unit roll-up's review read (SqlReportReviews): only the review events of a plan's history (report handed in,
-- accepted, returned), in their order, from the index alone, instead of every event of the plan (delivered,
-- acknowledged, progress, comments: several per assignment).
CREATE INDEX ix_assignment_history_plan_event ON assignment_history (tenant_id, plan_id, event, id, assignment_id, at);

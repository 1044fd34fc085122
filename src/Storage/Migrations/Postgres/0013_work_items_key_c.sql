-- Queue reads by key prefix (IQueueTallyStore: the status card's delivery tally, resend, a plan's deliveries) compare
-- idempotency_key in the "C" collation, so that a prefix is a range in code-point order whatever the database's
-- collation. The unique key of 0001 is in the database collation (C.UTF-8 / en_US.UTF-8 here) and cannot serve such a
-- range: each tally read every item of the tenant's queue. This index is the same key in "C".
CREATE INDEX ix_work_items_key_c ON work_items (tenant_id, queue, idempotency_key COLLATE "C");

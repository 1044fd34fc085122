-- Bot instances of the deployment (heartbeats; deployment-level, not tenant data) and throttling pauses per tenant shared
-- between them, so several instances split Teams' per-tenant rate and all slow down on a 429.
CREATE TABLE instances (
  instance_id   TEXT    NOT NULL PRIMARY KEY,
  started_at    INTEGER NOT NULL,
  heartbeat_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE tenant_pauses (
  tenant_id     TEXT    NOT NULL PRIMARY KEY,
  paused_until  INTEGER NOT NULL
) WITHOUT ROWID;

-- Issue 12: small facts the bot keeps about itself and its members, one row per (tenant, key): that the welcome card of
-- an install was sent ("welcome:<user>", removed on uninstall), the last time the bot was alive ("heartbeat", tenant ''),
-- a window the bot was down and who has been told about it. Inserted once (INSERT … ON CONFLICT DO NOTHING) when a fact
-- must hold only once, overwritten when it is a latest value.
CREATE TABLE IF NOT EXISTS bot_marks (
  tenant_id   text        NOT NULL,
  mark_key    text        COLLATE "C" NOT NULL,
  value       text        NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, mark_key)
);

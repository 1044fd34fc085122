-- The card language a member chose in chat ("tiếng việt" / "english"): 'vi', 'en' or NULL (follow the Teams client's locale).
ALTER TABLE members ADD COLUMN IF NOT EXISTS language text NULL;

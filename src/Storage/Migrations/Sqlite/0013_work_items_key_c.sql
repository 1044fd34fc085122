-- PostgreSQL's 0013 adds the queue key index in the "C" collation. SQLite compares text in BINARY (code-point) order
-- already, so the unique key of 0001 serves key-prefix ranges; this version only keeps the two providers' numbering equal.
SELECT 1;

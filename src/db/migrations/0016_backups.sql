-- Backups (issue #12): one row per run of `cong backup` or of the schedule of `cong serve`, with
-- where it went, its size and duration, and the result of the restore drill that follows it.
-- A run killed midway keeps its row with finished_at NULL (shown as interrupted).
CREATE TABLE backups (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,                -- the backup's id, in its file names: cong-<name>.cbk
	trigger TEXT NOT NULL,             -- 'cli' or 'schedule'
	started_at INTEGER NOT NULL,
	finished_at INTEGER,
	ok INTEGER NOT NULL DEFAULT 0,     -- 1: written to every destination
	error TEXT,
	destinations TEXT NOT NULL DEFAULT '[]', -- JSON [{dest, ok, size, error}]
	size INTEGER NOT NULL DEFAULT 0,   -- bytes of the archive (the first destination's)
	files INTEGER NOT NULL DEFAULT 0,  -- files in the manifest
	new_files INTEGER NOT NULL DEFAULT 0, -- files stored in this archive (the rest in earlier ones)
	duration_ms INTEGER,
	drill_ok INTEGER,                  -- NULL: no drill ran
	drill_ms INTEGER,
	drill_detail TEXT,
	audit_count INTEGER,
	audit_hash TEXT
);
CREATE INDEX backups_started ON backups (started_at);

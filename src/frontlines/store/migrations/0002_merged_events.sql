-- 0002: merged events (one per happening, frontlines.merge) and the coded events
-- behind each.
--
-- merged_events holds the canonical event of each happening in the same columns as
-- `events` (event_id is the merged id, article_id the primary report's article), so
-- the same filters and exports apply, plus member_count and the conflicts between
-- reports as JSON text: [{field, value, event_ids, sources}, ...] (merge.Conflict).
--
-- merged_members has one row per coded event of a merged event: a full snapshot of
-- that event as it was merged, not a reference into `events`. Comparing snapshots
-- with `events` is how a re-merge finds new, re-coded and deleted reports
-- (store/remerge.py), and the snapshots are what a stored merged event is merged
-- into later without re-reading articles. Sources and evidence of a merged event are
-- its members' (merge.SourceRef), so they are not stored twice.
--
-- Types as in 0001 (valid on SQLite and PostgreSQL); no BEGIN/COMMIT here.

CREATE TABLE merged_events (
    event_id       TEXT PRIMARY KEY,              -- the merged id (merge.merged_id)
    article_id     TEXT NOT NULL,                 -- the primary report's article
    event_date     DATE,
    time_precision INTEGER NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT NOT NULL,
    assoc_actor_1  TEXT,
    inter1         INTEGER,
    actor2         TEXT,
    assoc_actor_2  TEXT,
    inter2         INTEGER,
    country        TEXT,
    admin1         TEXT,
    admin2         TEXT,
    admin3         TEXT,
    location       TEXT,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    geo_precision  INTEGER,
    source         TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    fatalities     INTEGER NOT NULL DEFAULT 0,
    hedged         BOOLEAN NOT NULL DEFAULT FALSE,
    attributed_to  TEXT,
    losses         TEXT NOT NULL DEFAULT '[]',
    confidence     DOUBLE PRECISION NOT NULL,
    evidence       TEXT NOT NULL DEFAULT '[]',
    member_count   INTEGER NOT NULL,
    conflicts      TEXT NOT NULL DEFAULT '[]'     -- JSON list of merge.Conflict
);

CREATE TABLE merged_members (
    merged_id      TEXT NOT NULL REFERENCES merged_events (event_id) ON DELETE CASCADE,
    event_id       TEXT PRIMARY KEY,              -- a coded event is in one merged event
    article_id     TEXT NOT NULL,
    event_date     DATE,
    time_precision INTEGER NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT NOT NULL,
    assoc_actor_1  TEXT,
    inter1         INTEGER,
    actor2         TEXT,
    assoc_actor_2  TEXT,
    inter2         INTEGER,
    country        TEXT,
    admin1         TEXT,
    admin2         TEXT,
    admin3         TEXT,
    location       TEXT,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    geo_precision  INTEGER,
    source         TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    fatalities     INTEGER NOT NULL DEFAULT 0,
    hedged         BOOLEAN NOT NULL DEFAULT FALSE,
    attributed_to  TEXT,
    losses         TEXT NOT NULL DEFAULT '[]',
    confidence     DOUBLE PRECISION NOT NULL,
    evidence       TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX merged_members_merged_idx ON merged_members (merged_id);
CREATE INDEX merged_members_article_idx ON merged_members (article_id);
CREATE INDEX merged_events_date_idx ON merged_events (event_date);
CREATE INDEX merged_events_actor1_idx ON merged_events (actor1);
CREATE INDEX merged_events_actor2_idx ON merged_events (actor2);
CREATE INDEX merged_events_country_idx ON merged_events (LOWER(country));
CREATE INDEX merged_events_admin1_idx ON merged_events (LOWER(admin1));
CREATE INDEX merged_events_type_idx ON merged_events (LOWER(event_type));
CREATE INDEX merged_events_sub_type_idx ON merged_events (LOWER(sub_event_type));

-- 0001: articles and the events coded from them.
--
-- Written for both SQLite and PostgreSQL: TEXT, INTEGER, DOUBLE PRECISION, BOOLEAN,
-- DATE and TIMESTAMP WITH TIME ZONE mean the same thing to both (SQLite maps them to
-- its storage classes by affinity; dates are ISO-8601 text there, which sorts and
-- compares correctly). List values are JSON text so no backend-specific array type is
-- needed. The migration runner wraps this file in a transaction: no BEGIN/COMMIT here.

CREATE TABLE articles (
    id              TEXT PRIMARY KEY,
    title           TEXT,
    author          TEXT,
    publisher       TEXT,
    original_source TEXT,
    published       DATE,
    url             TEXT,
    path            TEXT,
    tags            TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    input_format    TEXT NOT NULL DEFAULT 'text',
    text            TEXT NOT NULL,
    ingested_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE events (
    event_id       TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,              -- position among the article's events
    event_date     DATE,
    time_precision INTEGER NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT NOT NULL,
    assoc_actor_1  TEXT,                          -- '; '-joined, as ACLED writes it
    inter1         INTEGER,
    actor2         TEXT,
    assoc_actor_2  TEXT,                          -- '; '-joined, as ACLED writes it
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
    losses         TEXT NOT NULL DEFAULT '[]',    -- JSON list of strings
    confidence     DOUBLE PRECISION NOT NULL,
    evidence       TEXT NOT NULL DEFAULT '[]'     -- JSON list of {start, end, text}
);

CREATE INDEX events_article_idx ON events (article_id, seq);
CREATE INDEX events_date_idx ON events (event_date);
CREATE INDEX events_actor1_idx ON events (actor1);
CREATE INDEX events_actor2_idx ON events (actor2);
-- Filters on these compare case-insensitively through LOWER(), so the indexes are on
-- the same expression (both engines use an expression index for LOWER(col) = LOWER(?)).
CREATE INDEX events_country_idx ON events (LOWER(country));
CREATE INDEX events_admin1_idx ON events (LOWER(admin1));
CREATE INDEX events_type_idx ON events (LOWER(event_type));
CREATE INDEX events_sub_type_idx ON events (LOWER(sub_event_type));

"""The store's tables, and the migrations that build them, one numbered step at a time.

A store written by an older wirecoder is brought up to date when it is opened for writing; a
store written by a newer one is refused (E402) rather than half-understood. To change the
schema, append a `Migration` (never edit a released one).

Tables (see README, "Event store"):

- `articles`: one row per distinct article text; `id` is the content hash of the text.
- `events`: every `Event` field; actors, attribution, location, hedge and mentions as JSON,
  plus flat columns (`source_country`, `target_country`, `speaker_name`, `lat`, ...) for SQL.
  An `Event` field this schema has no column for yet is kept in `extra`, so nothing is lost
  between a coder release and the migration that gives it a column.
- `actors`: one row per actor mention in an event (role source / target / speaker).
- `rejects`: inputs that could not be coded: origin, error code, message, time.
- `runs`: one row per ingest or recode; `finished_at` stays NULL for a run that was killed.
- `clusters` (3): one row per real-world event: reports of it from different articles joined
  (`wirecoder.clusters`); `cluster_members`: one row per event, its cluster and the reason
  it joined (fields matched, similarity), plus the blocking keys that find it again.
- `schema_version`: the migrations applied.
- `quotes`, `framing`, `claims` (2): who says what in each article (`wirecoder.voices`): every
  attribution with its speaker, the outlet's framing words, and claims sources disagree on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, events, actors, rejects, runs",
        (
            """
            CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,      -- content hash of text (Article.content_hash)
                ext_id VARCHAR,              -- the id the input gave, when it differs
                text VARCHAR NOT NULL,
                date DATE,                   -- publication date
                title VARCHAR,
                source VARCHAR,              -- publisher
                url VARCHAR,
                origin VARCHAR,              -- file:line it was read from
                ingested_at TIMESTAMP NOT NULL,   -- UTC
                coder_version VARCHAR,       -- the coder that produced its current events
                coded_at TIMESTAMP,          -- UTC
                n_events INTEGER,
                warnings JSON
            )
            """,
            """
            CREATE TABLE events (
                event_id VARCHAR NOT NULL,
                article_id VARCHAR NOT NULL,
                event_index INTEGER NOT NULL,   -- position among the article's events
                sentence_index INTEGER,
                sentence_start INTEGER,
                sentence VARCHAR,
                event_type VARCHAR NOT NULL,
                plover_type VARCHAR,            -- the PLOVER reading ("will meet" -> AGREE)
                mode VARCHAR,
                contexts VARCHAR[],
                cameo VARCHAR,
                quad TINYINT,
                status VARCHAR,
                reciprocal BOOLEAN,
                historical BOOLEAN,
                referential BOOLEAN,
                confidence DOUBLE,
                source_name VARCHAR,
                source_country VARCHAR,
                source_sector VARCHAR,
                target_name VARCHAR,
                target_country VARCHAR,
                target_sector VARCHAR,
                source JSON,
                target JSON,
                source_span JSON,
                target_span JSON,
                trigger_text VARCHAR,
                trigger_start INTEGER,
                trigger_end INTEGER,
                hedge JSON,
                speaker_name VARCHAR,
                speaker_country VARCHAR,
                via VARCHAR[],
                attribution JSON,
                date DATE,
                date_text VARCHAR,
                date_precision VARCHAR,
                location_name VARCHAR,
                location_country VARCHAR,
                lat DOUBLE,
                lon DOUBLE,
                location JSON,
                mentions JSON,
                coder_version VARCHAR,
                extra JSON                      -- Event fields newer than this schema
            )
            """,
            """
            CREATE TABLE actors (
                article_id VARCHAR NOT NULL,
                event_id VARCHAR NOT NULL,
                event_index INTEGER NOT NULL,
                role VARCHAR NOT NULL,          -- source | target | speaker
                position SMALLINT NOT NULL,     -- order within its role
                text VARCHAR,
                start INTEGER,
                "end" INTEGER,
                name VARCHAR,
                country VARCHAR,
                sector VARCHAR,
                wikidata VARCHAR,
                rule VARCHAR
            )
            """,
            """
            CREATE TABLE rejects (
                origin VARCHAR NOT NULL,
                code VARCHAR NOT NULL,
                message VARCHAR,
                time TIMESTAMP NOT NULL,        -- UTC
                run_id VARCHAR
            )
            """,
            """
            CREATE TABLE runs (
                run_id VARCHAR PRIMARY KEY,
                command VARCHAR,
                engine VARCHAR,
                coder_version VARCHAR,
                started_at TIMESTAMP,
                finished_at TIMESTAMP,
                coded INTEGER,
                events INTEGER,
                duplicates INTEGER,
                rejected INTEGER
            )
            """,
        ),
    ),
    Migration(
        2,
        "quotes, framing, claims (who says what)",
        (
            """
            CREATE TABLE quotes (
                article_id VARCHAR NOT NULL,
                quote_id VARCHAR NOT NULL,
                quote_index INTEGER NOT NULL,   -- position among the article's quotes
                speaker_text VARCHAR,
                speaker_name VARCHAR,
                speaker_country VARCHAR,
                speaker_sector VARCHAR,
                speaker_kind VARCHAR,           -- named | anonymous | institution | unresolved
                anonymous BOOLEAN,
                cue_text VARCHAR,
                cue_start INTEGER,
                cue_end INTEGER,
                content_text VARCHAR,
                content_start INTEGER,
                content_end INTEGER,
                kind VARCHAR,                   -- direct | indirect | mixed
                via VARCHAR[],                  -- outermost intermediary first
                event_ids VARCHAR[],
                record JSON                     -- the whole Quote.to_dict()
            )
            """,
            """
            CREATE TABLE framing (
                article_id VARCHAR NOT NULL,
                framing_index INTEGER NOT NULL,
                text VARCHAR,
                start INTEGER,
                "end" INTEGER,
                category VARCHAR,               -- label | doubt | load
                target_text VARCHAR,
                target_name VARCHAR,
                target_country VARCHAR,
                target_sector VARCHAR
            )
            """,
            """
            CREATE TABLE claims (
                article_id VARCHAR NOT NULL,
                claim_id VARCHAR NOT NULL,
                topic VARCHAR,
                event_ids VARCHAR[],
                stances JSON                    -- [{speaker, status, quote, quote_text}]
            )
            """,
        ),
    ),
    Migration(
        3,
        "clusters, cluster_members (events across articles, issue 16)",
        (
            """
            CREATE TABLE clusters (
                cluster_id VARCHAR NOT NULL,    -- hash of the earliest member's event id
                event_type VARCHAR,
                status VARCHAR,
                date_first DATE,
                date_last DATE,
                source_countries VARCHAR[],
                target_countries VARCHAR[],
                place VARCHAR,
                place_country VARCHAR,
                n_events INTEGER,
                n_articles INTEGER,
                n_sources INTEGER,              -- independent: wire copies, one outlet count once
                outlets VARCHAR[],
                updated_at TIMESTAMP            -- UTC
            )
            """,
            """
            CREATE TABLE cluster_members (
                cluster_id VARCHAR NOT NULL,
                event_id VARCHAR NOT NULL,
                article_id VARCHAR NOT NULL,
                family VARCHAR,                 -- blocking: type family, week, countries
                week INTEGER,
                day INTEGER,                    -- event date as a day number (ordinal)
                keys VARCHAR[],
                outlet VARCHAR,
                fingerprint UBIGINT,            -- SimHash of the article text
                reason JSON,                    -- best link: with, fields, similarity, score
                score DOUBLE
            )
            """,
        ),
    ),
)

SCHEMA_VERSION: int = MIGRATIONS[-1].version

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description VARCHAR,
    applied_at TIMESTAMP
)
"""

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "VERSION_TABLE", "Migration"]

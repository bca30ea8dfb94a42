"""The team server's schema: versioned migrations, roles, teams, row-level security.

Run by whoever owns the database (a DBA, `make team-server`), never by an analyst: the tables
belong to the owner, so row-level security applies to every analyst's role. Like the local
database (reader.core.user_db), MIGRATIONS is append-only and the version is the number of
migrations applied; a server with a newer schema is refused rather than changed.

Every row carries a `revision` from one sequence, set on insert and on every update: a laptop
pulls what changed since the highest revision it has seen. Writers take the team's advisory
lock (WRITE_LOCK) before their first write and readers its shared form, so no revision a
reader has passed can commit later (sequence values are handed out before commit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.core.translation import _

if TYPE_CHECKING:
    import psycopg

ANALYST = "statement_reader_analyst"  # the group role every analyst's own role belongs to
# pg_advisory_xact_lock(LOCK_SPACE, hashtext(team)): the first key keeps ours apart from
# other applications' advisory locks on the same server.
LOCK_SPACE = 1_852_142_707

# Of a broad query's matches, how many search_passages() ranks (migration 3).
CANDIDATES = 2000

_TEAM_MEMBER = "team IN (SELECT team FROM members WHERE role = current_user)"

MIGRATIONS: tuple[str, ...] = (
    # 1: teams, their members, and the three things a team shares.
    f"""
    DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ANALYST}') THEN
            CREATE ROLE {ANALYST} NOLOGIN;
        END IF;
    END $$;
    CREATE SEQUENCE revisions;
    CREATE TABLE teams (name text PRIMARY KEY CHECK (name <> ''));
    CREATE TABLE members (
        team text NOT NULL REFERENCES teams ON DELETE CASCADE,
        role name NOT NULL,
        PRIMARY KEY (team, role)
    );
    -- Documents are known by their content: two laptops importing the same file under
    -- different ids share one row, the first one pushed.
    CREATE TABLE documents (
        team text NOT NULL REFERENCES teams ON DELETE CASCADE,
        content_hash text NOT NULL,
        id text NOT NULL,
        title text NOT NULL,
        file_name text NOT NULL,
        file_format text NOT NULL,
        suffix text NOT NULL,
        imported_at text NOT NULL,
        statement text NOT NULL,
        original bytea NOT NULL,
        creator name NOT NULL DEFAULT current_user,
        revision bigint NOT NULL DEFAULT nextval('revisions'),
        PRIMARY KEY (team, content_hash)
    );
    -- A note as the laptop keeps it (reader.core.notes.note.Note), with who wrote it and
    -- whether the team may read it; `modified_at` is `modified` as a time, for comparing.
    CREATE TABLE notes (
        id text PRIMARY KEY,
        team text NOT NULL REFERENCES teams ON DELETE CASCADE,
        creator name NOT NULL DEFAULT current_user,
        shared boolean NOT NULL DEFAULT false,
        doc_id text NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        quote text NOT NULL,
        prefix text NOT NULL,
        suffix text NOT NULL,
        color text NOT NULL,
        text text NOT NULL,
        tags text NOT NULL,
        created text NOT NULL,
        modified text NOT NULL,
        modified_at timestamptz NOT NULL,
        deleted boolean NOT NULL,
        revision bigint NOT NULL DEFAULT nextval('revisions')
    );
    -- The team's choices about recommendations; a choice cleared is kept with choice ''
    -- so that the clearing reaches the other laptops.
    CREATE TABLE choices (
        team text NOT NULL REFERENCES teams ON DELETE CASCADE,
        doc_id text NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        sentence text NOT NULL,
        choice text NOT NULL,
        topics text NOT NULL,
        changed text NOT NULL,
        changed_at timestamptz NOT NULL,
        creator name NOT NULL DEFAULT current_user,
        revision bigint NOT NULL DEFAULT nextval('revisions'),
        PRIMARY KEY (team, doc_id, start, "end", sentence)
    );
    CREATE INDEX documents_by_revision ON documents (team, revision);
    CREATE INDEX notes_by_revision ON notes (team, revision);
    CREATE INDEX choices_by_revision ON choices (team, revision);

    -- An update gets a new revision; a row keeps its creator and team whoever changes it.
    CREATE FUNCTION revised() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        NEW.revision := nextval('revisions');
        NEW.creator := OLD.creator;
        NEW.team := OLD.team;
        RETURN NEW;
    END $f$;
    CREATE TRIGGER documents_revised BEFORE UPDATE ON documents
        FOR EACH ROW EXECUTE FUNCTION revised();
    CREATE TRIGGER notes_revised BEFORE UPDATE ON notes
        FOR EACH ROW EXECUTE FUNCTION revised();
    CREATE TRIGGER choices_revised BEFORE UPDATE ON choices
        FOR EACH ROW EXECUTE FUNCTION revised();

    -- Row-level security: a role sees the teams it belongs to, and of their notes the
    -- shared ones and its own; it writes only as itself, only into its teams.
    ALTER TABLE members ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_memberships ON members FOR SELECT USING (role = current_user);
    ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_teams ON teams FOR SELECT
        USING (name IN (SELECT team FROM members WHERE role = current_user));
    ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
    CREATE POLICY team_documents ON documents
        USING ({_TEAM_MEMBER}) WITH CHECK ({_TEAM_MEMBER});
    ALTER TABLE choices ENABLE ROW LEVEL SECURITY;
    CREATE POLICY team_choices ON choices
        USING ({_TEAM_MEMBER}) WITH CHECK ({_TEAM_MEMBER});
    ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
    CREATE POLICY read_notes ON notes FOR SELECT
        USING ({_TEAM_MEMBER} AND (shared OR creator = current_user));
    CREATE POLICY add_notes ON notes FOR INSERT
        WITH CHECK ({_TEAM_MEMBER} AND creator = current_user);
    CREATE POLICY change_notes ON notes FOR UPDATE
        USING ({_TEAM_MEMBER} AND (shared OR creator = current_user))
        WITH CHECK ({_TEAM_MEMBER} AND (shared OR creator = current_user));

    GRANT SELECT ON teams, members TO {ANALYST};
    GRANT SELECT, INSERT, UPDATE ON documents, notes, choices TO {ANALYST};
    GRANT USAGE ON SEQUENCE revisions TO {ANALYST};
    """,
    # 2: the team's archive searched on the server: the passages of its documents (as the
    # local index cuts them, reader.core.search.passages), English-stemmed for words and
    # phrases and `simple` (unstemmed) for prefixes, which the English configuration stems
    # or drops ("over:*" finds nothing). Row-level security would make every match a scan
    # of the team's rows (the match operator is not leakproof, so the GIN index goes
    # unused): analysts have no access to the table, only to search_passages(), which
    # applies the team filter itself.
    f"""
    CREATE TABLE passages (
        team text NOT NULL,
        content_hash text NOT NULL,
        doc_id text NOT NULL,
        doc_title text NOT NULL,
        section text NOT NULL,
        block integer NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        text text NOT NULL,
        english tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        PRIMARY KEY (team, content_hash, block),
        FOREIGN KEY (team, content_hash) REFERENCES documents ON DELETE CASCADE
    );
    CREATE INDEX passages_english ON passages USING gin (english);
    -- Prefixes are rarer than words: their vector is the index's alone, not stored, which
    -- halves the cost of loading (a match recomputes it for the rows the index found).
    CREATE INDEX passages_simple ON passages USING gin (to_tsvector('simple', text));
    ALTER TABLE passages ENABLE ROW LEVEL SECURITY;
    CREATE POLICY team_passages ON passages
        USING ({_TEAM_MEMBER}) WITH CHECK ({_TEAM_MEMBER});
    GRANT INSERT ON passages TO {ANALYST};

    -- `words`: websearch_to_tsquery syntax; `prefixes`: a to_tsquery('simple') expression
    -- of prefix terms (pre:* & fix:*), or ''. `p_team`: one team, or NULL for every team of
    -- the caller's, checked against its memberships (session_user: inside the function
    -- current_user is its owner). PL/pgSQL's EXECUTE plans the query with the queries'
    -- values in hand: a plan made for any tsquery scanned every passage of the team.
    CREATE FUNCTION search_passages(p_team text, words text, prefixes text, wanted integer)
    RETURNS TABLE (doc_id text, doc_title text, section text, start integer, "end" integer,
                   score real, headline text, total bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        teams text[];
        e tsquery;
        s tsquery;
        matching text;
    BEGIN
        SELECT array_agg(m.team) INTO teams FROM members m
        WHERE m.role = session_user AND (p_team IS NULL OR m.team = p_team);
        IF words <> '' THEN
            e := websearch_to_tsquery('english', words);
            IF numnode(e) = 0 THEN e := NULL; END IF;  -- stop words only
        END IF;
        IF prefixes <> '' THEN
            s := to_tsquery('simple', prefixes);
        END IF;
        IF teams IS NULL OR (e IS NULL AND s IS NULL) THEN
            RETURN;
        END IF;
        matching := concat_ws(' AND ',
            CASE WHEN e IS NOT NULL THEN 'p.english @@ $2' END,
            CASE WHEN s IS NOT NULL THEN $$to_tsvector('simple', p.text) @@ $3$$ END);
        RETURN QUERY EXECUTE format($q$
            WITH matched AS (
                SELECT p.doc_id, p.doc_title, p.section, p.start, p."end", p.text,
                       coalesce(ts_rank_cd(p.english, $2), 0)::real AS score
                FROM passages p
                WHERE p.team = ANY ($1) AND %s
            ), ranked AS (
                SELECT m.*, count(*) OVER () AS total FROM matched m
                ORDER BY m.score DESC, m.doc_id, m.start LIMIT $4
            )
            SELECT r.doc_id, r.doc_title, r.section, r.start, r."end", r.score,
                   ts_headline('english', r.text, coalesce($2, $3),
                               'StartSel=<<, StopSel=>>, MaxWords=40, MinWords=15, MaxFragments=1'),
                   r.total
            FROM ranked r ORDER BY r.score DESC, r.doc_id, r.start
        $q$, matching) USING teams, e, s, wanted;
    END $f$;
    REVOKE ALL ON FUNCTION search_passages(text, text, text, integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION search_passages(text, text, text, integer) TO {ANALYST};
    """,
    # 3: a broad term matches tens of thousands of a team's passages, and ranking every one
    # (reading its row, ts_rank_cd at about 5 µs) cost 0.4-2 s: rank only the first
    # CANDIDATES matches the index hands out (never fewer than asked for), so `total` is at
    # most that many. JIT compiled such queries for 100+ ms before running them, and 4 MB
    # of work_mem made a prefix's bitmap lossy, rechecking whole pages by recomputing their
    # `simple` vectors.
    f"""
    CREATE OR REPLACE FUNCTION search_passages(
        p_team text, words text, prefixes text, wanted integer)
    RETURNS TABLE (doc_id text, doc_title text, section text, start integer, "end" integer,
                   score real, headline text, total bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp SET jit = off SET work_mem = '64MB' AS $f$
    DECLARE
        teams text[];
        e tsquery;
        s tsquery;
        matching text;
    BEGIN
        SELECT array_agg(m.team) INTO teams FROM members m
        WHERE m.role = session_user AND (p_team IS NULL OR m.team = p_team);
        IF words <> '' THEN
            e := websearch_to_tsquery('english', words);
            IF numnode(e) = 0 THEN e := NULL; END IF;  -- stop words only
        END IF;
        IF prefixes <> '' THEN
            s := to_tsquery('simple', prefixes);
        END IF;
        IF teams IS NULL OR (e IS NULL AND s IS NULL) THEN
            RETURN;
        END IF;
        matching := concat_ws(' AND ',
            CASE WHEN e IS NOT NULL THEN 'p.english @@ $2' END,
            CASE WHEN s IS NOT NULL THEN $$to_tsvector('simple', p.text) @@ $3$$ END);
        RETURN QUERY EXECUTE format($q$
            WITH candidates AS MATERIALIZED (
                SELECT p.doc_id, p.doc_title, p.section, p.start, p."end", p.text, p.english
                FROM passages p
                WHERE p.team = ANY ($1) AND %s
                LIMIT $5
            ), ranked AS (
                SELECT c.doc_id, c.doc_title, c.section, c.start, c."end", c.text,
                       coalesce(ts_rank_cd(c.english, $2), 0)::real AS score,
                       count(*) OVER () AS total
                FROM candidates c
                ORDER BY score DESC, c.doc_id, c.start LIMIT $4
            )
            SELECT r.doc_id, r.doc_title, r.section, r.start, r."end", r.score,
                   ts_headline('english', r.text, coalesce($2, $3),
                               'StartSel=<<, StopSel=>>, MaxWords=40, MinWords=15, MaxFragments=1'),
                   r.total
            FROM ranked r ORDER BY r.score DESC, r.doc_id, r.start
        $q$, matching) USING teams, e, s, wanted, greatest(wanted, {CANDIDATES});
    END $f$;
    """,
    # 4: the passages partitioned by team, each team's with GIN indexes of its own: a prefix
    # matches thousands of words, and one index over every team gathered their matches in
    # all teams before the team filter. A new team gets its partition from a trigger; rows
    # of a team without one (none, unless a partition is dropped) go to the default.
    f"""
    ALTER TABLE passages RENAME TO unpartitioned_passages;
    ALTER INDEX passages_english RENAME TO unpartitioned_passages_english;
    ALTER INDEX passages_simple RENAME TO unpartitioned_passages_simple;
    ALTER INDEX passages_pkey RENAME TO unpartitioned_passages_pkey;
    CREATE TABLE passages (
        team text NOT NULL,
        content_hash text NOT NULL,
        doc_id text NOT NULL,
        doc_title text NOT NULL,
        section text NOT NULL,
        block integer NOT NULL,
        start integer NOT NULL,
        "end" integer NOT NULL,
        text text NOT NULL,
        english tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        PRIMARY KEY (team, content_hash, block),
        FOREIGN KEY (team, content_hash) REFERENCES documents ON DELETE CASCADE
    ) PARTITION BY LIST (team);
    CREATE TABLE passages_default PARTITION OF passages DEFAULT;
    CREATE FUNCTION team_partition() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        EXECUTE format('CREATE TABLE %I PARTITION OF passages FOR VALUES IN (%L)',
                       'passages_' || md5(NEW.name), NEW.name);
        RETURN NEW;
    END $f$;
    CREATE TRIGGER teams_partition AFTER INSERT ON teams
        FOR EACH ROW EXECUTE FUNCTION team_partition();
    DO $$ DECLARE t text; BEGIN
        FOR t IN SELECT name FROM teams LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF passages FOR VALUES IN (%L)',
                           'passages_' || md5(t), t);
        END LOOP;
    END $$;
    INSERT INTO passages (team, content_hash, doc_id, doc_title, section, block, start,
                          "end", text)
        SELECT team, content_hash, doc_id, doc_title, section, block, start, "end", text
        FROM unpartitioned_passages;
    DROP TABLE unpartitioned_passages;
    CREATE INDEX passages_english ON passages USING gin (english);
    CREATE INDEX passages_simple ON passages USING gin (to_tsvector('simple', text));
    ALTER TABLE passages ENABLE ROW LEVEL SECURITY;
    CREATE POLICY team_passages ON passages
        USING ({_TEAM_MEMBER}) WITH CHECK ({_TEAM_MEMBER});
    GRANT INSERT ON passages TO {ANALYST};
    """,
    # 5: phrases through word pairs, and the query a tree built by the client with the local
    # index's aliases and hyphens (reader.core.team.query). A phrase of two common words
    # matched every passage holding both (GIN keeps no positions), each row then read and its
    # positions checked: 33,000 rows for 276 matches, 150-200 ms across 10^6 passages.
    # passage_terms() is a passage's English words and each two of them that follow one
    # another, stop words aside, as one lexeme ("error name"), as the local index's `pairs`
    # field holds them (reader.core.search.phrases): a phrase of two words is that one term,
    # exact, and a longer one its pairs, its positions then checked in the rows holding them.
    # It is derived from the stored vector and not stored itself (an index expression, as
    # the `simple` vector is): stored, it would add to each row of the COPY about what
    # to_tsvector costs there (57 µs a passage against 63 here). Its index answers words
    # too, so the English vector's goes. Pairs over 63 bytes or reaching position 16383 (a
    # vector piles every word beyond it there) are left out on both sides; a passage whose
    # terms would outgrow a tsvector's 1 MB keeps its words and the mark ' ' instead of
    # pairs, and a phrase also finds it through its words (passage_query()).
    f"""
    CREATE FUNCTION passage_terms(v tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $f$
        SELECT CASE WHEN coalesce(sum(octet_length(pair) + 1), 0) + pg_column_size(strip(v))
                         < 1000000
                    THEN strip(v) || coalesce(array_to_tsvector(array_agg(pair)), '')
                    ELSE strip(v) || array_to_tsvector('{{" "}}') END
        FROM (
            SELECT w || ' ' || lead(w) OVER o AS pair, lead(p) OVER o AS next
            FROM (SELECT lexeme AS w, unnest(positions) AS p FROM unnest(v)) x
            WINDOW o AS (ORDER BY p)
        ) y
        WHERE next < 16383 AND octet_length(pair) < 64
    $f$;
    DROP INDEX passages_english;
    CREATE INDEX passages_terms ON passages USING gin (passage_terms(english));

    -- The pairs of passage_terms(v), all required (NULL for none): a phrase's.
    CREATE FUNCTION pairs_of(v tsvector) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$
        SELECT string_agg(
            '''' || replace(replace(l, chr(92), chr(92) || chr(92)), '''', '''''') || '''',
            ' & ')::tsquery
        FROM unnest(tsvector_to_array(passage_terms(v))) l
        WHERE l LIKE '_% _%'
    $f$;

    -- A query tree as JSON: ["word", text], ["phrase", text], ["not", node], ["and", node...],
    -- ["or", node...], its words read by the English configuration here, as the passages'
    -- are. `terms` is what a match holds in passage_terms() (NULL: nothing known), and
    -- `exact` whether that is the whole query; when not, `english` (also the query ranked)
    -- is checked in each candidate: phrases with their positions. A phrase of two words is
    -- its pair, whatever stop words stand between them in a passage, as in the local index;
    -- a longer one, or with stop words typed, its pairs and then its positions.
    CREATE FUNCTION passage_query(
        node jsonb, OUT english tsquery, OUT terms tsquery, OUT exact boolean)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $f$
    DECLARE
        kind text := node->>0;
        v tsvector;
        at integer[];
        part record;
        seen boolean := false;
    BEGIN
        exact := true;
        IF kind = 'word' THEN
            english := plainto_tsquery('english', node->>1);
            terms := english;
        ELSIF kind = 'phrase' THEN
            v := to_tsvector('english', node->>1);
            at := ARRAY(SELECT unnest(positions) AS p FROM unnest(v) ORDER BY p);
            english := plainto_tsquery('english', node->>1);
            -- A passage too large for its pairs is found by the phrase's words (' ').
            terms := pairs_of(v) || ($$' '$$::tsquery && english);
            IF cardinality(at) < 2 THEN
                terms := english;
            ELSIF terms IS NULL OR cardinality(at) > 2 OR at[2] <> at[1] + 1 THEN
                english := phraseto_tsquery('english', node->>1);
                terms := coalesce(terms, plainto_tsquery('english', node->>1));
                exact := false;
            END IF;
        ELSIF kind = 'not' THEN
            SELECT * INTO part FROM passage_query(node->1);
            english := !! part.english;
            exact := part.exact;
            terms := CASE WHEN part.exact THEN !! part.terms END;
        ELSIF kind IN ('and', 'or') THEN
            FOR part IN
                SELECT q.* FROM jsonb_array_elements(node) WITH ORDINALITY AS c(child, n),
                    LATERAL passage_query(c.child) q
                WHERE c.n > 1 ORDER BY c.n
            LOOP
                CONTINUE WHEN part.english IS NULL OR numnode(part.english) = 0;  -- stop words
                IF NOT seen THEN
                    english := part.english;
                    terms := part.terms;
                    seen := true;
                ELSIF kind = 'and' THEN
                    english := english && part.english;
                    terms := coalesce(terms && part.terms, terms, part.terms);
                ELSE  -- an alternative of which nothing is known leaves nothing known
                    english := english || part.english;
                    terms := terms || part.terms;
                END IF;
                exact := exact AND part.exact;
            END LOOP;
        ELSE
            RAISE EXCEPTION 'not a query node: %', node;
        END IF;
    END $f$;

    -- As in migration 3, the query a tree (passage_query) instead of websearch syntax, its
    -- candidates found through passage_terms(). `IS TRUE` keeps the check of the phrases'
    -- positions out of the bitmap, where it would merge their words' long lists and mark
    -- every row for a recheck, which recomputes the terms.
    DROP FUNCTION search_passages(text, text, text, integer);
    CREATE FUNCTION search_passages(p_team text, query jsonb, prefixes text, wanted integer)
    RETURNS TABLE (doc_id text, doc_title text, section text, start integer, "end" integer,
                   score real, headline text, total bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp SET jit = off SET work_mem = '64MB' AS $f$
    DECLARE
        teams text[];
        q record;
        e tsquery;
        t tsquery;
        exact boolean;
        s tsquery;
        matching text;
    BEGIN
        SELECT array_agg(m.team) INTO teams FROM members m
        WHERE m.role = session_user AND (p_team IS NULL OR m.team = p_team);
        IF query IS NOT NULL THEN
            q := passage_query(query);
            e := q.english;
            IF numnode(e) = 0 THEN e := NULL; END IF;  -- stop words only
            t := q.terms;
            exact := q.exact;
        END IF;
        IF prefixes <> '' THEN
            s := to_tsquery('simple', prefixes);
        END IF;
        IF teams IS NULL OR (e IS NULL AND s IS NULL) THEN
            RETURN;
        END IF;
        matching := concat_ws(' AND ',
            CASE WHEN e IS NOT NULL AND t IS NOT NULL THEN 'passage_terms(p.english) @@ $6' END,
            CASE WHEN e IS NOT NULL AND t IS NULL THEN 'p.english @@ $2' END,
            CASE WHEN e IS NOT NULL AND t IS NOT NULL AND NOT exact THEN
                '(p.english @@ $2) IS TRUE' END,
            CASE WHEN s IS NOT NULL THEN $$to_tsvector('simple', p.text) @@ $3$$ END);
        RETURN QUERY EXECUTE format($q$
            WITH candidates AS MATERIALIZED (
                SELECT p.doc_id, p.doc_title, p.section, p.start, p."end", p.text, p.english
                FROM passages p
                WHERE p.team = ANY ($1) AND %s
                LIMIT $5
            ), ranked AS (
                SELECT c.doc_id, c.doc_title, c.section, c.start, c."end", c.text,
                       coalesce(ts_rank_cd(c.english, $2), 0)::real AS score,
                       count(*) OVER () AS total
                FROM candidates c
                ORDER BY score DESC, c.doc_id, c.start LIMIT $4
            )
            SELECT r.doc_id, r.doc_title, r.section, r.start, r."end", r.score,
                   ts_headline('english', r.text, coalesce($2, $3),
                               'StartSel=<<, StopSel=>>, MaxWords=40, MinWords=15, MaxFragments=1'),
                   r.total
            FROM ranked r ORDER BY r.score DESC, r.doc_id, r.start
        $q$, matching) USING teams, e, s, wanted, greatest(wanted, {CANDIDATES}), t;
    END $f$;
    REVOKE ALL ON FUNCTION search_passages(text, jsonb, text, integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION search_passages(text, jsonb, text, integer) TO {ANALYST};
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class TeamError(ReaderError):
    """The team server cannot be reached or used as asked; the sentence says why."""


def server_version(connection: psycopg.Connection) -> int:
    """The schema version of the database (0 for one never set up)."""
    row = connection.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = connection.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(found[0] or 0) if found else 0


def migrate(connection: psycopg.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION in one transaction; returns the version."""
    with connection.transaction():
        # Two owners migrating at once would both see the old version.
        connection.execute("SELECT pg_advisory_xact_lock(%s, 0)", (LOCK_SPACE,))
        connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer)")
        version = server_version(connection)
        if version > SCHEMA_VERSION:
            raise TeamError(newer_schema(version))
        for script in MIGRATIONS[version:]:
            connection.execute(script.encode())
        connection.execute("DELETE FROM schema_version")
        connection.execute("INSERT INTO schema_version VALUES (%s)", (SCHEMA_VERSION,))
        connection.execute(f"GRANT SELECT ON schema_version TO {ANALYST}")
    return SCHEMA_VERSION


def newer_schema(version: int) -> str:
    return _(
        "The team server's schema is version {version}, newer than this version of "
        "Statement Reader knows ({known}); update Statement Reader."
    ).format(version=version, known=SCHEMA_VERSION)


def add_team(connection: psycopg.Connection, team: str) -> None:
    with connection.transaction():
        connection.execute("INSERT INTO teams VALUES (%s) ON CONFLICT DO NOTHING", (team,))


def add_analyst(
    connection: psycopg.Connection, role: str, password: str, teams: tuple[str, ...]
) -> None:
    """Make `role` an analyst who logs in with `password` and belongs to `teams`."""
    from psycopg import sql

    with connection.transaction():
        exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        verb = "ALTER" if exists.fetchone() else "CREATE"
        connection.execute(
            sql.SQL("{} ROLE {} LOGIN PASSWORD {}").format(
                sql.SQL(verb), sql.Identifier(role), sql.Literal(password)
            )
        )
        connection.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(ANALYST), sql.Identifier(role))
        )
        for team in teams:
            connection.execute(
                "INSERT INTO members VALUES (%s, %s) ON CONFLICT DO NOTHING", (team, role)
            )

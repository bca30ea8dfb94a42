"""The team library: the laptop's library linked to a team on a PostgreSQL server.

The laptop stays the working copy (its SQLite database and Whoosh index); sync pushes what
changed here since the last sync (the outbox, filled by triggers in the local database) and
pulls what the team changed since. No Qt here: the window and the command line both use it.
"""

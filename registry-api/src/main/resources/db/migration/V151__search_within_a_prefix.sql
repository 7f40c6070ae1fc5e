-- A search within a prefix asks for the prefix and the text at once. With the text's GIN indexes alone, PostgreSQL
-- answered it by combining the text's index with the prefix's B-tree (BitmapAnd), which reads every code of the
-- prefix from that B-tree on each search: negligible for a small prefix, most of the search's time for a prefix of a
-- million codes. With the prefix as the first column of each GIN index (btree_gin, a trusted extension shipped with
-- PostgreSQL) one index scan finds the rows that match both. A search without a prefix uses the same indexes: a
-- multicolumn GIN index serves any subset of its columns equally well.
--
-- A GIN index gathers new entries in a pending list, unsorted, which every search reads whole until a vacuum or a
-- full list (4 MB by default) merges it into the index; while the read model takes new recordings, that list was
-- most of a search's time. Capped at its minimum (64 kB), it still merges the entries of many rows at once.
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX recording_view_title_words;
CREATE INDEX recording_view_title_words ON recording_view USING gin (prefix_code, title_words)
    WITH (gin_pending_list_limit = 64);
DROP INDEX recording_view_artist_words;
CREATE INDEX recording_view_artist_words ON recording_view USING gin (prefix_code, artist_words)
    WITH (gin_pending_list_limit = 64);
DROP INDEX recording_view_title_match;
CREATE INDEX recording_view_title_match ON recording_view USING gin (prefix_code, title_match gin_trgm_ops)
    WITH (gin_pending_list_limit = 64);
DROP INDEX recording_view_artist_match;
CREATE INDEX recording_view_artist_match ON recording_view USING gin (prefix_code, artist_match gin_trgm_ops)
    WITH (gin_pending_list_limit = 64);

-- The words of the normalised title and main artist (MatchingText: single spaces), each word a lexeme as it is.
-- A "contains" search of several words pins the inner words exactly and the last one as a prefix, so it looks up
-- these GIN indexes: a posting list per word, however many recordings share the common words. The trigram indexes
-- stay for one-word searches (a word may match in the middle of a title's word).
ALTER TABLE recording_view
    ADD COLUMN title_words tsvector
        GENERATED ALWAYS AS (array_to_tsvector(array_remove(string_to_array(title_match, ' '), ''))) STORED,
    ADD COLUMN artist_words tsvector
        GENERATED ALWAYS AS (array_to_tsvector(array_remove(string_to_array(artist_match, ' '), ''))) STORED;
CREATE INDEX recording_view_title_words ON recording_view USING gin (title_words);
CREATE INDEX recording_view_artist_words ON recording_view USING gin (artist_words);

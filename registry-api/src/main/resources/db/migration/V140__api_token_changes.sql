-- Every node keeps the tokens it has seen in memory (api.security.TokenChanges): a change to what a token may do
-- (its revocation, or a prefix allocated to or taken from its registrant) notifies every node when it commits, and
-- each drops what it kept. Statement triggers: a statement changing many rows notifies once.
CREATE FUNCTION notify_api_token_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('api_token_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER api_token_changed AFTER UPDATE OR DELETE OR TRUNCATE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION notify_api_token_changed();

CREATE TRIGGER api_token_prefixes_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lookup_prefix_code
    FOR EACH STATEMENT EXECUTE FUNCTION notify_api_token_changed();

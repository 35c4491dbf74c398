-- What the test event handler does: one row per effect, so a second effect would show.
CREATE TABLE test_effect (
    event_id text NOT NULL,
    payload  text NOT NULL
);

-- Whose step each entry of the attribute undo log is (issue #14): on a team server every account
-- undoes and redoes only its own changes to the attribute table. PostgreSQL only and never moved:
-- an entry without an owner row (a desktop project's log, uploaded) is nobody's to undo, and a
-- download gives the desktop project the one log it has.
CREATE TABLE attribute_undo_owners (
  entry_id integer PRIMARY KEY REFERENCES attribute_undo_log(id) ON DELETE CASCADE,
  user_id  integer NOT NULL REFERENCES users(id) ON DELETE CASCADE
);
CREATE INDEX attribute_undo_owners_user ON attribute_undo_owners(user_id, entry_id);

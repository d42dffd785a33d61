"""The store: the catalogue (SQLite), its schema, the text and raw files, and the writer's lock."""

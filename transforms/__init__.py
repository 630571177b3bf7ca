"""Text in, rows out: pure functions that read articles and model the star schema."""

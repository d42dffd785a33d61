"""Text as every stage reads it: normalising, site names, excerpts for display."""

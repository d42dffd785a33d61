"""Detection: pure rules from what was fetched to an outcome (new, changed, unchanged, removed),
and the word diff.
"""

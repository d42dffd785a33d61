"""Context for a release: its themes, the related earlier releases, search, and the reference
corpus.
"""

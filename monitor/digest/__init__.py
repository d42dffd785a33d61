"""Telling people: digests rendered and sent once (email, chat and webhook channels), and the Atom
feed.
"""

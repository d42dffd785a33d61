"""Fetching: polite HTTP with its guards (private hosts, robots.txt, block pages), decoding, and
pages from outside a check.
"""

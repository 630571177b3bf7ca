"""Parley: defence and technology news into a queryable star schema."""

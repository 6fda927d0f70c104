"""Actors: built-in dictionaries (data files), the resolver and in-article coreference."""

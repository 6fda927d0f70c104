"""Where: an offline gazetteer and the rules that pick the place an event happened."""

from .gazetteer import Gazetteer, Place, load_gazetteer

__all__ = ["Gazetteer", "Place", "load_gazetteer"]

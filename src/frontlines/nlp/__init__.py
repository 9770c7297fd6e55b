"""NLP stage: the spaCy pipeline. The Doc never leaves the events stage."""

from frontlines.nlp.build import load_nlp

__all__ = ["load_nlp"]

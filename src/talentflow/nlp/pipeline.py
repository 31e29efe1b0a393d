"""Load a language's spaCy model once per process, with the talentflow components added."""
from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from talentflow.core.errors import ModelNotInstalledError
from talentflow.nlp.lang import get_pack

# Importing the component modules registers their factories with spaCy.
from talentflow.nlp import (arguments, coref, deals, entity_labels, modality,  # noqa: F401
                            move_model, newline_sentences, org_ruler, person_repair, quotes,
                            role_ruler, space_tags, triggers)

# Components after the statistical NER, in order; each reads what the previous ones wrote.
COMPONENTS = ("talentflow_entity_labels", "talentflow_org_ruler", "talentflow_role_ruler",
              "talentflow_person_repair", "talentflow_entity_repair", "talentflow_triggers",
              "talentflow_modality", "talentflow_coref", "talentflow_arguments",
              "talentflow_move_model", "talentflow_deals", "talentflow_quotes")

_lock = threading.Lock()
_cache: dict[tuple[str, str | None], Language] = {}


def load_bare_model(lang: str) -> Language:
    """The pack's spaCy model as shipped, without talentflow components."""
    pack = get_pack(lang)
    try:
        return spacy.load(pack.model)
    except OSError as error:
        raise ModelNotInstalledError(
            f"spaCy model {pack.model!r} for language {lang!r} is not installed",
            hint=pack.install_hint, item=pack.model) from error


def load_pipeline(lang: str, *, org_gazetteer: str | None = None) -> Language:
    """The extraction pipeline for ``lang``, built once per process and gazetteer.

    ``org_gazetteer`` is an extra organisation list (one name a line); without it the
    ``TALENTFLOW_ORG_GAZETTEER`` environment variable is read.
    """
    key = (lang, org_gazetteer)
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = load_bare_model(lang)
            for model_component, factory in get_pack(lang).replaced_components.items():
                nlp.replace_pipe(model_component, factory)
            nlp.add_pipe("talentflow_newline_sentences", before="parser")
            for name in COMPONENTS:
                config = {"gazetteer_path": org_gazetteer} if name == "talentflow_org_ruler" else {}
                nlp.add_pipe(name, config=config)
            _cache[key] = nlp
        return nlp

"""Which language an article is in, among the ones talentflow serves.

The ``lang`` an input declares is only a hint: detection decides when it is confident.
lingua is built lazily with French and English only (loading every language costs
seconds and memory). Restricted to two languages lingua always picks one of them, even
for German or Spanish, so a second check asks whether the text contains the function
words every French or English text of some length contains.
"""
from __future__ import annotations

import dataclasses
from functools import lru_cache

from talentflow.core.errors import UnsupportedLanguageError
from talentflow.core.models import Article

SERVED = ("fr", "en")
SAMPLE_CHARS = 2000
#: Below this confidence for the best of the two languages, the text is in neither.
MIN_CONFIDENCE = 0.55
#: A declared language is overridden only when detection is this sure of another one.
OVERRIDE_CONFIDENCE = 0.9
#: Texts shorter than this (in words) are too short for the function-word check.
MIN_WORDS_FOR_MARKERS = 20
#: From this many words, a text with not one function word of the language lingua picked
#: is in neither: restricted to two languages, lingua calls a German brief English.
MIN_WORDS_FOR_ANY_MARKER = 8
MIN_MARKER_SHARE = 0.03
#: A share of one language's function words this high, twice the other's, settles it.
DECISIVE_MARKER_SHARE = 0.06

# Function words frequent in French or English news and absent from the neighbouring
# languages (Spanish, Italian, Portuguese, German, Dutch), so their absence over twenty
# words says "neither".
_MARKERS = {
    "fr": frozenset("les des une est dans pour qui sur avec sont ont été du au aux elle "
                    "cette et à leur où".split()),
    "en": frozenset("the of and to is that for with was on are as by it from has have be "
                    "this his her at an said which its will were been their".split()),
}
_FRENCH_ELISIONS = ("d'", "qu'", "d’", "qu’")
# Letters French writes and its neighbours (German, Spanish, Italian, Dutch) mostly do not:
# a short French line may have none of the function words above ("X rejoint Y comme
# directrice financière en 2024") but rarely lacks all of these
_LETTERS = {"fr": "èêçœùîïûëâÈÊÇ"}


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).build()


def marker_share(text: str, lang: str) -> float:
    """Share of the words of ``text`` that are function words typical of ``lang``."""
    words = [w.strip(".,;:!?«»\"'()[]").lower() for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return 0.0
    markers = _MARKERS[lang]
    elisions = _FRENCH_ELISIONS if lang == "fr" else ()
    return sum(w in markers or w.startswith(elisions) for w in words) / len(words)


def detect_language_with_confidence(text: str) -> tuple[str | None, float]:
    """(language code, lingua's confidence); the code is None when the text is in neither
    French nor English."""
    sample = text[:SAMPLE_CHARS]
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    confidence = {v.language.iso_code_639_1.name.lower(): v.value for v in values}
    shares = {lang: marker_share(sample, lang) for lang in _MARKERS}
    for lang, share in shares.items():
        rival = max(s for other, s in shares.items() if other != lang)
        if share >= DECISIVE_MARKER_SHARE and rival < share / 2:
            # Short texts full of foreign names fool lingua (a one-line brief about two
            # ministers); the function words say which language the text is written in.
            # As sure as an override needs: these word lists do not overlap.
            return lang, max(confidence.get(lang, 0.0), OVERRIDE_CONFIDENCE)
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    if best.value < MIN_CONFIDENCE:
        return None, best.value
    words = len(sample.split())
    if words >= MIN_WORDS_FOR_MARKERS and shares[code] < MIN_MARKER_SHARE \
            or words >= MIN_WORDS_FOR_ANY_MARKER and shares[code] == 0 \
            and not any(letter in sample for letter in _LETTERS.get(code, "")):
        return None, best.value
    return code, best.value


def detect_language(text: str) -> str | None:
    """"fr", "en", or None when the text is in neither (looks at the first ~2000 chars)."""
    return detect_language_with_confidence(text)[0]


def ensure_language(article: Article, served: tuple[str, ...] = SERVED) -> Article:
    """The article with ``lang`` set to a served language, or UnsupportedLanguageError.

    A missing ``lang`` is filled in; a declared one is replaced only when detection is
    very sure of the other language (short texts fool detectors).
    """
    declared = (article.lang or "").strip().lower() or None
    detected, confidence = detect_language_with_confidence(article.text)
    if detected is None or detected not in served:
        if declared in served and len(article.text.split()) < MIN_WORDS_FOR_MARKERS:
            return dataclasses.replace(article, lang=declared)  # too short to tell
        said = f" (declared {declared!r})" if declared else ""
        raise UnsupportedLanguageError(
            f"the article is not French or English{said}", item=article.source or article.id,
            hint=f"talentflow extracts {' and '.join(served)} articles only")
    if declared in served and declared != detected and confidence < OVERRIDE_CONFIDENCE:
        detected = declared
    if detected == article.lang:
        return article
    return dataclasses.replace(article, lang=detected)

"""Language: lingua with French and English only, plus a guard for other languages."""
from __future__ import annotations

import dataclasses

import pytest

from talentflow.core import Article
from talentflow.core.errors import UnsupportedLanguageError
from talentflow.ingest import Skipped, detect_language, ensure_language, read_inputs

FRENCH = ("La start-up nantaise Hydrelis a annoncé mardi l'arrivée de Joséphine Carlier au "
          "poste de directrice scientifique, après dix ans passés dans un laboratoire public "
          "où elle dirigeait une équipe consacrée au stockage de l'énergie.")
ENGLISH = ("The Glasgow start-up Tidewell said on Tuesday that it had hired Martin Ogilvie as "
           "chief scientist, after a decade at a public laboratory where he led a team "
           "working on energy storage.")
OTHERS = {
    "de": ("Das Münchner Unternehmen Kelvara hat am Dienstag bekannt gegeben, dass Jonas "
           "Weber die Leitung der Forschung übernimmt, nachdem er zehn Jahre lang ein "
           "Labor für Energiespeicher geführt hat."),
    "es": ("La empresa madrileña Solvira anunció el martes que ha contratado a Lucía Romero "
           "como directora científica, tras diez años al frente de un laboratorio público "
           "dedicado al almacenamiento de energía."),
    "it": ("L'azienda milanese Ventoria ha annunciato martedì di aver assunto Giulia Ferri "
           "come direttrice scientifica, dopo dieci anni alla guida di un laboratorio "
           "pubblico dedicato all'accumulo di energia."),
}


def article(text: str, lang: str | None = None) -> Article:
    return Article(id="a", text=text, lang=lang, source="a.txt")


def test_french_and_english_are_told_apart():
    assert detect_language(FRENCH) == "fr"
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_other_languages_are_neither(code):
    assert detect_language(OTHERS[code]) is None
    with pytest.raises(UnsupportedLanguageError) as caught:
        ensure_language(article(OTHERS[code]))
    assert "not French or English" in caught.value.message
    assert caught.value.item == "a.txt"


SHORT_OTHERS = [
    "Die Firma Kelvara hat Jonas Weber zum neuen Finanzchef ernannt. Er kommt im Mai.",
    "La empresa Solvira ha nombrado a Lucía Romero nueva directora financiera.",
]


@pytest.mark.parametrize("text", SHORT_OTHERS)
def test_a_short_brief_in_another_language_is_neither(text):
    # restricted to French and English, lingua alone calls these English or French
    assert detect_language(text) is None


@pytest.mark.parametrize("text, lang", [
    ("Tidewell hires Martin Ogilvie as its new chief scientist from a rival lab", "en"),
    ("Hydrelis recrute Joséphine Carlier comme directrice scientifique pour son laboratoire",
     "fr")])
def test_a_short_sentence_with_function_words_keeps_its_language(text, lang):
    assert detect_language(text) == lang


def test_a_short_french_line_without_function_words_is_still_french():
    text = "Rita Olsen rejoint Crane Labs comme directrice financière en 2024 après Kelvara."
    assert detect_language(text) == "fr"


def test_a_missing_language_is_filled_in():
    assert ensure_language(article(FRENCH)).lang == "fr"
    assert ensure_language(article(ENGLISH)).lang == "en"


def test_a_contradicted_declaration_is_corrected():
    assert ensure_language(article(ENGLISH, lang="fr")).lang == "en"


def test_a_short_text_keeps_its_declared_language():
    short = article("Claire Petit rejoint Hydrelis.", lang="fr")
    assert ensure_language(short).lang == "fr"


def test_only_the_start_of_a_long_text_is_looked_at():
    long_text = " ".join([FRENCH] * 10 + [OTHERS["de"]] * 200)
    assert detect_language(long_text) == "fr"


def test_read_inputs_skips_articles_in_other_languages(tmp_path):
    (tmp_path / "a.txt").write_text(OTHERS["de"], encoding="utf-8")
    (tmp_path / "b.txt").write_text(FRENCH, encoding="utf-8")
    skipped, kept = read_inputs([str(tmp_path)])
    assert isinstance(skipped, Skipped) and skipped.item == str(tmp_path / "a.txt")
    assert kept.lang == "fr"
    # Checking can be turned off for inputs whose language is known.
    plain = list(read_inputs([str(tmp_path)], check_language=False))
    assert [type(r) for r in plain] == [Article, Article]


def test_the_article_is_otherwise_unchanged():
    original = article(FRENCH)
    assert ensure_language(original) == dataclasses.replace(original, lang="fr")


def test_function_words_beat_foreign_names_in_a_short_sentence():
    # Names from everywhere mislead character statistics; "the", "and", "as" do not.
    text = ("Tovonirina Rakotoarimanana names Haingo Ravelojaona as the new head of the "
            "treasury and the central bank.")
    assert detect_language(text) == "en"
    assert ensure_language(article(text, lang="en")).lang == "en"
    assert ensure_language(article(text, lang="fr")).lang == "en"

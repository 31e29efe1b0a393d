"""The learned speaker chooser (``quote_speakers``), on invented articles: the gender an
attribution shows ("a-t-elle déclaré", "she said", "la directrice", "le ministre") picks
the person the article shows to be of that gender, not the one named last; the model is
a plain JSON dictionary; a quote whose only speaker is a title names no one."""
from __future__ import annotations

import json
import math

import pytest

from talentflow.nlp.quote_speaker_features import SpeakerFeatures
from talentflow.nlp.quote_speakers import (QuoteSpan, SpeakerCandidate, SpeakerModel, choose,
                                           load_speaker_model, model_path, previous_speakers,
                                           quotes_of, with_previous)
from talentflow.nlp.quotes import QuoteFinder
from talentflow.core import Article
from talentflow.nlp import extract

QUOTE_FR = "Nous ouvrirons trois autres ateliers l'an prochain"
QUOTE_EN = "We will open three more workshops next year"


def said(text: str, lang: str) -> list[tuple[str, str]]:
    """(speaker, quoted words) of each quote extracted from ``text``."""
    extraction = extract(Article(id="q", text=text, lang=lang, date="2024-06-15"))
    return [(q.speaker, text[q.evidence.start:q.evidence.end]) for q in extraction.quotes]


@pytest.mark.usefixtures("fr_nlp")
class TestFrenchGender:
    def test_a_t_elle_is_the_woman_not_the_man_named_last(self):
        text = ("La directrice Inès Vautrin et le maire Gaspard Lemoine ont inauguré la "
                "fabrique mardi. Gaspard Lemoine a salué le travail des équipes. "
                f"« {QUOTE_FR} », a-t-elle déclaré.")
        assert said(text, "fr") == [("Inès Vautrin", QUOTE_FR)]

    def test_a_feminine_title_in_the_attribution(self):
        text = ("Mme Vautrin et Gaspard Lemoine ont visité la fabrique. Inès Vautrin dirige la "
                "régie depuis mars. Gaspard Lemoine a salué les équipes. "
                f"« {QUOTE_FR} », a affirmé la directrice.")
        assert said(text, "fr") == [("Inès Vautrin", QUOTE_FR)]

    def test_le_ministre_is_the_minister_named_before(self):
        text = ("Le ministre Gaspard Lemoine a visité la fabrique avec Inès Vautrin. "
                f"« {QUOTE_FR} », a assuré le ministre.")
        assert said(text, "fr") == [("Gaspard Lemoine", QUOTE_FR)]

    def test_a_title_with_no_one_named_is_no_quote(self):
        # GOLD.md: only a named person's words count
        text = f"La fabrique a été visitée mardi. « {QUOTE_FR} », a assuré le ministre."
        assert said(text, "fr") == []


@pytest.mark.usefixtures("en_nlp")
class TestEnglishGender:
    def test_she_said_is_the_woman_not_the_man_named_last(self):
        text = ("Ms. Nora Whitcombe and Felix Ashdown toured the workshop on Tuesday. "
                f"Felix Ashdown praised the staff. \"{QUOTE_EN},\" she said.")
        assert said(text, "en") == [("Nora Whitcombe", QUOTE_EN + ",")]

    def test_he_said_is_the_man_not_the_woman_named_last(self):
        text = ("Nora Whitcombe and Mr. Felix Ashdown toured the workshop on Tuesday. "
                f"Nora Whitcombe praised the staff. \"{QUOTE_EN},\" he said.")
        assert said(text, "en") == [("Felix Ashdown", QUOTE_EN + ",")]


def test_genders_come_from_the_text_not_first_names():
    text = ("Mme Vautrin a rencontré Dominique Roux, nommée en mars, et le directeur "
            "Camille Brun.")
    persons = [(text.index(w), text.index(w) + len(w), name) for w, name in (
        ("Vautrin", "Inès Vautrin"), ("Dominique Roux", "Dominique Roux"),
        ("Camille Brun", "Camille Brun"))]
    genders = SpeakerFeatures(text, persons, [], (), "fr", []).genders
    assert genders == {"Inès Vautrin": "f", "Dominique Roux": "f", "Camille Brun": "m"}


def test_the_model_is_a_dictionary_scored_without_sklearn():
    model = SpeakerModel("fr", {"rule": 2.0, "a_speech&rank=0": 1.0}, -1.5, 0.5, {})
    span = QuoteSpan(0, 10, "marks", "A B", [SpeakerCandidate("A B", ["rule"]),
                                              SpeakerCandidate("C D", ["a_speech&rank=0"])])
    assert choose(span, model) == "A B"
    assert choose(span, None) == "A B"  # no model: the rules' pick
    weak = SpeakerModel("fr", {}, -3.0, 0.5, {})
    assert choose(span, weak) is None and quotes_of([span], weak) == []
    again = SpeakerModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model


def test_an_attribution_naming_no_person_needs_a_likelier_speaker():
    # p(A B) = 0.4: enough under an ordinary attribution, not when the rules read the
    # attribution as naming no person ("a indiqué le service de presse")
    model = SpeakerModel("fr", {"near": 0.0}, math.log(0.4 / 0.6), 0.3, {})
    plain = QuoteSpan(0, 10, "marks", None, [SpeakerCandidate("A B", ["near"])], how="none")
    silent = QuoteSpan(0, 10, "marks", None, [SpeakerCandidate("A B", ["near"])],
                       how="no_person")
    assert choose(plain, model) == "A B"
    assert choose(silent, model) is None
    sure = SpeakerModel("fr", {"near": 0.0}, math.log(0.6 / 0.4), 0.3, {})
    assert choose(silent, sure) == "A B"


def test_a_phrase_in_a_sentence_saying_nothing_of_speaking_is_dropped():
    sure = SpeakerModel("en", {}, 3.0, 0.3, {})
    span = QuoteSpan(0, 10, "marks", None, [SpeakerCandidate("A B", ["x"])], how="phrase")
    assert choose(span, sure) is None


def test_the_title_of_a_work_gets_no_speaker():
    text = ("Odile Fenwarth a présenté mardi le film « Les rivières du Nord » à Lyon. "
            "Elle a ajouté : « Nous reprendrons les visites au printemps », a-t-elle dit.")
    features = SpeakerFeatures(text, [(0, 14, "Odile Fenwarth")], [], (), "fr", [])
    title = features.span(text.index("Les riv"), text.index(" » à"), "marks",
                          "Odile Fenwarth", None, "named_before")
    words = features.span(text.index("Nous"), text.index(" », a-t"), "marks",
                          "Odile Fenwarth", None, "pronoun_after")
    # the title's candidates keep their features (training still sees the span)
    assert title.how == "work_title" and title.candidates
    sure = SpeakerModel("fr", {}, 3.0, 0.3, {})
    assert choose(title, sure) is None
    assert words.how == "pronoun_after" and choose(words, sure) == "Odile Fenwarth"


def test_an_english_book_title_gets_no_speaker():
    text = 'Maya Orlen signed copies of her book "Salt and Harbour Lights" on Friday.'
    features = SpeakerFeatures(text, [(0, 10, "Maya Orlen")], [], (), "en", [])
    span = features.span(text.index("Salt"), text.index('" on'), "marks", "Maya Orlen",
                         None, "named_before")
    assert span.how == "work_title"


def test_quote_shape_tells_the_word_before_and_what_follows():
    text = ("Odile Fenwarth a donné le cours « Villes et rivières du Nord » hier. "
            "Elle a ajouté : « Nous reprendrons les visites au printemps », a-t-elle dit.")
    features = SpeakerFeatures(text, [(0, 14, "Odile Fenwarth")], [], (), "fr", [])
    title = features._shape(text.index("Villes"), text.index(" » hier"), "marks")
    words = features._shape(text.index("Nous"), text.index(" », a-t"), "marks")
    assert "after_word=cours" in title and "then=upper" not in title and "then=hier" in title
    # after a colon no word leads into the quote: it stands apart
    assert not any(f.startswith("after_word=") for f in words) and "then=," in words


def test_a_candidate_merged_from_two_names_is_not_ruled_out_by_gender():
    # two canonical names tidied into one carry both the agreeing and the clashing cue
    model = SpeakerModel("fr", {"near": 2.0}, 0.0, 0.3, {})
    span = QuoteSpan(0, 10, "marks", None, [
        SpeakerCandidate("A B", ["near", "pronoun=agree", "pronoun=clash"]),
        SpeakerCandidate("C D", ["pronoun=clash"])])
    assert choose(span, model) == "A B"


def test_interview_answers_keep_the_rules_speaker():
    span = QuoteSpan(0, 10, "dash", "A B", [SpeakerCandidate("A B", ["x"])])
    assert choose(span, SpeakerModel("fr", {}, -30.0, 0.5, {})) == "A B"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_speaker_model_ships_for_each_language(lang):
    model = load_speaker_model(str(model_path(lang)))
    assert model is not None and model.lang == lang and 0 < model.threshold < 1
    assert model.weights and all(isinstance(w, float) for w in model.weights.values())


def test_said_before_is_the_chooser_s_own_previous_choice():
    # the rules gave the first quote to A B; the model, trusting the pronoun, to C D: the
    # second quote's "said before" is C D's (the model's choice), not the rules' A B
    model = SpeakerModel("fr", {"pron": 3.0, "said_before": 3.0}, -2.0, 0.3, {})
    first = QuoteSpan(0, 10, "marks", "A B", [SpeakerCandidate("A B", ["rule"]),
                                              SpeakerCandidate("C D", ["pron"])])
    second = QuoteSpan(20, 30, "marks", "A B", [SpeakerCandidate("A B", ["rule"]),
                                                SpeakerCandidate("C D", [])])
    assert [q.speaker for q in quotes_of([first, second], model)] == ["C D", "C D"]
    # trained on the rules' chain: the speaker the rules gave the quote before
    assert previous_speakers([first, second]) == [None, "A B"]
    # the same surname and first initial is the same speaker
    assert "said_before" in with_previous(SpeakerCandidate("Georges Weil", []), "George Weil")


def test_a_french_quote_ending_a_sentence_is_not_attributed_by_the_next_one():
    # "répondu" in the next sentence is no verb of saying for the quote
    text = ("Inès Valcourt, chercheuse, a rencontré les militantes. Elle poursuit : « Il n'y "
            "a eu aucun progrès pour les droits acquis depuis des années. » Le ministère n'a "
            "pas répondu à nos questions.")
    finder = QuoteFinder("fr")
    finder.find(text, [(0, 13, "Inès Valcourt")], [])
    assert [(s.how, s.rule) for s in finder.spans] == [("speech_before", "Inès Valcourt")]


def _at(text: str, name: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return (start, start + len(name), name)


def test_a_lone_surname_after_the_verb_names_the_person_given_in_full():
    # the NER tagged "Odile Fenwarth" but missed the bare surname of the attribution
    text = ("Odile Fenwarth et Basile Quennec ont visité la fabrique mardi. "
            f"« {QUOTE_FR} », a ajouté Fenwarth.")
    finder = QuoteFinder("fr")
    finder.model = None
    finder.find(text, [_at(text, "Odile Fenwarth"), _at(text, "Basile Quennec")], [])
    assert [(s.rule, s.how) for s in finder.spans] == [("Odile Fenwarth", "named_after")]


def test_the_parse_subject_of_the_sentence_before_is_a_feature():
    text = ("Odile Fenwarth a salué son prédécesseur Basile Quennec. "
            f"« {QUOTE_FR} », a-t-elle dit.")
    persons = [_at(text, "Odile Fenwarth"), _at(text, "Basile Quennec")]
    syntax = {persons[0][0]: ("nsubj", "saluer"), persons[1][0]: ("appos", "prédécesseur")}
    features = SpeakerFeatures(text, persons, [], (), "fr", [], syntax)
    start = text.index(QUOTE_FR)
    span = features.span(start, start + len(QUOTE_FR), "marks", None, None, "pronoun_after")
    subject = {c.name for c in span.candidates if "parse_subject" in c.features}
    assert subject == {"Odile Fenwarth"}


def test_celle_qui_attributes_like_a_pronoun():
    text = ("Mme Odile Fenwarth et M. Basile Quennec ont visité la fabrique mardi. "
            f"« {QUOTE_FR} », explique celle qui dirige la régie.")
    finder = QuoteFinder("fr")
    finder.model = None
    finder.find(text, [_at(text, "Odile Fenwarth"), _at(text, "Basile Quennec")], [])
    assert [s.how for s in finder.spans] == ["pronoun_after"]
    feats = {c.name: c.features for c in finder.spans[0].candidates}
    assert "pronoun=agree" in feats["Odile Fenwarth"]
    assert "pronoun=clash" in feats["Basile Quennec"]


def test_a_name_the_tagger_never_read_as_a_proper_noun_is_marked():
    # a participle opening the sentence, taken by the NER into the name
    text = f"Ravie du résultat, Odile Fenwarth a parlé mardi. « {QUOTE_FR} », a-t-elle dit."
    persons = [_at(text, "Ravie"), _at(text, "Odile Fenwarth")]
    syntax = {persons[0][0]: ("nsubj", "parler", False),
              persons[1][0]: ("nsubj", "parler", True)}
    features = SpeakerFeatures(text, persons, [], (), "fr", [], syntax)
    start = text.index(QUOTE_FR)
    span = features.span(start, start + len(QUOTE_FR), "marks", None, None, "pronoun_after")
    marked = {c.name for c in span.candidates if "no_propn" in c.features}
    assert marked == {"Ravie"}


def test_a_lone_word_before_a_full_name_in_the_attribution_gives_way_to_it():
    # the NER took the title for a person of its own
    text = f"La régie a publié ses comptes. « {QUOTE_FR} », a dit son Directeur, Basile Quennec."
    finder = QuoteFinder("fr")
    finder.model = None
    finder.find(text, [_at(text, "Directeur"), _at(text, "Basile Quennec")], [])
    assert [s.rule for s in finder.spans] == ["Basile Quennec"]


def test_a_lone_word_before_a_full_name_ahead_of_the_quote_gives_way_to_it():
    text = f"Ravie du résultat, Odile Fenwarth a déclaré : « {QUOTE_FR} »."
    finder = QuoteFinder("fr")
    finder.model = None
    finder.find(text, [_at(text, "Ravie"), _at(text, "Odile Fenwarth")], [])
    assert [s.rule for s in finder.spans] == ["Odile Fenwarth"]

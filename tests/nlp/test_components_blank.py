"""Components on hand-built Docs (spacy.blank), without the statistical model."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from talentflow.nlp import convert as convert_module
from talentflow.nlp.coref import NameCoref
from talentflow.nlp.modality import Modality
from talentflow.nlp.newline_sentences import NewlineSentences
from talentflow.nlp.records import MoveCandidate
from talentflow.core import Article

NLP = spacy.blank("fr")


def _doc(words, **kwargs) -> Doc:
    return Doc(NLP.vocab, words=words, **kwargs)


def test_coref_gives_surnames_and_honorifics_the_full_name():
    words = ["Marie", "Curie", "arrive", ".", "Mme", "Curie", "part", ".", "Curie", "reste", "."]
    ents = ["B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "O", "O"]
    doc = NameCoref("fr")(_doc(words, ents=ents))
    names = doc._.tf_person_names
    assert names[(0, 2)] == names[(4, 6)] == names[(8, 9)] == "Marie Curie"


def test_coref_keeps_an_ambiguous_surname_as_written():
    words = ["Jean", "Roux", "et", "Anne", "Roux", "partent", ".", "Roux", "reste", "."]
    ents = ["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "O", "B-PER", "O", "O"]
    doc = NameCoref("fr")(_doc(words, ents=ents))
    assert doc._.tf_person_names[(7, 8)] == "Roux"


def test_coref_resolves_a_subject_pronoun_to_the_last_named_subject():
    words = ["Paul", "Martin", "parle", ".", "Il", "part", "."]
    heads = [2, 0, 2, 2, 5, 5, 5]
    deps = ["nsubj", "flat:name", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    sent_starts = [True, False, False, False, True, False, False]
    ents = ["B-PER", "I-PER", "O", "O", "O", "O", "O"]
    doc = NameCoref("fr")(_doc(words, heads=heads, deps=deps, sent_starts=sent_starts, ents=ents))
    assert doc._.tf_pronouns == {4: "Paul Martin"}


def _modality_doc(words, lemmas, morphs, heads, deps, trigger_index):
    doc = _doc(words, lemmas=lemmas, morphs=morphs, heads=heads, deps=deps,
               sent_starts=[True] + [False] * (len(words) - 1))
    doc.spans["tf_triggers"] = [Span(doc, trigger_index, trigger_index + 1, label="JOIN")]
    return Modality("fr")(doc)


def test_modality_blocks_a_threat_governing_the_trigger():
    words = ["Il", "menace", "de", "rejoindre", "Apple", "."]
    doc = _modality_doc(words, ["il", "menacer", "de", "rejoindre", "Apple", "."],
                        [""] * 6, [1, 1, 3, 1, 3, 1],
                        ["nsubj", "ROOT", "mark", "xcomp", "obj", "punct"], 3)
    assert doc._.tf_blocked == {3: "menace"}


def test_modality_blocks_the_conditional_and_negation_but_not_a_plain_fact():
    conditional = _modality_doc(["Il", "aurait", "rejoint", "Apple"],
                                ["il", "avoir", "rejoindre", "Apple"],
                                ["", "Mood=Cnd", "VerbForm=Part", ""], [2, 2, 2, 2],
                                ["nsubj", "aux:tense", "ROOT", "obj"], 2)
    assert conditional._.tf_blocked == {2: "conditional"}
    negated = _modality_doc(["Il", "n'", "a", "pas", "rejoint", "Apple"],
                            ["il", "ne", "avoir", "pas", "rejoindre", "Apple"],
                            [""] * 6, [4, 4, 4, 4, 4, 4],
                            ["nsubj", "advmod", "aux:tense", "advmod", "ROOT", "obj"], 4)
    assert negated._.tf_blocked == {4: "negation"}
    fact = _modality_doc(["Il", "a", "rejoint", "Apple"], ["il", "avoir", "rejoindre", "Apple"],
                         [""] * 4, [2, 2, 2, 2], ["nsubj", "aux:tense", "ROOT", "obj"], 2)
    assert fact._.tf_blocked == {}


def test_newline_starts_a_sentence_and_keeps_offsets():
    doc = NewlineSentences()(NLP("Un titre sans point\nLe texte suit. Puis une autre phrase."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Un", "Le", "Puis"]


def test_converter_merges_reports_of_one_move_and_keeps_offsets(monkeypatch):
    text = "Léa Morel quitte Renault. Morel rejoint Airbus en mai."
    monkeypatch.setattr(convert_module, "find_dates", lambda *args, **kwargs: [])
    doc = NLP(text)
    first = MoveCandidate("Léa Morel", "Renault", None, None, "LEAVE", "quitte", 10, 0, 25, 0.5)
    second = MoveCandidate("Léa Morel", None, "Airbus", None, "JOIN", "rejoint", 32, 26, 54, 0.6)
    doc._.tf_moves = [first, second]
    doc._.tf_foundings, doc._.tf_investments = [], []
    result = convert_module.doc_to_extraction(doc, Article(id="c", text=text), "fr")
    assert len(result.moves) == 1
    move = result.moves[0]
    assert (move.from_org, move.to_org) == ("Renault", "Airbus")
    assert text[move.evidence.start:move.evidence.end] == move.evidence.text
    assert move.evidence.text == "Morel rejoint Airbus en mai."


def test_converter_keeps_a_join_and_a_later_departure_from_the_same_org_apart(monkeypatch):
    text = "A. Léa Morel rejoint Renault. B. Léa Morel quitte Renault."
    monkeypatch.setattr(convert_module, "find_dates", lambda *args, **kwargs: [])
    doc = NLP(text)
    doc._.tf_moves = [
        MoveCandidate("Léa Morel", None, "Renault", None, "JOIN", "rejoint", 13, 3, 29, 0.6),
        MoveCandidate("Léa Morel", "Renault", None, None, "LEAVE", "quitte", 43, 33, 58, 0.6)]
    doc._.tf_foundings, doc._.tf_investments = [], []
    result = convert_module.doc_to_extraction(doc, Article(id="c", text=text), "fr")
    assert len(result.moves) == 2


def test_trigger_windows_find_what_the_whole_doc_matcher_finds():
    """Matching only from tokens that can open a pattern, with the patterns they open,
    loses no match."""
    import spacy
    from talentflow.nlp.triggers import TriggerMatcher

    nlp = spacy.blank("fr")
    matcher = TriggerMatcher(nlp)
    doc = nlp.make_doc("Elle quitte Vantor et claque la porte avant de rejoindre Kalmio "
                       "puis de prendre la tête de Brenva ; son départ surprend.")
    for token in doc:  # a blank pipeline has no lemmas: give the surface form
        token.lemma_ = token.lower_
    assert matcher.openers is not None
    assert sorted(matcher._matches(doc)) == sorted(matcher.matcher(doc))
    assert matcher._matches(doc)


def test_coref_drops_a_title_the_ner_took_into_a_name():
    # "président Varan" is Tomas Varan; "Juge Ana Lind Sorel" keeps two name words
    words = ["Tomas", "Varan", "parle", ".", "Le", "président", "Varan", "part", ".",
             "Président", "Ana", "Lind", "Sorel", "arrive", "."]
    ents = ["B-PER", "I-PER", "O", "O", "O", "B-PER", "I-PER", "O", "O",
            "B-PER", "I-PER", "I-PER", "I-PER", "O", "O"]
    doc = NameCoref("fr")(_doc(words, ents=ents))
    names = doc._.tf_person_names
    assert names[(5, 7)] == "Tomas Varan"
    assert names[(9, 13)] == "Ana Lind Sorel"


def test_coref_keeps_a_capitalised_title_word_that_may_be_a_first_name():
    # one name word would be left: "Président Varan" alone could be a first name and surname
    words = ["Président", "Varan", "arrive", "."]
    doc = NameCoref("fr")(_doc(words, ents=["B-PER", "I-PER", "O", "O"]))
    assert doc._.tf_person_names[(0, 2)] == "Président Varan"


def test_names_with_particles_and_arabic_articles_are_plausible():
    from talentflow.nlp.doc_context import plausible_name
    from talentflow.nlp.lang import get_pack
    fr, en = get_pack("fr"), get_pack("en")
    assert plausible_name("De Vaucelles", fr)
    assert plausible_name("Karim al-Mansouri", fr)
    assert plausible_name("Yusuf el-Haddad", en)
    assert not plausible_name("Premier ministre", fr)
    assert not plausible_name("président Varan", fr)
    assert not plausible_name("The Board", en)

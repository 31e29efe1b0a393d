"""Language packs: every lexicon and pattern of one language, apart from the shared machinery.

A pack is plain data (sets, dicts, token patterns) read by the language-neutral components.
Adding a language means writing one module like :mod:`talentflow.nlp.lang.fr` and
registering it in ``_PACK_MODULES``; nothing else changes.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from talentflow.core.errors import UnsupportedLanguageError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Kinds of trigger; the argument finder reads the direction (from/to) off the kind.
JOIN = "JOIN"        # the person arrives somewhere (rejoindre, recruter, arrivée)
LEAVE = "LEAVE"      # the person leaves (quitter, démissionner, départ)
APPOINT = "APPOINT"  # the person gets a post (nommer, élire, prendre la tête)
SUCCEED = "SUCCEED"  # X succède à / remplace Y: X joins, Y leaves
FOUND = "FOUND"
INVEST = "INVEST"
MOVE_KINDS = frozenset({JOIN, LEAVE, APPOINT, SUCCEED})


@dataclass(frozen=True)
class LanguagePack:
    code: str
    model: str                      # spaCy package name
    install_hint: str
    # trigger lemma -> kind; multi-token triggers as spaCy Matcher patterns per kind
    verb_triggers: dict[str, str]
    verb_forms: dict[str, str]      # surface forms the lemmatizer may miss -> kind
    noun_triggers: dict[str, str]
    phrase_triggers: dict[str, list[list[dict]]]
    # verbs whose active subject is the employer, not the mover (X recrute Y)
    agent_verbs: frozenset[str]
    # lemmas that make a trigger near them or governing it non-factual
    modality_lemmas: frozenset[str]
    weak_triggers: frozenset[str]       # lemmas that need a strongly marked organisation
    after_cues: frozenset[str]          # words right after a trigger that cancel it
    after_phrases: tuple[str, ...]      # phrases shortly after a trigger that cancel it
    negation_words: frozenset[str]
    negation_particles: frozenset[str]
    modality_phrases: tuple[str, ...]   # lower-cased surface cues anywhere before the trigger
    # words that, right before an organisation, say which side of the move it is on
    to_markers: tuple[tuple[str, ...], ...]
    from_markers: tuple[tuple[str, ...], ...]
    at_markers: tuple[tuple[str, ...], ...]
    past_cues: tuple[str, ...]
    description_markers: tuple[tuple[str, ...], ...]   # "co-fondateur de X": not a side
    role_intro_markers: tuple[tuple[str, ...], ...]    # "au poste de", "en tant que"
    role_prefix_strip: frozenset[str]                  # "ancien", "nouveau" before a title
    new_role_adjectives: frozenset[str]                # "nouveau PDG" is an appointment
    pronouns: frozenset[str]
    honorifics: frozenset[str]
    generic_org_nouns: frozenset[str]                  # "la start-up", "le groupe"
    implied_orgs: dict[str, str]                       # role head -> org when none named
    org_head_words: frozenset[str]                     # "ministère", "université": an org
    not_org_words: frozenset[str]                      # capitalised words that are never orgs
    acquisition_lemmas: frozenset[str]
    founder_nouns: frozenset[str]
    founding_verbs: frozenset[str]
    files: dict[str, Path] = field(default_factory=dict)
    # founding verbs that found only as a dated or agent participle ("créée en 1992")
    weak_founding_verbs: frozenset[str] = frozenset()
    # words before an organisation that make it a source, not a side ("selon Le Monde")
    source_words: frozenset[str] = frozenset()
    # Small words the shared components read; the defaults are French, other packs override.
    entity_labels: dict[str, str] = field(default_factory=dict)  # model NER label -> PER/ORG/LOC/MISC
    of_words: frozenset[str] = frozenset({"de", "du", "d'", "des", "d’"})  # "le départ de X"
    possessives: frozenset[str] = frozenset({"son", "sa", "ses", "leur"})   # "sa nomination"
    agent_prepositions: frozenset[str] = frozenset({"par"})  # "nommée par X": X appoints
    list_words: frozenset[str] = frozenset({
        ",", "et", "ou", "encore", "du", "de", "la", "le", "l'", "des", "d'", "celle", "celui",
        "ceux", "celles", "ainsi", "que", "puis", "aussi", "ni", "-", "–"})
    past_adjectives: frozenset[str] = frozenset({"ancien", "ancienne", "ex", "ex-"})
    articles: tuple[str, ...] = ("l'", "l’", "la ", "le ", "les ")  # cut from an org's start
    government_words: frozenset[str] = frozenset({"gouvernement"})
    raising_lemmas: frozenset[str] = frozenset({"lever", "levée"})  # the investee raises
    strong_at_markers: frozenset[tuple[str, ...]] = frozenset({
        ("chez",), ("à", "la", "tête", "de"), ("à", "la", "tête", "du"),
        ("à", "la", "tête", "des"), ("à", "la", "tête", "d'"), ("au", "sein", "de"),
        ("au", "sein", "du"), ("au", "sein", "d'")})
    # "Acme's CFO Jane Doe": a name before one of these and a title is the title's employer
    possessive_markers: frozenset[str] = frozenset()
    # whether a bare surname of a person named in full is tagged as that person where the
    # model missed it (en_core_web_sm often leaves a lone "Porter" untagged)
    tag_surnames: bool = False
    # whether the verb's grammar corrects the NER: the object of "join"/"leave" is an
    # organisation, the subject of a move verb shaped like a name is a person
    repair_by_syntax: bool = False
    # whether a comma between a move verb and an unmarked organisation ends the verb's
    # reach (English clauses: "In finding X was sworn in, the court ruled")
    comma_bounds_clauses: bool = False
    # public titles whose employer is the government of the nationality or country named
    # right before them ("Brazilian finance minister"); "government" in the pack's words
    public_roles: frozenset[str] = frozenset()
    government_name: str = "gouvernement"
    # nationality adjectives written after a public title ("le président chilien"), each
    # form -> its masculine singular: the government is "<government_name> <masculine>"
    nationalities_after_title: dict[str, str] = field(default_factory=dict)
    # common nouns of public bodies that are the employer when a title governs them
    # ("chef d'état-major de la marine", "trésorier du parti", "dirigeant d'une alliance")
    public_body_nouns: frozenset[str] = frozenset()
    # verbs that report a move only with a post announced after their object ("accueillir
    # X comme directeur", not "accueillir un sommet")
    role_bound_verbs: frozenset[str] = frozenset()
    # model components swapped for a cheaper talentflow one doing all that is read of their
    # output (model component name -> talentflow factory); the bare model keeps its own
    replaced_components: dict[str, str] = field(default_factory=dict)
    # legislators' titles: an organisation right before one is the party ("Labour MP X"),
    # a label, not the employer the move is about
    party_member_titles: frozenset[str] = frozenset()
    # first words of party names ("parti", "union"): with them (or as an acronym), an
    # organisation after an elected title is the party ("maire de l'UDC"), not the employer
    party_words: frozenset[str] = frozenset()
    # words that put a departure before an appointment in the same sentence ("X became
    # chair after Y retired", "following Y's exit"): a succession
    sequel_words: frozenset[str] = frozenset()
    # nouns of an office taken or left, written where a title would be ("prend la
    # présidence de X", "nommé à la tête de Y"): the post, in the article's words
    office_nouns: frozenset[str] = frozenset()
    # names of the months and weekdays, in lower case: a date ends an office's name
    calendar_words: frozenset[str] = frozenset()
    # subordinators of a clause that reports a fact whatever governs it: "X had hoped to
    # expand abroad until she was dismissed" (the dismissal happened; "hoped" does not reach it)
    factual_clause_marks: frozenset[str] = frozenset()
    # words after an appointee that send them back to the post they hold ("appointed X to
    # her position"): the employer is the one of their title elsewhere in the article
    own_post_markers: tuple[tuple[str, ...], ...] = ()
    # "submit a resignation (letter)": verbs whose subject files the move noun they take as
    # object, and the documents named after one ("resignation letter") that stay factual
    filing_verbs: frozenset[str] = frozenset()
    # possessives that stand for an organisation ("its chief executive")
    org_possessives: frozenset[str] = frozenset()
    # "said that X would step down": the future of a reported clause is an announcement
    # "A traded X to B": verbs whose active subject gives the player away (the origin) and
    # whose bare preposition names the destination
    # "mayor of the city of X": nouns of territory between a title and its place
    territory_nouns: frozenset[str] = frozenset()
    transfer_verbs: frozenset[str] = frozenset()
    transfer_to_words: frozenset[str] = frozenset()
    reported_future_aux: str = ""
    # pronouns opening a relative clause set off by commas ("X, qui veut ..., quitte Y"):
    # a cue inside it is about that clause, not the move
    relative_pronouns: frozenset[str] = frozenset({"qui", "dont", "lequel", "laquelle",
                                                   "lesquels", "lesquelles"})
    reporting_lemmas: frozenset[str] = frozenset()
    # a known first name then a surname, typed ORG, LOC or MISC, is a person wherever it
    # stands, not only beside a verb of saying or a title (``person_repair``): right when
    # the article's own language is the one of the common words that open organisations'
    # and places' names ("Amber Line" is then written "amber" somewhere), so that the
    # article writing them in lowercase gives them away; French articles quote English
    # names whose words they never write in lowercase
    first_names_alone: bool = False
    document_nouns: frozenset[str] = frozenset()
    # "le club de X": a place after one of these is the team named after it
    team_nouns: frozenset[str] = frozenset()
    # "université de X" tagged as a place: nouns that open an institution's name
    institution_words: frozenset[str] = frozenset()
    # "la présentatrice quitte X": definite articles before a title standing for a person
    definite_articles: frozenset[str] = frozenset({"le", "la", "l'", "l’"})
    # "la société", "le club": nouns that stand for the article's main organisation after
    # one of the determiners (:mod:`talentflow.nlp.org_descriptions`); none: not read
    org_description_nouns: frozenset[str] = frozenset()
    # whether a definite title subject stands for its one holder in a sentence that names
    # someone else too (coref): French CV 0.309 -> 0.316; English 0.478 -> 0.477, precision
    # 0.598 -> 0.593
    title_subject_beside_names: bool = True
    # "ce dernier": the last person named, as a subject (coref; English "the latter"
    # changed no CV move, so the English pack has none)
    latter_words: frozenset[str] = frozenset()
    description_determiners: frozenset[str] = frozenset()
    # "becomes the first X to <verb>" (:mod:`talentflow.nlp.move_cues`): the verbs of the
    # trigger, the ranks that make a record, and the infinitives that are taking up a post
    record_verbs: frozenset[str] = frozenset()
    record_ranks: frozenset[str] = frozenset()
    record_post_verbs: frozenset[str] = frozenset()
    # whether an active departure verb whose object is a thing ("dismisses the charges")
    # is no departure (:func:`talentflow.nlp.move_cues.thing_object_cue`)
    thing_objects: bool = False
    # phrases of a candidacy anywhere in a trigger's sentence (move_cues.candidacy_cue)
    candidacy_phrases: tuple[str, ...] = ()
    # "tells X to resign", "an ultimatum to step down" (move_cues.order_cue)
    order_lemmas: frozenset[str] = frozenset()
    # whether the move model reads who appoints (:mod:`talentflow.nlp.appointers`)
    appointer_cues: bool = False


_PACK_MODULES = {"fr": "talentflow.nlp.lang.fr", "en": "talentflow.nlp.lang.en"}


def supported_languages() -> tuple[str, ...]:
    return tuple(_PACK_MODULES)


@lru_cache(maxsize=None)
def get_pack(lang: str) -> LanguagePack:
    module = _PACK_MODULES.get(lang)
    if module is None:
        raise UnsupportedLanguageError(
            f"no extraction pack for language {lang!r}",
            hint=f"supported languages: {', '.join(supported_languages())}")
    try:
        return importlib.import_module(module).PACK
    except ImportError as error:  # a registered pack whose module is missing or broken
        raise UnsupportedLanguageError(f"the {lang!r} extraction pack cannot be loaded: {error}",
                                       hint="reinstall talentflow (pip install -e .)") from error


def read_lines(path: Path) -> list[str]:
    """Entries of a one-per-line data file; '#' starts a comment."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return entries

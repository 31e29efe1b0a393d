"""Direct quotes and their speakers, on invented French and English articles.

Every quote's evidence is checked to be exactly the quoted words: the text between its
offsets, without marks or attribution."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from talentflow.core import Article, Extraction
from talentflow.nlp import extract
from talentflow.nlp.quote_names import is_name, name_forms, tidy
from talentflow.nlp.quotes import quoted_spans

SEED = Path(__file__).resolve().parents[3] / "shared" / "bench" / "seed.articles.jsonl"


def run(text: str, lang: str) -> Extraction:
    return extract(Article(id="q", text=text, lang=lang, date="2024-06-15"))


def said(text: str, extraction: Extraction) -> list[tuple[str, str]]:
    """(speaker, quoted words) of each quote, after checking its offsets."""
    out = []
    for quote in extraction.quotes:
        ev = quote.evidence
        assert text[ev.start:ev.end] == ev.text
        assert ev.text == ev.text.strip() and ev.text[0] not in "«“\"—–" \
            and ev.text[-1] not in "»”\""
        out.append((quote.speaker, ev.text))
    return out


@pytest.mark.usefixtures("fr_nlp")
class TestFrench:
    def test_guillemets_after_the_attribution_and_a_pronoun_later(self):
        text = ("Hélène Marchetti a quitté la société Valbrume en mars. Hélène Marchetti a "
                "expliqué : « Je voulais retrouver le terrain et diriger une petite équipe. »\n"
                "« Le moment était venu de tourner la page après dix ans », a-t-elle ajouté.")
        quotes = said(text, run(text, "fr"))
        assert quotes == [
            ("Hélène Marchetti", "Je voulais retrouver le terrain et diriger une petite équipe."),
            ("Hélène Marchetti", "Le moment était venu de tourner la page après dix ans")]

    def test_a_quote_split_around_its_attribution_is_two_quotes(self):
        text = ("Le chercheur Octave Lemarchand rejoint le laboratoire Brisetoile.\n"
                "« Je cherchais un endroit où publier librement mes travaux », a déclaré "
                "Octave Lemarchand, « et cette équipe me laisse enfin le temps de le faire ». ")
        quotes = said(text, run(text, "fr"))
        assert [q[0] for q in quotes] == ["Octave Lemarchand", "Octave Lemarchand"]
        assert quotes[1][1] == "et cette équipe me laisse enfin le temps de le faire"

    def test_a_surname_after_a_particle_is_not_cut_at_a_title_word(self):
        # "Maire" is a title, but after "Le" it is the surname's end
        text = ("« Nous allons rouvrir les ateliers de la vallée dès le printemps », assure "
                "Corentin Le Maire.")
        assert said(text, run(text, "fr")) == [
            ("Corentin Le Maire",
             "Nous allons rouvrir les ateliers de la vallée dès le printemps")]

    def test_english_marks_in_a_french_article_and_ce_dernier(self):
        text = ("Bastien Roucayrol a été nommé directeur de la fondation Lumenor. Ce dernier "
                "a confié : “Je suis fier de rejoindre une maison aussi ancienne que celle-ci.”")
        assert said(text, run(text, "fr")) == [
            ("Bastien Roucayrol", "Je suis fier de rejoindre une maison aussi ancienne que celle-ci.")]

    def test_interview_dashes(self):
        text = ("Entretien avec Maëlle Kerjean, nouvelle présidente du club de Port-Aven.\n"
                "— Pourquoi avez-vous accepté ce poste ?\n"
                "— Parce que ce club m'a tout appris et que je veux le lui rendre.\n")
        quotes = said(text, run(text, "fr"))
        assert quotes == [("Maëlle Kerjean",
                           "Parce que ce club m'a tout appris et que je veux le lui rendre.")]

    def test_block_quote_over_its_attribution_line(self):
        text = ("Gaspard Oudinot a quitté la société Tirelune en janvier.\n"
                "J'ai décidé de partir pour écrire enfin mes propres livres, à mon rythme et "
                "loin des bureaux.\n"
                "Gaspard Oudinot, à propos de son départ\n"
                "La maison n'a pas encore nommé de successeur.")
        extraction = run(text, "fr")
        quotes = said(text, extraction)
        assert quotes == [("Gaspard Oudinot", "J'ai décidé de partir pour écrire enfin mes "
                           "propres livres, à mon rythme et loin des bureaux.")]
        move = extraction.quotes[0].move
        assert move is not None and extraction.moves[move].person == "Gaspard Oudinot"

    def test_a_quote_running_over_lines_is_read_up_to_its_closing_mark(self):
        text = ("Armelle Quintard quitte la direction de la coopérative Blé d'Ocre.\n"
                "« Je pars avec le sentiment du devoir accompli.\n"
                "La relève est prête et je la connais depuis longtemps », a-t-elle ajouté.")
        assert said(text, run(text, "fr")) == [(
            "Armelle Quintard", "Je pars avec le sentiment du devoir accompli.\nLa relève "
            "est prête et je la connais depuis longtemps")]

    def test_a_title_point_does_not_end_the_attribution(self):
        text = ("Firmin Valcourt dirige désormais la régie des eaux de Montbrac.\n"
                "\"Nous allons refaire tout le réseau avant la fin de la décennie\" dit "
                "M. Valcourt.")
        assert said(text, run(text, "fr")) == [
            ("Firmin Valcourt", "Nous allons refaire tout le réseau avant la fin de la décennie")]

    def test_any_verb_with_an_inverted_pronoun_attributes_the_quote(self):
        text = ("Le défenseur Ronan Kerbrat a été recruté par le club de Penhoët.\n"
                "« Je n'ai jamais voulu jouer ailleurs que sur cette côte », s'est-il "
                "emporté devant la presse.")
        assert said(text, run(text, "fr")) == [
            ("Ronan Kerbrat", "Je n'ai jamais voulu jouer ailleurs que sur cette côte")]

    def test_a_short_title_and_a_scare_quote_before_the_words(self):
        text = ("Le conseiller municipal Yves Pelardon a rejoint l'opposition de Sarlieu. "
                "Yves Pelardon dénonce des « manœuvres grossières » et assure que « personne "
                "ne lui fera quitter ce conseil avant la fin du mandat ».\n"
                "« Je resterai fidèle à mes électeurs jusqu'au bout », affirme l'élu.")
        assert said(text, run(text, "fr")) == [
            ("Yves Pelardon", "personne ne lui fera quitter ce conseil avant la fin du mandat"),
            ("Yves Pelardon", "Je resterai fidèle à mes électeurs jusqu'au bout")]

    def test_quotes_in_a_row_take_the_speaker_named_after_the_last(self):
        text = ("Orlane Bessières prend la tête du festival de Vauclin.\n\n"
                "« Le public attend autre chose qu'une simple affiche. » « Nous allons "
                "inviter des troupes venues de toute la région », a promis Orlane Bessières.")
        assert [q[0] for q in said(text, run(text, "fr"))] == ["Orlane Bessières"] * 2

    def test_a_quote_standing_alone_after_the_paragraph_presenting_its_speaker(self):
        text = ("Le maire de Kerhir a inauguré la nouvelle médiathèque samedi.\n\n"
                "Gwendal Trémeur, président de l'association des lecteurs, a proposé que "
                "la commune ouvre aussi le dimanche.\n\n"
                "« Nous demandons simplement que les familles puissent venir le week-end. »")
        assert said(text, run(text, "fr")) == [
            ("Gwendal Trémeur",
             "Nous demandons simplement que les familles puissent venir le week-end.")]

    def test_elle_is_not_the_man_named_last(self):
        text = ("Mme Solène Varangot a été élue à la tête du syndicat de Lormes, où elle "
                "succède à Basile Fontrieu.\n"
                "« Je veux d'abord écouter tous les adhérents du syndicat », a-t-elle dit.")
        assert said(text, run(text, "fr")) == [
            ("Solène Varangot", "Je veux d'abord écouter tous les adhérents du syndicat")]

    def test_a_press_office_is_not_a_title_for_the_person_named_last(self):
        text = ("Le chanteur Loïc Armangal a été hospitalisé lundi à Vernois.\n"
                "Il a été « placé sous surveillance pour quelques jours par précaution », "
                "a indiqué le service de presse.")
        assert said(text, run(text, "fr")) == []

    def test_a_pronoun_after_the_names_speaks(self):
        text = ("L'avocate a réclamé la fin des poursuites. Rappelant que M. Maximin Grollier "
                "attend depuis des années, elle a ajouté : « Personne ici ne peut dire que "
                "cette procédure a été juste. »")
        assert said(text, run(text, "fr")) == []

    def test_an_interview_answer_runs_to_the_next_question_without_the_initials(self):
        text = ("Rencontre avec Téodor Vasselin, le bassiste du groupe Lanterne.\n\n"
                "Comment avez-vous composé ce nouvel album ?\n\n"
                "T.V. : Nous avons tout écrit pendant l'hiver, dans une ferme isolée.\n\n"
                "Personne ne nous dérangeait et nous avons beaucoup joué ensemble.\n\n"
                "Allez-vous partir en tournée cet été ?\n\n"
                "Oui, nous jouerons dans une vingtaine de villes avant la rentrée.\n\n"
                "La tournée débute en juin.")
        quotes = said(text, run(text, "fr"))
        assert quotes[0] == ("Téodor Vasselin", "Nous avons tout écrit pendant l'hiver, "
                             "dans une ferme isolée.\n\nPersonne ne nous dérangeait et nous "
                             "avons beaucoup joué ensemble.")
        assert quotes[1] == ("Téodor Vasselin",
                             "Oui, nous jouerons dans une vingtaine de villes avant la rentrée.")

    def test_in_an_interview_questions_not_put_to_anyone_have_answers_too(self):
        text = ("Entretien avec Maëlys Kerbrat, directrice du port de Tréhonnec.\n\n"
                "Quel bilan faites-vous de la saison ?\n\n"
                "Nous avons accueilli deux fois plus de bateaux que l'an dernier.\n\n"
                "Le nouveau quai a-t-il changé la donne ?\n\n"
                "Oui, les voiliers de passage restent désormais plusieurs nuits.\n\n"
                "La digue sera-t-elle rénovée ?\n\n"
                "Les travaux commenceront en octobre et dureront tout l'hiver.\n\n"
                "Et les pêcheurs ?\n\n"
                "Ils garderont leur bassin, nous leur avons promis dès le départ.\n\n"
                "Le port rouvrira en avril.")
        quotes = said(text, run(text, "fr"))
        assert [q[1] for q in quotes] == [
            "Nous avons accueilli deux fois plus de bateaux que l'an dernier.",
            "Oui, les voiliers de passage restent désormais plusieurs nuits.",
            "Les travaux commenceront en octobre et dureront tout l'hiver.",
            "Ils garderont leur bassin, nous leur avons promis dès le départ."]
        assert {q[0] for q in quotes} == {"Maëlys Kerbrat"}
        # an article asking questions nobody answers as an interviewee is no interview
        headings = ("Le port de Tréhonnec a-t-il trop grandi ?\n\nLes chiffres le disent.\n\n"
                    "La digue tiendra-t-elle ?\n\nLes ingénieurs en doutent.\n\n"
                    "Et après ?\n\nLa mairie décidera.\n\nQui paiera ?\n\nPersonne ne sait.")
        assert said(headings, run(headings, "fr")) == []

    def test_a_phrase_worked_into_a_sentence_about_someone_else_is_not_a_continuation(self):
        text = ("« Nous allons rouvrir la piscine dès le mois de mai », a annoncé Corentin "
                "Lagarde, maire de Sauvelin.\n\nLes travaux dureront tout l'hiver.\n\n"
                "L'association des riverains a exhorté le conseil à « revoir entièrement le "
                "projet de parking souterrain ».")
        assert [q[0] for q in said(text, run(text, "fr"))] == ["Corentin Lagarde"]

    def test_a_verb_right_after_the_marks_then_the_title_and_the_name(self):
        text = ("Le laboratoire Ombrelis a publié ses résultats mardi.\n"
                "« Ce document remet en cause tout ce que nous savions jusqu'ici », a réagi "
                "le président de l'association des riverains, Gaétan Morvillier.")
        assert said(text, run(text, "fr")) == [
            ("Gaétan Morvillier", "Ce document remet en cause tout ce que nous savions jusqu'ici")]

    def test_a_quote_whose_source_lost_one_mark_ends_at_its_attribution(self):
        lost_closer = ("Clémence Ardouin dirige la coopérative de Saint-Méloir depuis mars.\n\n"
                       "\"Nous avons doublé nos ventes de pommes cet hiver, a-t-elle précisé. "
                       "Les clients reviennent.")
        assert said(lost_closer, run(lost_closer, "fr")) == [
            ("Clémence Ardouin", "Nous avons doublé nos ventes de pommes cet hiver")]
        lost_opener = ("Clémence Ardouin dirige la coopérative de Saint-Méloir depuis mars.\n\n"
                       "Nous allons ouvrir une deuxième boutique au printemps,\" a déclaré "
                       "Clémence Ardouin.")
        assert said(lost_opener, run(lost_opener, "fr")) == [
            ("Clémence Ardouin", "Nous allons ouvrir une deuxième boutique au printemps")]
        # with no mark at all, the same words may be the writer's indirect speech
        no_mark = lost_opener.replace('"', "")
        assert said(no_mark, run(no_mark, "fr")) == []

    def test_short_indirect_unnamed_and_institutional_words_are_not_quotes(self):
        text = ("Lucien Ferrandi a qualifié la décision de « pure folie ». Il a dit qu'il "
                "regrettait profondément le départ de toute son équipe.\n"
                "« Nous ne ferons aucun commentaire sur ce dossier pour le moment », a indiqué "
                "un porte-parole.\n"
                "« La société poursuivra son développement comme prévu cette année », précise "
                "le communiqué de Verdanne.")
        assert said(text, run(text, "fr")) == []


@pytest.mark.usefixtures("en_nlp")
class TestEnglish:
    def test_curly_and_straight_marks_with_said(self):
        text = ("Priya Ventakam left the Orland Institute in May. “I wanted to build something "
                "of my own from scratch,” Priya Ventakam said.\n"
                '"It was the hardest decision of my career so far," she added.')
        quotes = said(text, run(text, "en"))
        assert quotes == [
            ("Priya Ventakam", "I wanted to build something of my own from scratch,"),
            ("Priya Ventakam", "It was the hardest decision of my career so far,")]

    def test_split_quote_and_the_latter(self):
        text = ("Marcus Odell replaced Tobias Wren at Kestrel Labs. The latter said: \"I leave "
                "a team in excellent shape behind me.\"\n"
                "\"This company gave me everything,\" Tobias Wren said, \"and I will miss "
                "every single person here.\"")
        quotes = said(text, run(text, "en"))
        assert [q[0] for q in quotes] == ["Tobias Wren"] * 3
        assert quotes[2][1] == "and I will miss every single person here."

    def test_interview_dashes_and_block_quote(self):
        text = ("An interview with Corinne Blackwood, the new chief executive of Tallis Foods.\n"
                "– Why did you say yes to this job?\n"
                "– Because I believe this company can feed a whole region again.\n")
        assert said(text, run(text, "en")) == [
            ("Corinne Blackwood", "Because I believe this company can feed a whole region again.")]
        text = ("Dorian Fielding joined the Marlow Trust in April.\n"
                "My years in banking taught me what I want to protect, and this is where I can "
                "do it.\n"
                "Dorian Fielding, on joining the trust\n")
        assert said(text, run(text, "en")) == [
            ("Dorian Fielding", "My years in banking taught me what I want to protect, and "
             "this is where I can do it.")]

    def test_a_closing_mark_set_against_the_next_word_and_lines_inside_a_quote(self):
        text = ("Wendell Marsh, who runs the ferry service at Coldharbor, saw it happen.\n"
                '"It was not the usual noise you hear at night.\n'
                'You could tell something was badly wrong, "Marsh told reporters.')
        assert said(text, run(text, "en")) == [(
            "Wendell Marsh", "It was not the usual noise you hear at night.\nYou could tell "
            "something was badly wrong,")]

    def test_she_said_is_not_the_man_named_last(self):
        text = ("Ms. Ingrid Halvorsen takes over the Pellston Museum from Mr. Oscar Brandt, "
                "who retires.\n"
                '"I want the museum to open its doors to every school," she said.')
        assert said(text, run(text, "en")) == [
            ("Ingrid Halvorsen", "I want the museum to open its doors to every school,")]

    def test_the_person_spoken_to_is_not_the_speaker(self):
        text = ("Dr. Miriam Oakes ran the only clinic in Harlow County for a decade.\n"
                '"The people here are proud and they work hard every single day," she told '
                "reporter Dale Fenwick.")
        assert said(text, run(text, "en")) == [
            ("Miriam Oakes", "The people here are proud and they work hard every single day,")]

    def test_a_phrase_borrowed_in_a_sentence_about_doing_is_not_a_quote(self):
        text = ("Within weeks, Harold Penmore steered the paper toward \"a sprawling "
                "campaign of political spying\" run from the capital.")
        assert said(text, run(text, "en")) == []

    def test_transcript_turns_labelled_with_the_speaker_s_name(self):
        text = ("An interview with Rosalind Achterberg about repairable machines.\n\n"
                "((Interviewer))  Why should owners be allowed to fix their tractors?\n\n"
                "((Rosalind Achterberg))  Because whoever buys a machine should be free to "
                "change it as they wish.\n")
        assert said(text, run(text, "en")) == [
            ("Rosalind Achterberg", "Because whoever buys a machine should be free to change "
             "it as they wish.")]

    def test_indirect_unnamed_and_short_are_not_quotes(self):
        text = ("Nadia Holloway said that she would leave the board of Crestline next year.\n"
                "\"We do not comment on personnel matters at all,\" a spokesperson said.\n"
                "Holloway called the plan \"a bold move\".")
        assert said(text, run(text, "en")) == []


@pytest.mark.parametrize("text", [
    "« Une ouverture sans fin pour voir ce que devient le texte après",
    "Il a dit » puis « encore et encore sans jamais fermer la marque",
    "« Dehors “ dedans » et plus loin ” encore quelques mots de prose ici",
    'He said "one "two" three" and then "four five six seven eight',
    "Texte \"avec l\"apostrophe\" et \"une citation qui ne ferme jamais",
    "»»«« “” \"\" „",
])
def test_unbalanced_or_nested_marks_never_invent_a_quote_and_never_crash(text):
    for start, end, *_ in quoted_spans(text):
        inside = text[start:end]
        # whatever is kept lies between a real pair of marks
        assert text[:start].rstrip()[-1:] in "«“„\"" and text[end:].lstrip()[:1] in "»”“\""
        assert "\n" not in inside


def test_nested_marks_stay_inside_the_outer_quote():
    text = "« Il m'a dit “ne pars pas” et je suis resté encore un an », raconte-t-il."
    assert [text[s:e] for s, e, *_ in quoted_spans(text)] == [
        "Il m'a dit “ne pars pas” et je suis resté encore un an"]


def _spans(text: str) -> list[str]:
    return [text[s:e] for s, e, *_ in quoted_spans(text)]


def test_spaced_straight_marks_opening_a_line_and_a_closer_before_a_comma():
    # a spaced opener at a line's start opens; a mark before a comma only closes
    text = ("Le cabinet Norvalis a publié ses chiffres.\n"
            "\" Les commandes ont doublé depuis le printemps dernier \", indique-t-il. "
            "Nous ouvrirons deux ateliers à l'automne \", a-t-il ajouté. "
            "Le site compte \" une bonne cinquantaine d'ouvriers qualifiés \" désormais. "
            "Le directeur réplique :\" Tout dépendra des carnets de commandes \".")
    assert _spans(text) == ["Les commandes ont doublé depuis le printemps dernier",
                            "une bonne cinquantaine d'ouvriers qualifiés",
                            "Tout dépendra des carnets de commandes"]


def test_sentences_each_opening_with_a_straight_mark_whose_closers_were_lost():
    text = ('"Nous avons signé le bail du nouvel entrepôt. "Les premiers camions partiront '
            'en mai. "Il faudra recruter une vingtaine de chauffeurs", a-t-elle dit.')
    assert _spans(text) == ["Nous avons signé le bail du nouvel entrepôt.",
                            "Les premiers camions partiront en mai.",
                            "Il faudra recruter une vingtaine de chauffeurs"]


def test_a_lost_opener_in_a_paragraph_of_several_quotes_ends_at_its_attribution():
    from talentflow.nlp.quote_spans import unclosed_quotes
    text = ('Le maire a présenté le budget. "Les travaux du pont commenceront en juin", '
            'a-t-il dit. Nous avons trouvé les financements nécessaires pour le chantier", '
            'poursuit Armand Delorge. Le conseil votera "dans les prochains jours".')
    taken = quoted_spans(text)
    assert [text[s:e] for s, e, *_ in unclosed_quotes(text, taken, "fr")] == [
        "Nous avons trouvé les financements nécessaires pour le chantier"]


def test_dash_answers_run_over_paragraphs_and_keep_their_short_quotes():
    from talentflow.nlp.quote_spans import dash_answers, inside_answers
    text = ("- Les débuts -\n"
            "- Comment est né l'atelier ?\n"
            "- Nous avions trois \"machines\" et un hangar prêté par mon oncle.\n"
            "Les commandes sont arrivées très vite, dès le premier hiver.\n"
            "- Et aujourd'hui ?\n"
            "- Nous livrons dans toute la région.")
    taken = quoted_spans(text)
    spans = inside_answers(taken + dash_answers(text, taken))
    assert [text[s:e] for s, e, *_ in spans] == [
        "Nous avions trois \"machines\" et un hangar prêté par mon oncle.\n"
        "Les commandes sont arrivées très vite, dès le premier hiver.",
        "Nous livrons dans toute la région."]


def test_an_interview_of_third_party_questions_with_first_person_answers():
    from talentflow.nlp.quote_spans import interview_answers
    qa = [("La région a-t-elle assez investi ?", "Je pense que non, nos routes le montrent."),
          ("Le budget suivra-t-il ?", "Nous le saurons en mars, je reste prudent."),
          ("Les maires sont-ils d'accord ?", "La plupart, oui, je les ai tous rencontrés."),
          ("Et l'État ?", "Il a promis une aide, nous attendons encore les montants."),
          ("Quelle suite ?", "Un vote au printemps.")]
    text = "\n\n".join(f"{q}\n\n{a}" for q, a in qa)
    assert [text[s:e] for s, e, *_ in interview_answers(text, [], "fr")] == [
        a for _q, a in qa[:-1]] + ["Un vote au printemps."]
    # the same questions answered in the writer's voice: an explainer, not an interview
    plain = "\n\n".join(f"{q}\n\nLes chiffres restent à publier." for q, _a in qa)
    assert interview_answers(plain, [], "fr") == []


@pytest.mark.parametrize("lang,text,words", [
    ("fr", "Le chef de chantier a déclaré : « Nous finirons la charpente avant les "
           "premières gelées.\n\nLe toit suivra.",
     "Nous finirons la charpente avant les premières gelées."),
    ("fr", "La réunion a duré deux heures.\n\nNous reprendrons les essais dès lundi "
           "matin » a-t-il déclaré.",
     "Nous reprendrons les essais dès lundi matin"),
    ("en", "The coach told the players:\n\n\"We will train twice a day until the final.\n\n"
           "The club confirmed it.",
     "We will train twice a day until the final."),
])
def test_a_lone_mark_introduced_by_a_colon_or_closing_the_paragraph(lang, text, words):
    from talentflow.nlp.quote_spans import unclosed_quotes
    assert [text[s:e] for s, e, *_ in unclosed_quotes(text, quoted_spans(text), lang)] == [
        words]


def test_a_quoted_subheading_alone_on_its_line_is_not_a_quote():
    from talentflow.nlp.quote_spans import is_heading
    text = ("Le maire a présenté son plan.\n\n\"Nous garderons les trois écoles du bourg\"\n\n"
            "\"Nous garderons les trois écoles du bourg.\" a-t-il promis.\n\n"
            "\"il faudra aussi rouvrir la cantine du haut\"\n")
    spans = [(s, e) for s, e, *_ in quoted_spans(text)]
    assert [is_heading(text, s, e) for s, e in spans] == [True, False, False]


def test_one_closer_written_for_a_nested_quote_and_its_outer_quote():
    text = ("« Le nouveau directeur saura défendre la devise « Servir d'abord », a commenté "
            "Lucie Ferrand. La suite est connue.")
    assert _spans(text) == ["Le nouveau directeur saura défendre la devise « Servir d'abord"]


@pytest.mark.skipif(not SEED.exists(), reason="no ../shared/bench seed")
def test_seed_quotes_are_the_movers_words_linked_to_their_moves(fr_nlp):
    record = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    extraction = extract(Article(id=record["id"], text=record["text"], lang=record["lang"],
                                 date=record.get("date")))
    quotes = said(record["text"], extraction)
    assert [q[0] for q in quotes] == ["John Schulman", "Durk Kingma"]
    linked = [extraction.moves[q.move] for q in extraction.quotes]
    assert (linked[0].person, linked[0].from_org) == ("John Schulman", "OpenAI")
    assert (linked[1].person, linked[1].to_org) == ("Durk Kingma", "Anthropic")


def test_speaker_names_are_tidied_from_the_article_s_own_forms():
    text = ("Sheriff Nolan Bradwick spoke first. Nolan Bradwick then left. Later Bradwick "
            "returned with Dr. Ilse Vantongeren. The Vantongeren Cast was there too.")
    persons = [(0, 22, "Sheriff Nolan Bradwick"), (35, 49, "Nolan Bradwick"),
               (106, 122, "Ilse Vantongeren"), (128, 144, "Vantongeren Cast")]
    forms = name_forms(text, persons)
    assert tidy("Sheriff Nolan Bradwick", forms, text) == "Nolan Bradwick"
    assert tidy("Bradwick", forms, text) == "Nolan Bradwick"
    assert tidy("Ilse\u00a0Vantongeren", forms, text) == "Ilse Vantongeren"
    # a surname the NER only tagged alone, made whole from the text
    assert tidy("Pellerin", forms, "Anouk Pellerin a parlé, et Pellerin est partie.") == \
        "Anouk Pellerin"


def test_a_capitalised_word_glued_before_a_first_name_is_dropped_not_an_initial():
    text = "« Nous verrons », ajoute pour Radiox Julie Vantorre, du cabinet Orbel."
    forms = name_forms(text, [(34, 54, "Radiox Julie Vantorre")])
    assert tidy("Radiox Julie Vantorre", forms, text) == "Julie Vantorre"
    text = "« Nous verrons », ajoute J. Julie Vantorre."
    assert tidy("J. Julie Vantorre", name_forms(text, []), text) == "J. Julie Vantorre"


def test_a_first_name_alone_takes_the_full_name_spelt_two_ways():
    text = ("Anouk Belvar Tessier a parlé. Anouk Belvar Tessier est partie. "
            "Anouk Belvar Tesier reviendra, dit Anouk.")
    persons = [(0, 20, "Anouk Belvar Tessier"), (30, 50, "Anouk Belvar Tessier"),
               (62, 81, "Anouk Belvar Tesier")]
    assert tidy("Anouk", name_forms(text, persons), text) == "Anouk Belvar Tessier"


def test_glued_words_and_spelling_variants_give_way_to_the_article_s_own_name():
    text = ("The Brannock Players Cast met Odile Fenwarth. Odile Fenwarth spoke, and the cast "
            "cheered. Herrold Quimby Jr. and Herrold Quimby arrived. Stockbreeder Anselm Varga "
            "Lutz came too, as every stockbreeder did. Anselm Varga Lutz said hello. Later "
            "Priska Moll Odile Fenwarth left; Odile Fenwarth had won. Talia Brevik, also "
            "written Tallia Brevik in one place, and Talia Brevik again, answered Brevik.")
    names = ("Brannock Players Cast", "Herrold Quimby Jr.", "Stockbreeder Anselm Varga Lutz",
             "Anselm Varga Lutz", "Priska Moll Odile Fenwarth", "Tallia Brevik")
    persons = [(m.start(), m.end(), m.group()) for name in names
               for m in re.finditer(re.escape(name), text)]
    # the plain forms wherever they are not part of a longer mention
    persons += [(m.start(), m.end(), m.group()) for name in
                ("Odile Fenwarth", "Herrold Quimby", "Talia Brevik")
                for m in re.finditer(re.escape(name) + r"(?![ \w.]*Jr)", text)
                if not any(s <= m.start() < e for s, e, _n in persons)]
    forms = name_forms(text, sorted(persons))
    # a generation's suffix after a name the article also writes without it
    assert tidy("Herrold Quimby Jr.", forms, text) == "Herrold Quimby"
    # a common noun glued before the name: the article writes it in lowercase too
    assert tidy("Stockbreeder Anselm Varga Lutz", forms, text) == "Anselm Varga Lutz"
    # two names glued once, the second one written on and on
    assert tidy("Priska Moll Odile Fenwarth", forms, text) == "Odile Fenwarth"
    # a surname whose full forms differ past the first initial: the most written one
    assert tidy("Brevik", forms, text) == "Talia Brevik"
    # titles of address a name opens with
    assert tidy("Constable Rudi Vance", forms, text) == "Rudi Vance"
    assert tidy("Señora Ana Quiroga", forms, text) == "Ana Quiroga"


def test_a_lone_common_word_or_title_is_not_a_name():
    text = "La République a parlé : la république est en deuil, dit le Président."
    assert not is_name("République", text)
    assert not is_name("Président")
    assert is_name("Ilse Vantongeren", text)

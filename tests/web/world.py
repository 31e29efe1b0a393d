"""Invented articles for the web tests, stored with hand-built extractions.

One article is hostile: its title, text and names carry markup and scripts, so the
API, the page and the report can be checked to show them literally and run nothing.
"""
from __future__ import annotations

from pathlib import Path

from talentflow.core import Article, Evidence, Extraction, Founding, Investment, Move

SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "bench" / "seed.articles.jsonl"

HOSTILE_ID = "en-hostile-4"
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='title'\">Brightwell <b>hires</b>"
HOSTILE_SCRIPT = "<script>window.__pwned = 'text';</script>"
HOSTILE_TEXT = (f"Breaking {HOSTILE_SCRIPT} news from the City. Nora Quist leaves Quill "
                "Systems to join Brightwell Bank as <b>head of risk</b> in June 2024. "
                "The bank confirmed it on <img src=x onerror=\"window.__pwned='img'\">"
                "Monday. </script><script>window.__pwned = 'closed';</script> End.")
HOSTILE_SENTENCE = ("Nora Quist leaves Quill Systems to join Brightwell Bank as <b>head of "
                    "risk</b> in June 2024.")


def _span(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence.of(text, start, start + len(sentence))


def _move(text: str, sentence: str, person: str, from_org: str | None, to_org: str | None,
          role: str | None, date: str | None) -> Move:
    return Move(person, from_org, to_org, role, date, _span(text, sentence), 0.7)


def web_articles() -> list[tuple[Article, Extraction]]:
    items = []
    text = ("Harbor Analytics keeps hiring. Marta Vidal left Quill Systems to join Harbor "
            "Analytics as chief technology officer in March 2023. Teodor Lind moved from "
            "Harbor Analytics to Brightwell Bank in May 2023 as head of data.")
    s1 = ("Marta Vidal left Quill Systems to join Harbor Analytics as chief technology "
          "officer in March 2023.")
    s2 = "Teodor Lind moved from Harbor Analytics to Brightwell Bank in May 2023 as head of data."
    items.append((Article("en-harbor-1", text, lang="en", date="2023-06-02",
                          title="Harbor Analytics keeps hiring",
                          url="https://news.example.test/harbor", source="tests:harbor"),
                  Extraction("en-harbor-1", "en", moves=(
                      _move(text, s1, "Marta Vidal", "Quill Systems", "Harbor Analytics",
                            "chief technology officer", "2023-03"),
                      _move(text, s2, "Teodor Lind", "Harbor Analytics", "Brightwell Bank",
                            "head of data", "2023-05")))))
    text = ("Paul Girard quitte Quill Systems pour rejoindre Harbor Analytics en février 2024. "
            "Harbor Analytics a été fondée par Marta Vidal en 2012.")
    s3 = "Paul Girard quitte Quill Systems pour rejoindre Harbor Analytics en février 2024."
    s4 = "Harbor Analytics a été fondée par Marta Vidal en 2012."
    items.append((Article("fr-harbor-2", text, lang="fr", date="2024-02-20",
                          title="Paul Girard chez Harbor Analytics", source="tests:girard"),
                  Extraction("fr-harbor-2", "fr", moves=(
                      _move(text, s3, "Paul Girard", "Quill Systems", "Harbor Analytics", None,
                            "2024-02"),),
                      foundings=(Founding("Harbor Analytics", ("Marta Vidal",), "2012",
                                          _span(text, s4), 0.7),))))
    text = "Ada Brandt has left Quill Systems, the company said."
    items.append((Article("en-quill-3", text, lang="en", date=None, title="Quill departure",
                          source="tests:brandt"),
                  Extraction("en-quill-3", "en", moves=(
                      _move(text, text, "Ada Brandt", "Quill Systems", None, None, None),))))
    items.append((Article(HOSTILE_ID, HOSTILE_TEXT, lang="en", date="2024-06-10",
                          title=HOSTILE_TITLE, url="javascript:window.__pwned='url'",
                          source="tests:hostile"),
                  Extraction(HOSTILE_ID, "en", moves=(
                      _move(HOSTILE_TEXT, HOSTILE_SENTENCE, "Nora Quist", "Quill Systems",
                            "Brightwell Bank", "<b>head of risk</b>", "2024-06"),))))
    return items


def fill(store) -> None:
    for article, extraction in web_articles():
        store.add_article(article, extraction)


# A second store for the page's layout and charts: organisation names with markup (shown
# literally everywhere) and one long enough to widen a careless layout, flows with both
# sides known, with one side unknown and with neither, an undated move, and people and
# organisations reached only through a founding or an investment.
MARKUP_ORG = '<b>Bold</b> Labs<br><a href="https://attacker.example/">win</a>'
LONG_ORG = "Transcontinentalwidgetmanufacturingconsolidated Holdings International"
MARKUP_SENTENCES = {
    "iris": f"Iris Vale left {MARKUP_ORG} to join {LONG_ORG} in April 2023.",
    "omar": f"Omar Finch also swapped {MARKUP_ORG} for {LONG_ORG} in 2024.",
    "lea": f"Lea Stone joined {LONG_ORG} in March 2019.",
    "ben": f"Ben Holt has left {LONG_ORG}.",
    "tova": "Tova Marsh went from Pellucid Works to Pellucid Works Research in 2012.",
    "cora": "Glasswing Labs was founded by Cora Field in 2015.",
    "fund": "Umber Capital invested 4 million euros in Glasswing Labs in 2021.",
}


def markup_articles() -> list[tuple[Article, Extraction]]:
    text = " ".join(MARKUP_SENTENCES.values())
    say = MARKUP_SENTENCES
    moves = (
        _move(text, say["iris"], "Iris Vale", MARKUP_ORG, LONG_ORG, "engineer", "2023-04"),
        _move(text, say["omar"], "Omar Finch", MARKUP_ORG, LONG_ORG, None, "2024"),
        _move(text, say["lea"], "Lea Stone", None, LONG_ORG, None, "2019-03"),
        _move(text, say["ben"], "Ben Holt", LONG_ORG, None, None, None),
        _move(text, say["tova"], "Tova Marsh", "Pellucid Works", "Pellucid Works Research",
              None, "2012"),
    )
    return [(Article("en-markup-1", text, lang="en", date="2024-06-01",
                     title="Names with <i>markup</i>", source="tests:markup"),
             Extraction("en-markup-1", "en", moves=moves,
                        foundings=(Founding("Glasswing Labs", ("Cora Field",), "2015",
                                            _span(text, say["cora"]), 0.7),),
                        investments=(Investment("Umber Capital", "Glasswing Labs", 4e6, "EUR",
                                                "2021", _span(text, say["fund"]), 0.7),)))]


def fill_markup(store) -> None:
    for article, extraction in markup_articles():
        store.add_article(article, extraction)

"""Extraction time against article length (a script, not a test).

Builds one long article per length from invented sentences (people, organisations and
titles made up here, in the shapes news uses: appointments, departures, titles next to
names, quotes attributed before or after them or through a pronoun, interview answers
after dashes), runs it through the pipeline the way ``talentflow.nlp.extract`` does
(pieces of ``CHUNK_CHARS`` when over the model's ``max_length``) and prints, per length,
the total time, the time per 10k characters (flat when cost is linear), peak memory, the
facts and quotes found, and each component's share: the tokenizer, every pipeline
component, and ``doc_to_extraction``. Shares and per-10k figures are CPU time, steady on a
busy machine where wall time is not.

Last measure (2 cores shared with other jobs; CPU seconds, wall in brackets):

    length   fr                   en
    50k       1.8 s  (1.9 s)       1.6 s  (1.7 s)
    200k      8.9 s  (9.0 s)      13.5 s (13.7 s)
    800k     34.7 s (35.4 s)      50.0 s (50.9 s)   200k -> 800k: CPU x3.9 fr, x3.7 en

Before the quotes' rule look-ups were made local, the quotes component alone took 83.2 s
CPU of 129.3 at 800k in French and 84.4 s of 142.4 in English (now 1.0 s and 1.4 s, 0.011
to 0.017 s/10k at every length). Before the per-entity scans were made local, 800k (of
the earlier quote-less article) took 66 s CPU in French and 364 s in English (entity
repair 236 s, coref 75 s). spaCy's ner still costs somewhat more per token on a longer Doc
(en 0.17 -> 0.21 s/10k from 200k to 800k); the bare model does the same with none of our
components loaded, so it is spaCy's own (most likely its matrix work on one very large Doc
outgrowing the CPU caches). In English tok2vec and ner cost 0.05 and 0.11 s/10k at 50k
but 0.25 s/10k each at 200k (not looked into here).

    .venv/bin/python benchmarks/bench_long_article.py                    # 50k, 200k, 800k
    .venv/bin/python benchmarks/bench_long_article.py --lengths 20000 80000 --lang en
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from talentflow.core.models import Article  # noqa: E402

FIRST = ["Jeanne", "Marc", "Odile", "Téo", "Lina", "Bastien", "Maëlle", "Rémi", "Inès",
         "Gaspard", "Nadia", "Victor", "Solène", "Hugo", "Clémence", "Yanis"]
LAST = ["Vallorin", "Castagne", "Pélissier", "Brunord", "Ferrando", "Lemarquis", "Ossart",
        "Quintal", "Rivaud", "Sorbelle", "Tavernier", "Ducray", "Morvand", "Épinal"]
ORGS = ["Zorbex", "Quantalis", "Hélionix", "Brumea Santé", "Corvane Capital", "Lunaveo",
        "Ostraline", "Vectrum Labs", "Pivoine Énergie", "Astrelle", "Nordavia", "Kelvane"]
ROLES = ["directrice financière", "directeur général", "directrice technique",
         "responsable des ventes", "président", "directeur de la recherche"]
FR_SENTENCES = [
    "{p}, {r} de {o}, rejoint {o2} le mois prochain.",
    "{o} annonce l'arrivée de {p} au poste de {r}.",
    "{p} quitte {o} après six ans pour devenir {r} chez {o2}.",
    "Selon {p}, {r} de {o}, le marché reste difficile cette année.",
    "La société {o} a recruté {p} comme {r} en mars dernier.",
    "{o} {r} {p} a présenté les résultats du trimestre devant les analystes.",
    "Les ventes de {o} ont progressé de douze pour cent sur un an.",
    "Le conseil d'administration de {o} se réunira à nouveau en juin.",
    "« Nous voulons accélérer la croissance de {o} dès cette année », a déclaré {p}, {r}.",
    "« Le marché reste difficile pour tout le secteur », a-t-il déclaré.",
    "{p}, {r} de {o}, a déclaré : « Nous allons ouvrir trois nouveaux sites en Europe. »",
    "« Nos clients nous demandent toujours plus de services », précise {p}.",
]
# an interview paragraph: an introduction naming the person, then answers after dashes
FR_INTERVIEW = ("{p}, {r} de {o}, a répondu à nos questions.\n"
                "— Nous avons recruté quarante ingénieurs cette année.\n"
                "— Le plus difficile reste de trouver des profils expérimentés.")
EN_SENTENCES = [
    "{p}, chief financial officer of {o}, is joining {o2} next month.",
    "{o} named {p} as its new chief executive.",
    "{p} left {o} after six years to become president of {o2}.",
    "According to {p}, head of sales at {o}, demand stayed weak this year.",
    "{o} CFO {p} presented the quarterly results to analysts.",
    "Revenue at {o} rose twelve percent from a year earlier.",
    '"We want to grow {o} faster than the market this year," {p} said.',
    '"The market is still very hard for everyone in the sector," she said.',
    '{p}, head of sales at {o}, said: "We will open three new sites in Europe."',
    '"Our customers keep asking us for more services," said {p}, chief executive of {o}.',
]
EN_INTERVIEW = ("{p}, chief executive of {o}, answered our questions.\n"
                "— We hired forty engineers this year.\n"
                "— The hardest part is still finding experienced people.")


def invented_article(length: int, lang: str, seed: int = 7) -> str:
    """At least ``length`` characters of invented news, in paragraphs of four sentences."""
    rng = random.Random(seed)
    sentences = FR_SENTENCES if lang == "fr" else EN_SENTENCES
    interview = FR_INTERVIEW if lang == "fr" else EN_INTERVIEW
    paragraphs, size = [], 0
    while size < length:
        lines = []
        for _ in range(4):
            org, org2 = rng.sample(ORGS, 2)
            lines.append(rng.choice(sentences).format(
                p=f"{rng.choice(FIRST)} {rng.choice(LAST)}", o=org, o2=org2,
                r=rng.choice(ROLES)))
        paragraph = " ".join(lines)
        if rng.random() < 0.15:  # one paragraph in seven or so is an interview
            paragraph = interview.format(p=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                                         o=rng.choice(ORGS), r=rng.choice(ROLES))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:length]


def timed_extraction(text: str, lang: str) -> tuple[float, float, dict[str, float], int, int]:
    """(total seconds, total CPU seconds, CPU seconds per component, facts found, quotes
    found) for one article. Shares are CPU time: on a machine busy with other work,
    wall-clock time per component says more about the neighbours than about the component."""
    from talentflow.nlp.api import CHUNK_CHARS, text_chunks
    from talentflow.nlp.convert import doc_to_extraction
    from talentflow.nlp.pipeline import load_pipeline

    nlp = load_pipeline(lang)
    article = Article(id="long", text=text, lang=lang, date="2025-06-10")
    pieces = [(0, text)] if len(text) <= nlp.max_length else list(text_chunks(text, CHUNK_CHARS))
    shares: dict[str, float] = defaultdict(float)
    facts = quotes = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for _offset, piece in pieces:
        clock = time.process_time()
        doc = nlp.make_doc(piece)
        shares["tokenizer"] += time.process_time() - clock
        for name, component in nlp.pipeline:
            clock = time.process_time()
            doc = component(doc)
            shares[name] += time.process_time() - clock
        clock = time.process_time()
        extraction = doc_to_extraction(doc, replace(article, text=piece), lang)
        shares["doc_to_extraction"] += time.process_time() - clock
        facts += len(extraction.moves) + len(extraction.foundings) + len(extraction.investments)
        quotes += len(extraction.quotes)
    return (time.perf_counter() - start, time.process_time() - cpu_start, dict(shares),
            facts, quotes)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[50_000, 200_000, 800_000])
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--top", type=int, default=8, help="components shown per length")
    args = parser.parse_args(argv)

    from talentflow.nlp.pipeline import load_pipeline
    load_pipeline(args.lang)  # model loading stays out of the first timing
    timed_extraction(invented_article(2_000, args.lang), args.lang)

    rows = []
    for length in args.lengths:
        text = invented_article(length, args.lang)
        total, cpu, shares, facts, quotes = timed_extraction(text, args.lang)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((length, total, cpu))
        print(f"{length:>9,} chars  {total:8.1f} s  {total / length * 10_000:6.2f} s/10k chars  "
              f"CPU {cpu:6.1f} s  {cpu / length * 10_000:5.2f} s/10k  {facts:6d} facts  {quotes:5d} quotes  "
              f"peak RSS {peak_mb:7.0f} MB", flush=True)
        ranked = sorted(shares.items(), key=lambda kv: -kv[1])
        for name, seconds in ranked[:args.top]:
            print(f"      {name:<32} {seconds:8.2f} s CPU  {100 * seconds / cpu:5.1f} %  "
                  f"{seconds / length * 10_000:6.3f} s/10k")
        rest = sum(seconds for _, seconds in ranked[args.top:])
        if rest:
            print(f"      {'(others)':<32} {rest:8.2f} s CPU  {100 * rest / cpu:5.1f} %")
    for (short, short_time, short_cpu), (long, long_time, long_cpu) in zip(rows, rows[1:]):
        print(f"length x{long / short:.0f} ({short:,} -> {long:,}): time x"
              f"{long_time / short_time:.1f}, CPU x{long_cpu / short_cpu:.1f} "
              "(linear cost: about the same factor)")


if __name__ == "__main__":
    main()

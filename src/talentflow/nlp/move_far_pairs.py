"""Organisations paired with a person across sentences for the French move model (``cross``
in :func:`talentflow.nlp.move_features.pair_candidates`): the article's most named, its main
one, the title's and the next sentence's, and whether the article writes the two side by
side anywhere."""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.tokens import Span

from talentflow.nlp.convert import fold
from talentflow.nlp.doc_context import DocContext
from talentflow.nlp.move_identity import same_org, surname

if TYPE_CHECKING:
    from talentflow.nlp.move_features import OrgCandidate

__all__ = ["FarOrgs", "linked_pairs"]

_FAR_RANK = 3         # the article's most named organisations paired across sentences


def _mention_rank(orgs: list[OrgCandidate], org_counts: dict[str, int]) -> dict[str, int]:
    """Each organisation's rank by mentions in the article, 1 for the most named."""
    ranked = sorted({fold(o.text) for o in orgs if o.kind == "org"},
                    key=lambda key: (-org_counts.get(key, 0), key))  # ties: same rank every run
    return {key: n for n, key in enumerate(ranked, 1)}


class FarOrgs:
    """Organisations named outside a person's sentence and the one before, for
    :func:`pair_candidates`' ``cross``: the next sentence's, the article's most named (top
    ``_FAR_RANK``, named twice at least), its main one and the title's; one mention per
    organisation (the nearest, the earlier on a tie), with features saying where it comes
    from, how far, whether in the same paragraph and its rank by mentions. The whole
    paragraph's organisations as a source too measured no better (5-fold CV fr core F1 on
    cached Docs 0.292 without, 0.288 with).

    Built once per article: the mentions that qualify wherever the person stands (a top
    organisation's, the main one's, the title's) are indexed by sentence, so each sentence
    looks at the next sentence's organisations and bisects a handful of lists, where a scan
    of every organisation for every person made long articles quadratic."""

    def __init__(self, ctx: DocContext, sents: list[Span], sent_index: dict[int, int],
                 orgs: list[OrgCandidate], org_counts: dict[str, int], title_end: int):
        self.ctx, self.sents, self.sent_index = ctx, sents, sent_index
        self.rank = _mention_rank(orgs, org_counts)
        doc = ctx.doc
        self.keys_by_sent: dict[int, list[str]] = {}
        # the first mention of each organisation in each sentence
        self.first_in: dict[tuple[int, str], tuple[int, int, OrgCandidate]] = {}
        # per organisation, the mentions that qualify from anywhere, and their sources
        self.anywhere: dict[str, list[tuple[int, int, OrgCandidate]]] = {}
        self.sources: dict[str, set[str]] = {}
        for position, org in enumerate(orgs):
            key, where = fold(org.text), sent_index[org.start]
            self.keys_by_sent.setdefault(where, []).append(key)
            self.first_in.setdefault((where, key), (where, position, org))
            sources = set()
            if org.kind == "org" and self.rank.get(key, 99) <= _FAR_RANK \
                    and org_counts.get(key, 0) >= 2:
                sources.add(f"rank{self.rank[key]}")
            if ctx.main_org and same_org(ctx.main_org, org.text):
                sources.add("main")
            if doc[org.start].idx < title_end:
                sources.add("title")
            if sources:
                self.anywhere.setdefault(key, []).append((where, position, org))
                self.sources.setdefault(key, set()).update(sources)
        self.anywhere_sents = {key: [m[0] for m in found] for key, found in self.anywhere.items()}
        self.memo: dict[int, list[tuple[OrgCandidate, list[str]]]] = {}

    def of_sentence(self, index: int) -> list[tuple[OrgCandidate, list[str]]]:
        if index not in self.memo:
            self.memo[index] = self._find(index)
        return self.memo[index]

    def _find(self, index: int) -> list[tuple[OrgCandidate, list[str]]]:
        # an organisation of the sentence or the one before is paired there already
        near = set(self.keys_by_sent.get(index, ())) | set(self.keys_by_sent.get(index - 1, ()))
        keys = dict.fromkeys([*self.anywhere, *self.keys_by_sent.get(index + 1, ())])
        found = []
        for key in keys:
            if key in near:
                continue
            sources = set(self.sources.get(key, ()))
            after = self.first_in.get((index + 1, key))
            options = []
            # the organisation's first mention among those that qualify: the order of output
            firsts = [m[1] for m in self.anywhere.get(key, [])[:1]]
            if after is not None:
                sources.add("next")
                options.append(after)
                firsts.append(after[1])
            if key in self.anywhere:
                found_at, sent_list = self.anywhere[key], self.anywhere_sents[key]
                cut = bisect_left(sent_list, index)
                if cut:
                    options.append(found_at[bisect_left(sent_list, sent_list[cut - 1])])
                if cut < len(sent_list):
                    options.append(found_at[cut])
            where, _, org = min(options, key=lambda m: (abs(m[0] - index), m[1]))
            found.append((min(firsts), org, where, sources))
        result = []
        paragraph = self.ctx.paragraph(self.sents[index])
        for _, org, where, sources in sorted(found, key=lambda item: item[0]):
            distance = abs(where - index)
            feats = [f"far_src={s}" for s in sorted(sources)]
            feats.append(f"far_dist={'after' if where > index else 'before'}_"
                         f"{distance if distance <= 3 else (5 if distance <= 5 else 9)}")
            if self.ctx.paragraph(self.sents[where]) == paragraph:
                feats.append("far_same_para")
            feats.append(f"far_rank={min(self.rank.get(fold(org.text), 9), 4)}")
            result.append((org, feats))
        return result


def linked_pairs(ctx: DocContext, orgs_by_sent: dict[int, list[OrgCandidate]],
                  sent_index: dict[int, int]) -> set[tuple[str, str]]:
    """(surname, organisation) written within a few words of each other anywhere: "X de Y",
    "Y's X", "X, directeur de Y" tie a person to an organisation the move sentence omits."""
    linked = set()
    for person in ctx.persons:
        if person.pronoun:
            continue
        # the two must share a sentence: only the person's sentence's organisations count
        for org in orgs_by_sent.get(sent_index[person.start], []):
            gap = org.start - person.end if org.start >= person.end else person.start - org.end
            if 0 <= gap <= 4:
                linked.add((surname(person.name), fold(org.text)))
    return linked

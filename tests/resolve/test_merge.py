"""Merging reports into facts, as pure functions."""
from __future__ import annotations

import itertools

from talentflow.resolve.dates import date_range
from talentflow.resolve.merge import ReportView, merge_reports


def report(rid: int, *, article: int | None = None, frm=None, to=None, date=None, role=None,
           role_key=None, confidence=0.5, kind="move", amount=None, separate=False):
    return ReportView(id=rid, report_key=f"k{rid:03d}", article_id=article or rid, kind=kind,
                      confidence=confidence, person_id=1, from_org_id=frm, to_org_id=to,
                      role=role, role_key=role_key, date=date, amount=amount,
                      separate=separate)


def test_date_ranges():
    assert date_range("2024-02").end == "2024-02-29"
    assert date_range("2024").start == "2024-01-01"
    assert date_range("2024-13") is None and date_range("mai 2024") is None


def test_destination_only_report_joins_the_full_move():
    [fact] = merge_reports([report(1, to=10), report(2, frm=20, to=10)])
    assert (fact.from_org_id, fact.to_org_id, fact.n_sources) == (20, 10, 2)


def test_departure_only_report_joins_on_the_origin():
    [fact] = merge_reports([report(1, frm=20), report(2, frm=20, to=10)])
    assert fact.to_org_id == 10


def test_disjoint_sides_do_not_merge():
    assert len(merge_reports([report(1, frm=20), report(2, to=10)])) == 2


def test_most_precise_date_wins_and_far_dates_split():
    [fact] = merge_reports([report(1, to=10, date="2024"), report(2, to=10, date="2024-05-14"),
                            report(3, to=10, date="2024-05")])
    assert fact.date.value == "2024-05-14" and fact.conflicts is None
    assert len(merge_reports([report(1, to=10, date="2015"), report(2, to=10, date="2022")])) == 2


def test_role_conflicts_use_role_keys():
    [same] = merge_reports([report(1, to=10, role="CFO", role_key="cfo"),
                            report(2, to=10, role="directrice financière", role_key="cfo")])
    assert same.conflicts is None and same.role_key == "cfo"
    [differ] = merge_reports([report(1, to=10, role="CFO", role_key="cfo"),
                              report(2, to=10, role="CTO", role_key="cto")])
    assert differ.conflicts == {"role": ["cfo", "cto"]}


def test_confidence_rises_with_independent_sources_only():
    [one_article] = merge_reports([report(1, article=7, to=10, confidence=0.6),
                                   report(2, article=7, to=10, confidence=0.6)])
    assert one_article.confidence == 0.6 and one_article.n_sources == 1
    [two] = merge_reports([report(1, to=10, confidence=0.6), report(2, to=10, confidence=0.6)])
    assert two.confidence == 0.84
    [many] = merge_reports([report(i, to=10, confidence=0.9) for i in range(1, 6)])
    assert many.confidence == 0.99


def test_separate_reports_stay_alone():
    facts = merge_reports([report(1, to=10), report(2, to=10, separate=True), report(3, to=10)])
    assert sorted(f.report_ids for f in facts) == [[1, 3], [2]]


def test_investments_split_on_distant_amounts():
    facts = merge_reports([report(1, kind="investment", to=10, amount=10e6),
                           report(2, kind="investment", to=10, amount=10.3e6),
                           report(3, kind="investment", to=10, amount=40e6)])
    assert sorted(f.n_reports for f in facts) == [1, 2]


def test_merging_does_not_depend_on_input_order():
    reports = [report(1, to=10, date="2024"), report(2, frm=20, to=10, date="2024-03"),
               report(3, frm=30, to=10, date="2024-03"), report(4, frm=20, date="2024-02"),
               report(5, to=10)]
    def canonical(facts):
        return sorted((f.report_ids, f.from_org_id, f.date and f.date.value) for f in facts)
    expected = canonical(merge_reports(reports))
    for order in itertools.permutations(reports):
        assert canonical(merge_reports(order)) == expected

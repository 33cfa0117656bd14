"""Coverage statements: which make a count complete, which only describe it, and the views that use them."""
from datetime import date

import pandas as pd
import pytest

from sco import views
from sco.coverage import concerning, is_census


def _statements(*rows):
    columns = ["iso3_a", "iso3_b", "leaders", "first_date", "last_date", "rule", "completeness", "searched", "note"]
    frame = pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns)
    for column in ("first_date", "last_date"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


CENSUS_2010S = ("KAZ", "UZB", "", "2010-01-01", "2019-12-31", "in_person_video", "census", "s", "")
CENSUS_2020S = ("UZB", "KAZ", "", "2020-01-01", "2025-12-31", "in_person", "census", "s", "")
PUTIN_XI = ("CHN", "RUS", "Xi Jinping, Vladimir Putin", "2013-03-14", "2025-12-31", "all_contacts", "census", "s", "")
SAMPLE = ("RUS", "", "Vladimir Putin", "2012-01-01", "2025-12-31", "in_person", "sample", "s", "")


@pytest.mark.parametrize("first,last,rule,census", [
    (date(2012, 1, 1), date(2018, 1, 1), "in_person", True),
    (date(2012, 1, 1), date(2018, 1, 1), "all_contacts", False),  # phone calls are not covered
    (date(2015, 1, 1), date(2022, 1, 1), "in_person", True),  # two statements join without a gap
    (date(2015, 1, 1), date(2022, 1, 1), "in_person_video", False),  # the second covers meetings in person only
    (date(2009, 12, 31), date(2012, 1, 1), "in_person", False),  # a day before the first statement
    (date(2024, 1, 1), date(2026, 1, 1), "in_person", False),  # a day after the last
])
def test_a_pair_count_is_a_census_only_where_statements_cover_every_day_and_format(first, last, rule, census):
    statements = _statements(CENSUS_2010S, CENSUS_2020S)
    assert is_census(statements, ("KAZ", "UZB"), first, last, rule) is census
    assert is_census(statements, ("UZB", "KAZ"), first, last, rule) is census


def test_a_statement_about_some_leaders_does_not_make_the_states_count_complete():
    statements = _statements(PUTIN_XI)
    assert not is_census(statements, ("CHN", "RUS"), date(2014, 1, 1), date(2015, 1, 1), "in_person")
    assert not is_census(None, ("CHN", "RUS"), date(2014, 1, 1), date(2015, 1, 1), "in_person")


def test_the_statements_concerning_a_choice_are_those_of_its_states_and_period():
    statements = _statements(CENSUS_2010S, PUTIN_XI, SAMPLE)
    assert len(concerning(statements, ("RUS",), date(2014, 1, 1), date(2014, 2, 1))) == 2
    assert len(concerning(statements, ("KAZ",), date(2021, 1, 1), date(2021, 2, 1))) == 0
    assert len(concerning(statements, (), date(2011, 1, 1), date(2011, 2, 1))) == 1


def test_the_coverage_view_says_census_and_lists_the_statements_in_spanish():
    statements = _statements(CENSUS_2010S, SAMPLE)
    view = views.coverage_view(statements, ("KAZ", "UZB"), date(2012, 1, 1), date(2013, 1, 1), "in_person", "es")
    assert view.census and list(view.table["Completitud"]) == ["censo"]
    assert view.table["Partes"].iloc[0] == "Kazajistán – Uzbekistán"
    one_state = views.coverage_view(statements, ("RUS",), date(2012, 1, 1), date(2013, 1, 1), "in_person", "en")
    assert not one_state.census and one_state.table["Sides"].iloc[0] == "Russia – any SCO state"


def test_the_committed_statements_make_no_count_of_all_leaders_complete_but_describe_the_census_spans(data):
    # data/coverage.csv states censuses of some leaders' meetings only: every count over states is a lower bound.
    coverage = data["coverage"]
    assert (coverage["completeness"] == "census").any()
    assert not (coverage.loc[coverage["completeness"] == "census", "leaders"].fillna("") == "").any()

"""What a link may hold: codes in, codes out; earlier forms upgraded; anything else a named refusal."""
from datetime import date

import pytest

from sco.links import parse_choice, parse_codes, serialize, upgrade, url_form

MEMBERS = ("CHN", "RUS", "KAZ")


@pytest.mark.parametrize("raw,codes", [
    ("RUS", ["RUS"]), ("RUS,KAZ", ["RUS", "KAZ"]), ("KAZ,RUS", ["KAZ", "RUS"]), ("RUS,RUS", ["RUS"]),
    ("RUS,,KAZ,", ["RUS", "KAZ"]), ("", [])])
def test_codes_keep_the_links_order_without_repeats(raw, codes):
    assert parse_codes(raw, MEMBERS) == codes


@pytest.mark.parametrize("raw", ["Russia", "rus", "RUS,XXX", "RUS KAZ", "<script>", "RUS;KAZ"])
def test_codes_outside_the_choices_are_refused(raw):
    with pytest.raises(ValueError):
        parse_codes(raw, MEMBERS)


def test_one_choice_must_be_an_option():
    assert parse_choice("in_person", ("in_person", "all_contacts")) == "in_person"
    for raw in ("In person only", "", "in_person,all_contacts"):
        with pytest.raises(ValueError):
            parse_choice(raw, ("in_person", "all_contacts"))


def test_serialize_writes_codes():
    assert serialize(["CHN-RUS", "CHN-KAZ"]) == "CHN-RUS,CHN-KAZ"
    assert serialize("KAZ") == "KAZ"
    assert serialize([]) == ""


@pytest.mark.parametrize("before,after", [
    ({"play": ["1"]}, {"play": ["true"]}),
    ({"play": ["0"]}, {"play": ["false"]}),
    ({"releases": ["1"], "pairs": ["CHN-RUS"]}, {"releases": ["true"], "pairs": ["CHN-RUS"]}),
    ({"period": ["2024-07-03..2024-07-04"], "lang": ["es"]},
     {"period": ["2024-07-03", "2024-07-04"], "lang": ["es"]}),
])
def test_links_in_earlier_forms_are_rewritten(before, after):
    assert upgrade(before) == after


@pytest.mark.parametrize("params", [
    {}, {"play": ["true"]}, {"period": ["2024-07-03", "2024-07-04"]}, {"countries": ["RUS,KAZ"]},
    {"year": ["1"]}, {"play": ["maybe"]}])
def test_links_in_todays_forms_are_left_alone(params):
    assert upgrade(params) is None


def test_url_form_is_how_the_binding_writes_values():
    assert url_form(True) == ["true"] and url_form(False) == ["false"]
    assert url_form(2024) == ["2024"]
    assert url_form(date(2024, 7, 3)) == ["2024-07-03"]
    assert url_form((date(2024, 7, 3), date(2024, 7, 4))) == ["2024-07-03", "2024-07-04"]


def test_a_refusal_says_what_was_not_understood():
    with pytest.raises(ValueError, match=r"^'Russia' is not one of the choices$"):
        parse_choice("Russia", MEMBERS)
    with pytest.raises(ValueError, match=r"^XXX, YYY not among the choices$"):
        parse_codes("RUS,XXX,YYY", MEMBERS)


def test_only_date_ranges_are_split_and_only_once():
    assert upgrade({"countries": ["RUS..KAZ"]}) is None
    assert upgrade({"period": ["2024-07-03..2024-07-04..2024-07-05"]}) == {
        "period": ["2024-07-03", "2024-07-04..2024-07-05"]}

"""The schema describes itself in both languages."""
from sco import i18n
from sco.i18n import describe, describe_table
from sco.schema import AUTHORITIES, TABLES


def test_a_column_is_found_by_its_name():
    column = TABLES["trade"].column("value_usd")
    assert column.name == "value_usd" and column.maximum == 1e12
    assert TABLES["membership"].column("iso3").name == "iso3"


def test_descriptions_in_each_language():
    year = TABLES["trade"].column("year")
    assert describe("trade", year, "en") == "Calendar year, or the year in which a fiscal year ends."
    assert describe("trade", year, "es") != describe("trade", year, "en") and describe("trade", year, "es")
    assert describe_table(TABLES["summits"], "en") == TABLES["summits"].description
    assert describe_table(TABLES["summits"], "es") != TABLES["summits"].description


def test_officials_are_a_kind_of_source_of_their_state():
    officials = AUTHORITIES["Officials of Kazakhstan"]
    assert (officials.kind, officials.iso3) == ("officials", "KAZ")
    assert i18n.authority_name("Officials of Kazakhstan", "es") == "Autoridades de Kazajistán"

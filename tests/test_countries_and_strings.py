"""Country and city names and interface strings: both languages, the analysts' names, nothing untranslated."""
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from sco import i18n
from sco.countries import ALIASES, city_name, country_name, iso3_for, leader_name, leader_names
from sco.data import load_dataset
from sco.locales import CATALOGUES, DEFAULT_LANG

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("iso3,lang,name", [
    ("RUS", "en", "Russia"), ("RUS", "es", "Rusia"), ("IRN", "en", "Iran"), ("IRN", "es", "Irán"),
    ("TUR", "en", "Türkiye"), ("TUR", "es", "Turquía"), ("KAZ", "es", "Kazajistán"), ("BLR", "es", "Bielorrusia"),
    ("LAO", "en", "Laos"), ("KGZ", "es", "Kirguistán"), ("CHN", "en", "China"),
    ("KAZ", "ru", "Казахстан"), ("KAZ", "zh", "哈萨克斯坦"), ("IRN", "zh", "伊朗"), ("KGZ", "ru", "Киргизия"),
    ("MMR", "ru", "Мьянма"), ("MMR", "en", "Myanmar"), ("XKX", "ru", "XKX"),  # not a code ISO gives: itself
])
def test_country_names(iso3, lang, name):
    assert country_name(iso3, lang) == name


@pytest.mark.parametrize("name,iso3", [("Russia", "RUS"), ("Iran", "IRN"), ("Turkey", "TUR"), ("Türkiye", "TUR"),
                                       ("Kazakhstan", "KAZ"), ("BLR", "BLR"), ("Narnia", None)])
def test_everyday_names_find_their_code(name, iso3):
    assert iso3_for(name) == iso3


@pytest.mark.parametrize("city,lang,name", [
    ("Beijing", "es", "Pekín"), ("Moscow", "es", "Moscú"), ("New Delhi", "es", "Nueva Delhi"),
    ("Tashkent", "es", "Taskent"), ("Saint Petersburg", "es", "San Petersburgo"), ("Astana", "es", "Astaná"),
    ("Beijing", "en", "Beijing"), ("Grodno", "es", "Grodno"),  # no sourced Spanish name: the tables' own
    ("", "es", ""), (None, "es", None),
])
def test_city_names(city, lang, name):
    assert city_name(city, lang) == name


def test_city_names_follow_an_edited_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SCO_DATA_DIR", str(tmp_path))
    assert city_name("Beijing", "es") == "Beijing"  # no file: the tables' own names
    names = tmp_path / "city_names.csv"
    names.write_text("city,iso3,lang,name,note,source_title,source_url\nBeijing,CHN,es,Pekín,,t,https://a.b/\n",
                     encoding="utf-8")
    assert city_name("Beijing", "es") == "Pekín"
    names.write_text(names.read_text(encoding="utf-8").replace("Pekín", "Beiyín"), encoding="utf-8")
    os.utime(names, (names.stat().st_atime, names.stat().st_mtime + 5))
    assert city_name("Beijing", "es") == "Beiyín"


def test_aliases_point_at_real_codes():
    assert all(country_name(code) != code for code in ALIASES.values())


def test_every_country_in_the_data_has_both_names():
    dataset = load_dataset()
    codes = set(dataset["membership"]["iso3"]) | set(dataset["summits"]["host_iso3"])
    for code in codes:
        assert country_name(code, "en") != code and country_name(code, "es") != code


OTHER_LANGUAGES = [lang for lang in CATALOGUES if lang != DEFAULT_LANG]


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_every_string_is_in_every_language(lang):
    strings = CATALOGUES[lang].strings
    assert set(strings) == set(i18n.STRINGS), lang
    for key, english in i18n.STRINGS.items():
        assert strings[key].strip(), (lang, key)
        assert _placeholders(strings[key]) == _placeholders(english), (lang, key)


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_every_description_and_source_name_is_in_every_language(lang):
    from sco.schema import AUTHORITIES, TABLES
    entry = CATALOGUES[lang]
    assert set(entry.tables) == set(TABLES), lang
    assert set(entry.authorities) == set(AUTHORITIES), lang
    for name, table in TABLES.items():
        for column in table.columns:
            assert i18n.describe(name, column, lang) != column.description, (lang, name, column.name)
    scopes = {"*", *TABLES}
    assert {key.split(".")[0] for key in entry.columns} <= scopes, lang  # no description of a table that is gone


def test_the_language_picker_names_each_language_in_itself():
    assert i18n.LANGUAGES == {"en": "English", "es": "Español", "ru": "Русский", "zh": "中文"}


def test_every_key_used_in_code_exists():
    used = set()
    for path in [*ROOT.glob("pages/*.py"), *ROOT.glob("sco/*.py"), ROOT / "dashboard.py"]:
        used |= set(re.findall(r"\bt\(\s*\"(\w+)\"", path.read_text(encoding="utf-8")))
    assert used - set(i18n.STRINGS) == set()


@pytest.mark.parametrize("lang,precision,text", [
    ("en", "day", "4 July 2024"), ("es", "day", "4 de julio de 2024"), ("en", "month", "July 2024"),
    ("es", "month", "julio de 2024"), ("es", "year", "2024"), ("ru", "day", "4 июля 2024\u202fг."),
    ("ru", "month", "июль 2024\u202fг."), ("zh", "day", "2024年7月4日"), ("zh", "month", "2024年7月")])
def test_dates_read_naturally(lang, precision, text):
    from datetime import date
    assert i18n.format_date(date(2024, 7, 4), lang, precision) == text


def test_join_names():
    assert i18n.join_names(["A", "B", "C"], "es") == "A, B y C"
    assert i18n.join_names(["A", "B"], "en") == "A and B"
    assert i18n.join_names(["A", "B", "C"], "ru") == "A, B и C" and i18n.join_names(["A", "B", "C"], "zh") == "A、B和C"
    assert i18n.join_names([], "zh") == "" and i18n.join_names(["A"], "ru") == "A"


@pytest.mark.parametrize("occasion,spanish", [
    ("SCO summit Astana 2024", "Cumbre de la OCS, Astaná 2024"), ("Visit to Kazakhstan", "Visita a Kazajistán"),
    ("State visit to Russia", "Visita de Estado a Rusia"), ("In China", "En China"),
    ("Telephone conversation", "Conversación telefónica"),
    # The curator's own words, and a place that is no country, stay as written.
    ("Victory Day parade Moscow 2015", "Victory Day parade Moscow 2015"), ("In person", "In person"),
])
def test_the_projects_own_occasions_read_in_spanish(occasion, spanish):
    from sco.i18n import occasion_text
    assert occasion_text(occasion, "es") == spanish and occasion_text(occasion, "en") == occasion


@pytest.mark.parametrize("leader,lang,name", [
    ("Xi Jinping", "ru", "Си Цзиньпин"), ("Xi Jinping", "zh", "习近平"), ("Vladimir Putin", "zh", "普京"),
    ("Kassym-Jomart Tokayev", "ru", "Касым-Жомарт Токаев"), ("Kassym-Jomart Tokayev", "zh", "托卡耶夫"),
    ("Xi Jinping", "en", "Xi Jinping"), ("Xi Jinping", "es", "Xi Jinping"),  # the tables' own spelling
    ("Hamad bin Khalifa Al Thani", "zh", "Hamad bin Khalifa Al Thani"),  # no Chinese page told the two Hamads apart
])
def test_leader_names(leader, lang, name):
    assert leader_name(leader, lang) == name


def test_a_list_of_leaders_is_written_in_the_language():
    assert leader_names("Xi Jinping, Vladimir Putin", "ru") == "Си Цзиньпин, Владимир Путин"
    assert leader_names("Xi Jinping, Vladimir Putin", "en") == "Xi Jinping, Vladimir Putin"


def test_each_leader_name_is_one_leaders_and_names_a_leader_of_the_meetings():
    dataset = load_dataset()
    names = dataset["leader_names"]
    assert not names.duplicated(["lang", "name"]).any(), "two leaders would read the same"
    meetings = pd.concat([dataset["meetings"], dataset["meetings_imported"]])
    sides = {(leader, iso3) for side in "ab"
             for leader, iso3 in zip(meetings[f"leader_{side}"], meetings[f"iso3_{side}"])}
    assert set(zip(names["leader"], names["iso3"])) <= sides


@pytest.mark.parametrize("occasion,lang,text", [
    ("SCO summit Astana 2024", "ru", "Саммит ШОС, Астана, 2024"), ("SCO summit Astana 2024", "zh", "2024年上合组织阿斯塔纳峰会"),
    ("Visit to Kazakhstan", "zh", "访问哈萨克斯坦"), ("Victory Day parade Moscow 2015", "zh", "Victory Day parade Moscow 2015"),
])
def test_the_projects_own_occasions_read_in_russian_and_chinese(occasion, lang, text):
    from sco.i18n import occasion_text
    assert occasion_text(occasion, lang) == text

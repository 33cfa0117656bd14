"""The data contract: every table, every column, every allowed value, in one place.

The loader validates against this, the data dictionary (data/README.md and the Sources page) is generated
from it, and the tests check that both stay in step with it.
"""
from __future__ import annotations

from dataclasses import dataclass

from sco.locales import CATALOGUES, DEFAULT_LANG

# Column kinds the loader knows how to check and convert.
TEXT, ISO3, DATE, INT, NUMBER, URL, CHOICE, AUTHORITY = (
    "text", "iso3", "date", "int", "number", "url", "choice", "authority")

STATUSES = ("member", "observer", "dialogue_partner", "partner")
SUMMIT_FORMATS = ("in_person", "virtual", "hybrid")
MEETING_FORMATS = ("in_person", "virtual", "phone")
BODIES = ("shanghai_five", "sco")
DATE_PRECISIONS = ("day", "month", "year")
TRADE_FLOWS = ("exports", "imports", "total")


AUTHORITY_KINDS = ("customs", "statistics", "international", "reconciled", "agency", "officials", "press",
                   "research")
# Kinds whose figures are the authority's own state's statistics: the reporter must be that state. Officials may
# quote the other side's figures, and the press and international bodies report for any state.
NATIONAL_STATISTICS = ("customs", "statistics", "agency")


@dataclass(frozen=True)
class Authority:
    kind: str  # one of AUTHORITY_KINDS
    iso3: str | None  # the state it belongs to; None for international bodies and the press


def _officials(iso3: str) -> Authority:
    return Authority("officials", iso3)


# The known sources of trade figures: `trade.source` must name one of them. A figure that a page quotes from a
# person or an outlet keeps the authority here and the person or outlet in `stated_by`.
AUTHORITIES: dict[str, Authority] = {
    "General Administration of Customs of China": Authority("customs", "CHN"),
    "Federal Customs Service of Russia": Authority("customs", "RUS"),
    "National Statistical Committee of Belarus": Authority("statistics", "BLR"),
    "National Statistical Committee of Kyrgyzstan": Authority("statistics", "KGZ"),
    "Statistics Agency of Uzbekistan (formerly State Committee on Statistics)": Authority("statistics", "UZB"),
    "Statistics Agency under the President of Tajikistan": Authority("statistics", "TJK"),
    "Pakistan Bureau of Statistics": Authority("statistics", "PAK"),
    "Directorate General of Commercial Intelligence and Statistics of India": Authority("statistics", "IND"),
    "IMF Direction of Trade Statistics": Authority("international", None),
    "IMF International Trade in Goods (IMTS)": Authority("international", None),
    # Exporter's and importer's declarations reconciled into one value per direction: neither state's statistics.
    "CEPII BACI (reconciled, via OEC)": Authority("reconciled", None),
    "World Bank World Development Indicators": Authority("international", None),
    "Eurasian Economic Commission": Authority("international", None),
    "Ministry of Commerce of China": Authority("agency", "CHN"),
    "Ministry of Commerce and Industry of India": Authority("agency", "IND"),
    "Ministry of Commerce of Pakistan": Authority("agency", "PAK"),
    "State Bank of Pakistan": Authority("agency", "PAK"),
    "Trade Development Authority of Pakistan": Authority("agency", "PAK"),
    "Ministry of Trade and Integration of Kazakhstan": Authority("agency", "KAZ"),
    "Ministry of Economy and Budget Planning of Kazakhstan": Authority("agency", "KAZ"),
    "Ministry of Investments and Foreign Trade of Uzbekistan": Authority("agency", "UZB"),
    "Trade Promotion Organization of Iran": Authority("agency", "IRN"),
    "Officials of Belarus": _officials("BLR"),
    "Officials of China": _officials("CHN"),
    "Officials of India": _officials("IND"),
    "Officials of Iran": _officials("IRN"),
    "Officials of Kazakhstan": _officials("KAZ"),
    "Officials of Kyrgyzstan": _officials("KGZ"),
    "Officials of Pakistan": _officials("PAK"),
    "Officials of Russia": _officials("RUS"),
    "Officials of Tajikistan": _officials("TJK"),
    "Officials of Uzbekistan": _officials("UZB"),
    "Press report": Authority("press", None),
    # Records of leaders' engagements compiled by a research institution (the meetings import).
    "China Vitae (Carnegie Endowment for International Peace)": Authority("research", None),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    description: str
    required: bool = True
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    # Columns whose values together identify a row; two rows with the same key are duplicates.
    key: tuple[str, ...]
    # Interval checks: (start column, end column); end must not be before start.
    interval: tuple[str, str] | None = None
    # Intervals of rows sharing these columns must not overlap (half-open: an interval ends where the next starts).
    no_overlap_by: tuple[str, ...] = ()
    # Columns whose values must name a row of cities.csv (with the country column next to it).
    city_refs: tuple[tuple[str, str], ...] = ()
    # Pairs of columns that must differ on every row.
    distinct: tuple[tuple[str, str], ...] = ()
    # (day column, (state, leader) columns of one side, of the other): one row per two leaders and day, in
    # either order.
    one_per_pair_day: tuple[str, tuple[str, str], tuple[str, str]] | None = None
    # (authority column, reporter column): a national statistics source must be the reporter's own.
    authority_of: tuple[str, str] | None = None
    # (column, table): every value must be the key of a row of that table (whose rows must each be used).
    references: tuple[tuple[str, str], ...] = ()
    required_file: bool = True
    # Written by `python -m sco.imports` from data/raw/, never by hand.
    imported: bool = False

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


SOURCE_COLUMNS = (
    Column("source_title", TEXT, "Title of the page that states this row's facts."),
    Column("source_url", URL, "Address of that page (absolute http or https URL)."),
)
NOTE = Column("note", TEXT, "Caveats, disagreements between sources, exact wording.", required=False)
PRECISION = Column(
    "date_precision", CHOICE, "How precise the start date is; a month or year is stored as its first day.",
    required=False, choices=DATE_PRECISIONS,
)

MEMBERSHIP = Table(
    name="membership",
    description="One row per status interval of a state in the SCO (member, observer, dialogue partner, partner).",
    columns=(
        Column("iso3", ISO3, "ISO 3166-1 alpha-3 code of the state."),
        Column("status", CHOICE, "Status held during the interval. 'partner' is the single status that replaced "
               "observer and dialogue partner at the Tianjin summit (1 September 2025).", choices=STATUSES),
        Column("start_date", DATE, "First day of the status (decision or signature; see note)."),
        Column("end_date", DATE, "Day the status ended, which is the first day of the next one; empty if current.",
               required=False),
        PRECISION,
        NOTE,
        *SOURCE_COLUMNS,
    ),
    key=("iso3", "status", "start_date"),
    interval=("start_date", "end_date"),
    no_overlap_by=("iso3",),
)

SUMMITS = Table(
    name="summits",
    description="Meetings of heads of state: the Shanghai Five (1996-2000) and the SCO Council of Heads of State.",
    columns=(
        Column("start_date", DATE, "First day of the summit."),
        Column("end_date", DATE, "Last day of the summit."),
        Column("city", TEXT, "Host city as it was called then (for a virtual summit, the chair's capital)."),
        Column("host_iso3", ISO3, "ISO alpha-3 code of the host or chair."),
        Column("format", CHOICE, "How the leaders met.", choices=SUMMIT_FORMATS),
        Column("body", CHOICE, "Shanghai Five or SCO.", choices=BODIES),
        NOTE,
        *SOURCE_COLUMNS,
    ),
    key=("start_date", "body"),
    interval=("start_date", "end_date"),
    city_refs=(("city", "host_iso3"),),
)

# A city as the tables name it: its name and its country (cities.csv's key; city_names.csv refers to it).
CITY_KEY = (Column("city", TEXT, "City name as the other tables write it."),
            Column("iso3", ISO3, "ISO alpha-3 code of the city's country."))

CITIES = Table(
    name="cities",
    description="Coordinates of every place another table names, from GeoNames.",
    columns=(
        *CITY_KEY,
        Column("lat", NUMBER, "Latitude in degrees.", minimum=-90, maximum=90),
        Column("lon", NUMBER, "Longitude in degrees.", minimum=-180, maximum=180),
        Column("geonameid", INT, "GeoNames identifier of the place."),
        Column("capital", CHOICE, "'yes' for the capital of a member state (where trade flows are drawn from).",
               required=False, choices=("yes", "no")),
        NOTE,
        *SOURCE_COLUMNS,
    ),
    key=("city", "iso3"),
)

# Languages other than English that names are given in (English names are the other tables' own).
NAME_LANGUAGES = tuple(lang for lang in CATALOGUES if lang != DEFAULT_LANG)
NAME_LANG = Column("lang", CHOICE, "Language of the name (ISO 639-1).", choices=NAME_LANGUAGES)

CITY_NAMES = Table(
    name="city_names",
    description="What each city is called in another language, where it differs from or is confirmed against the "
                "English name the other tables use; a city without a row here is shown by that English name.",
    columns=(
        *CITY_KEY,
        NAME_LANG,
        Column("name", TEXT, "The city's name in that language, as the cited page writes it (Russian names in their "
               "dictionary form where the page declines them)."),
        NOTE,
        *SOURCE_COLUMNS,
    ),
    key=("city", "iso3", "lang"),
    city_refs=(("city", "iso3"),),
    required_file=False,
)

LEADER_NAMES = Table(
    name="leader_names",
    description="How each leader's name is written in another language, as a page in that language writes it; a "
                "leader without a row here is shown by the English name the meetings tables use.",
    columns=(
        Column("leader", TEXT, "The leader's name as the meetings tables write it."),
        Column("iso3", ISO3, "ISO alpha-3 code of the leader's state."),
        NAME_LANG,
        Column("name", TEXT, "The name in that language as the cited page writes it (Russian names in the "
               "nominative where the page declines them)."),
        NOTE,
        *SOURCE_COLUMNS,
    ),
    key=("leader", "iso3", "lang"),
    required_file=False,
)

MEETINGS = Table(
    name="meetings",
    description="Bilateral meetings of heads of state or government of SCO states and partners, one row per pair.",
    columns=(
        Column("date", DATE, "Day of the meeting (for a visit, the day of the talks)."),
        Column("end_date", DATE, "Last day of a visit spanning several days; empty otherwise.", required=False),
        PRECISION,
        Column("iso3_a", ISO3, "ISO alpha-3 code of the first side."),
        Column("leader_a", TEXT, "Leader of the first side."),
        Column("iso3_b", ISO3, "ISO alpha-3 code of the second side."),
        Column("leader_b", TEXT, "Leader of the second side."),
        Column("city", TEXT, "Where they met; empty for a video or phone call.", required=False),
        Column("host_iso3", ISO3, "Host country; empty for a video or phone call.", required=False),
        Column("format", CHOICE, "In person, video call or phone call.", choices=MEETING_FORMATS),
        Column("occasion", TEXT, "Why they met: state visit, summit sidelines, forum."),
        NOTE,
        *SOURCE_COLUMNS,
    ),
    key=("date", "iso3_a", "leader_a", "iso3_b", "leader_b", "format", "city"),
    interval=("date", "end_date"),
    city_refs=(("city", "host_iso3"),),
    distinct=(("iso3_a", "iso3_b"),),
    one_per_pair_day=("date", ("iso3_a", "leader_a"), ("iso3_b", "leader_b")),
    required_file=False,
)

TRADE = Table(
    name="trade",
    description="Annual merchandise trade between two states as one reporter's statistics state it, in US dollars.",
    columns=(
        Column("year", INT, "Calendar year, or the year in which a fiscal year ends.", minimum=1940, maximum=2100),
        Column("period", TEXT, "'calendar', or the fiscal year, e.g. 'FY2023-24 (Apr-Mar)' (India), "
               "'FY2023-24 (Jul-Jun)' (Pakistan), 'FY2023-24 (Mar-Mar)' (the Iranian year)."),
        Column("reporter_iso3", ISO3, "Whose statistics: the state whose authority published the figure."),
        Column("partner_iso3", ISO3, "The other state."),
        Column("flow", CHOICE, "Reporter's exports to, imports from, or total trade with the partner.",
               choices=TRADE_FLOWS),
        Column("value_usd", NUMBER, "Value in US dollars (not millions). No bilateral trade reaches a trillion dollars: a "
               "larger value is a unit or encoding error.", minimum=0, maximum=1e12),
        Column("source", AUTHORITY, "Whose figure: one of the known sources listed below (a customs service, "
               "statistics office, ministry or agency, international body; a state's officials when they do not name "
               "the statistics; a press report when no authority is named)."),
        Column("stated_by", TEXT, "Who gave the figure when it is not the authority's own release: an official, an "
               "embassy, a news outlet.", required=False),
        NOTE,
        *SOURCE_COLUMNS,
    ),
    key=("year", "period", "reporter_iso3", "partner_iso3", "flow", "source", "stated_by"),
    distinct=(("reporter_iso3", "partner_iso3"),),
    authority_of=("source", "reporter_iso3"),
    required_file=False,
)

SOURCES = Table(
    name="sources",
    description="The bulk files the imported tables come from: one row per file at a commit of its repository.",
    columns=(
        Column("source_id", TEXT, "Identifier the imported rows give in their source_id column."),
        Column("source", AUTHORITY, "Whose figures: one of the known sources listed below."),
        Column("title", TEXT, "What the file is, and where it is kept under data/raw/."),
        Column("url", URL, "Address of the file at that commit."),
        Column("licence", TEXT, "Terms of the data and of the repository that redistributes it."),
        NOTE,
    ),
    key=("source_id",),
    required_file=False,
    imported=True,
)

ESTIMATE = Column("estimate", CHOICE, "'yes' where the source marks the figure as its own estimate (IMF DOTS 'e').",
                  required=False, choices=("yes",))
SOURCE_ID = Column("source_id", TEXT, "The file the figure comes from: a source_id of sources.csv.")

TRADE_IMPORTED = Table(
    name="trade_imported",
    description="Annual merchandise trade among SCO states imported from bulk statistics (IMF DOTS 1960-2020 "
                "both reporters, CEPII BACI reconciled 2022-2023, IMF IMTS exports 2025), in US dollars.",
    columns=(
        TRADE.column("year"), TRADE.column("period"), TRADE.column("reporter_iso3"), TRADE.column("partner_iso3"),
        TRADE.column("flow"), TRADE.column("value_usd"), ESTIMATE, SOURCE_ID,
    ),
    key=("year", "period", "reporter_iso3", "partner_iso3", "flow", "source_id"),
    distinct=(("reporter_iso3", "partner_iso3"),),
    references=(("source_id", "sources"),),
    required_file=False,
    imported=True,
)

INDICATORS = Table(
    name="indicators",
    description="Each SCO state's trade with the world (IMF DOTS 'World' rows) and GDP (World Bank), by year, "
                "in US dollars: the denominators of the shares of trade.",
    columns=(
        Column("iso3", ISO3, "ISO alpha-3 code of the state."),
        Column("year", INT, "Calendar year.", minimum=1940, maximum=2100),
        Column("indicator", CHOICE, "Exports to the world, imports from the world, or GDP in current dollars.",
               choices=("exports_world", "imports_world", "gdp")),
        Column("value_usd", NUMBER, "Value in US dollars.", minimum=0, maximum=1e14),
        ESTIMATE,
        SOURCE_ID,
    ),
    key=("iso3", "year", "indicator", "source_id"),
    references=(("source_id", "sources"),),
    required_file=False,
    imported=True,
)

MEETINGS_IMPORTED = Table(
    name="meetings_imported",
    description="Meetings of China's presidents and premiers with heads of state or government of SCO states, "
                "2003-2018, imported from China Vitae's activity records; `note` quotes the record.",
    columns=(*(c for c in MEETINGS.columns if c.name not in ("source_title", "source_url")), SOURCE_ID),
    key=MEETINGS.key,
    interval=MEETINGS.interval,
    city_refs=MEETINGS.city_refs,
    distinct=MEETINGS.distinct,
    one_per_pair_day=MEETINGS.one_per_pair_day,
    references=(("source_id", "sources"),),
    required_file=False,
    imported=True,
)

COVERAGE = Table(
    name="coverage",
    description="How complete the meetings record is: for which states and leaders, which period and which "
                "formats it is a census (every meeting that took place) or a sample, and what was searched.",
    columns=(
        Column("iso3_a", ISO3, "One side."),
        Column("iso3_b", ISO3, "The other side; empty for meetings with the leaders of any SCO state.", required=False),
        Column("leaders", TEXT, "Whose meetings, when not every head of state or government of the two sides "
               "(e.g. 'Xi Jinping, Vladimir Putin').", required=False),
        Column("first_date", DATE, "First day the statement covers."),
        Column("last_date", DATE, "Last day the statement covers."),
        Column("rule", CHOICE, "The formats covered: in person; in person and by video; every contact.",
               choices=("in_person", "in_person_video", "all_contacts")),
        Column("completeness", CHOICE, "'census': every meeting that took place is in the table; 'sample': some "
               "are, and a count is a lower bound.", choices=("census", "sample")),
        Column("searched", TEXT, "What was searched, and what is known to be missing."),
        NOTE,
    ),
    key=("iso3_a", "iso3_b", "leaders", "first_date", "rule"),
    interval=("first_date", "last_date"),
    required_file=False,
)

TABLES: dict[str, Table] = {t.name: t for t in (MEMBERSHIP, SUMMITS, CITIES, CITY_NAMES, LEADER_NAMES, MEETINGS, TRADE, SOURCES,
                                                 TRADE_IMPORTED, INDICATORS, MEETINGS_IMPORTED, COVERAGE)}

# Rules a violation can name, with the sentence shown to curators.
RULES: dict[str, str] = {
    "missing_file": "the file must exist",
    "unreadable": "the file must be UTF-8 text in CSV format",
    "too_large": "the file must be smaller than 64 MB",
    "empty": "the file must have a header and at least one row",
    "missing_column": "the header must name every required column of the schema",
    "required": "a value is required",
    "iso3": "must be an ISO 3166-1 alpha-3 country code",
    "date": "must be a date written YYYY-MM-DD",
    "int": "must be a whole number",
    "number": "must be a number",
    "range": "must lie within the allowed range",
    "choice": "must be one of the allowed values",
    "url": "must be an absolute http(s) URL",
    "end_before_start": "the end date must not be before the start date",
    "overlap": "status intervals of one state must not overlap",
    "duplicate": "the same key must not appear twice",
    "unknown_city": "the city must be listed in cities.csv with that country",
    "same_sides": "the two sides must be different states",
    "same_pair_day": "one row per two leaders and day: a meeting found in two sources is one row naming both",
    "known_source": "must be one of the known sources (AUTHORITIES in sco/schema.py)",
    "unknown_source_id": "must be the source_id of a row of sources.csv",
    "unused_source": "every row of sources.csv must be named by an imported row",
    "source_of_other_state": "a customs service, statistics office or agency reports its own state's figures: "
                             "the reporter must be that state",
    # The record of releases (data/releases.csv, data/release_notes.csv, data/releases/).
    "release_header": "the header must be version,date,table,rows,sha256 (release_notes.csv: version,lang,summary)",
    "release_version": "a version is YYYY.MM, or YYYY.MM.N for a later release in the same month",
    "release_date": "a date is YYYY-MM-DD, no earlier than the previous release's",
    "release_duplicate": "a version names one release: one date, each table once, one summary per language",
    "release_table": "must be a table of the schema",
    "release_rows": "the number of rows is a whole number",
    "release_checksum": "a SHA-256 checksum (64 hexadecimal digits) of the table as released",
    "release_kept": "a copy of every table of every release must be kept under releases/, with the released checksum",
    "release_note": "every release has a non-empty summary in every language of the interface, and a summary names a "
                    "release",
}

# A table whose columns are another's: their descriptions are that table's.
COLUMNS_OF = {"trade_imported": "trade", "meetings_imported": "meetings"}

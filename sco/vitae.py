"""China Vitae's activity records (Carnegie Endowment, 2003-2018) as meetings of China's presidents and premiers
with heads of state or government of SCO states.

China Vitae writes one entry per official, country and day: "Hu Jintao travelled to Kazakhstan, Astana and met
with the following: Nursultan Nazarbayev (President of Kazakhstan) Others Attending: ...". Only entries of that
structured form whose subject is the Chinese leader are read (free-text headlines such as "Xi congratulates ..."
are not meetings); a counterpart is a head of state or government when the title in brackets names that office
of one state ("President of Kazakhstan", "Kazakh President", "Acting Prime Minister of Belarus"), never a vice,
deputy or former holder, nor a president of a region, chamber or association. The same entry is filed under each
country it concerns, so a meeting is kept once per Chinese leader, counterpart and day.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sco.countries import country_name, iso3_for
from sco.meetings import VISIT_GAP  # entries of the same two leaders this close together are one visit

FILE = "china_vitae/all_engagements_2003-2018.rds"
CHINESE_LEADERS = ("Hu Jintao", "Wen Jiabao", "Xi Jinping", "Li Keqiang")  # presidents and premiers, 2003-2018
COLUMNS = ("date", "year", "country", "leader", "text")

_ENTRY = re.compile(r"^(?P<who>.+?) (?:travelled to|was in) (?P<place>.+?)(?: and met with the following:"
                    r"(?P<met>.*?))?(?:\s*Others Attending:.*)?$", re.S)
_COUNTERPART = re.compile(r"\s*(?P<name>[^()]+?)\s*\((?P<title>(?:[^()]|\([^()]*\))*)\)")
_OFFICES = ("Prime Minister", "Premier", "President", "King", "Emir", "Amir", "Sultan")
_NOT_THE_HOLDER = re.compile(r"\b(?:Vice|Deputy|Former|Honorary)\b|Vice-", re.I)
_STANDING_IN = re.compile(r"\b(?:Acting|Interim)\s+")  # an acting or interim holder holds the office

# The adjectives China Vitae uses before an office ("Kazakh President"), for the states in scope.
ADJECTIVES = {
    "Afghan": "AFG", "Armenian": "ARM", "Azerbaijani": "AZE", "Bahraini": "BHR", "Belarusian": "BLR",
    "Belarussian": "BLR", "Cambodian": "KHM", "Egyptian": "EGY", "Emirati": "ARE", "UAE": "ARE", "Indian": "IND",
    "Iranian": "IRN", "Kazakh": "KAZ", "Kazakhstani": "KAZ", "Kuwaiti": "KWT", "Kyrgyz": "KGZ", "Lao": "LAO",
    "Laotian": "LAO", "Maldives": "MDV", "Maldivian": "MDV", "Mongolian": "MNG", "Myanmar": "MMR",
    "Myanmar's": "MMR", "Nepalese": "NPL", "Nepali": "NPL", "Pakistani": "PAK", "Qatari": "QAT", "Russian": "RUS", "Saudi": "SAU", "Saudi Arabian": "SAU",
    "Sri Lankan": "LKA", "Tajik": "TJK", "Turkish": "TUR", "Uzbek": "UZB",
}
# How China Vitae names a state after "of" where pycountry does not find it.
STATE_NAMES = {"United Arab Emirates": "ARE", "Republic of Korea": "KOR", "Korea": "KOR", "Burma": "MMR"}

# China Vitae's spellings of the leaders of SCO states, where they differ from the spelling the curated tables use.
SPELLINGS = {
    "Abdel-Fattah al-Sisi": "Abdel Fattah al-Sisi", "El-sissi Abdel Fattah": "Abdel Fattah al-Sisi",
    "Abduganiyevich Karimov": "Islam Karimov", "Ashraf Ghani Ahmadzai": "Ashraf Ghani",
    "Mohammad Ashraf Ghani": "Ashraf Ghani", "Dmitri Medvedev": "Dmitry Medvedev",
    "Emomali Rakhmon": "Emomali Rahmon", "Emomali Rakhmonov": "Emomali Rahmon",
    "Emomali Sharipovich Rakhmonov": "Emomali Rahmon", "Mohamed Morsy": "Mohamed Morsi",
    "Recep Tayyip Erdogan": "Recep Tayyip Erdoğan", "Robert Sedrakovich Kocharyan": "Robert Kocharyan",
    "Shavkat Mirziyaev": "Shavkat Mirziyoyev", "Vladmir Putin": "Vladimir Putin",
    "Bin Rashid Al Maktoum Sheikh Mohammed": "Mohammed bin Rashid Al Maktoum",
    "Sheikh Mohammed bin Rashid Al Maktoum": "Mohammed bin Rashid Al Maktoum",
    "King Abdullah bin Abdul-Aziz": "Abdullah bin Abdulaziz Al Saud", "bin Abdul-Aziz Abdullah":
        "Abdullah bin Abdulaziz Al Saud", "Abdullah": "Abdullah bin Abdulaziz Al Saud",
    "Aliyev": "Ilham Aliyev", "Almazbek Atambaev": "Almazbek Atambayev", "Bandaranalke Kumaratunga":
        "Chandrika Kumaratunga", "Chandrika Bandaranaike Kumaratunga": "Chandrika Kumaratunga",
    "Bouphavanh Bouasone": "Bouasone Bouphavanh", "Choummaly Saygnasone": "Choummaly Sayasone",
    "Saygnasone Choummaly": "Choummaly Sayasone", "Sayasone Choummaly": "Choummaly Sayasone",
    "Dimitri Medvedev": "Dmitry Medvedev", "K. P. Oli": "KP Sharma Oli", "K.P. Sharma Oli": "KP Sharma Oli",
    "Khaltmaa Battulga": "Khaltmaagiin Battulga", "King Norodom Sihamoni": "Norodom Sihamoni",
    "Sihamoni Norodom": "Norodom Sihamoni", "King Norodom Sihanouk": "Norodom Sihanouk",
    "Mahinda Rajapakse": "Mahinda Rajapaksa", "Mahmud Ahmadinejad": "Mahmoud Ahmadinejad",
    "Mikhail Mikhaylovich Kasyanov": "Mikhail Kasyanov", "Miegomby Enkhbold": "Miyeegombyn Enkhbold",
    "Nachagyn Bagabandy": "Natsagiin Bagabandi", "Norov Altankhuyag": "Norovyn Altankhuyag",
    "Noroviin Altanhuyag": "Norovyn Altankhuyag", "Samdech Techo Hun Sen": "Hun Sen", "Samdech Techo Hun Se": "Hun Sen",
    "Sen Hun": "Hun Sen", "Sanj Bayar": "Sanjaagiin Bayar", "Sein Thein": "Thein Sein", "Sein U Thein": "Thein Sein",
    "Thein Sein U": "Thein Sein", "U Thein Sein": "Thein Sein", "U Htin Kyaw": "Htin Kyaw",
    "Tsakhia Elbegdorj": "Tsakhiagiin Elbegdorj", "Sheikh Tamim Bin Hamad al-Thani": "Tamim bin Hamad Al Thani",
    "Sheikh Hamad bin Khalifa al Thani": "Hamad bin Khalifa Al Thani",
    "bin Jasim bin Jabir al-Thani Sheikh Hamad": "Hamad bin Jassim bin Jaber Al Thani",
    "Sheikh Hamad bin Isa Al-khalifa": "Hamad bin Isa Al Khalifa",
    "Sheikh Sabah Al-Ahmad Al-Jaber Al-Sabah": "Sabah Al-Ahmad Al-Jaber Al-Sabah",
    "al-Ahmad al-Jaber al-Sabah Sheikh Sabah": "Sabah Al-Ahmad Al-Jaber Al-Sabah",
    "Sheikh Jaber Al-Mubarak Al-Hamad Al-Sabah": "Jaber Al-Mubarak Al-Hamad Al-Sabah",
    "Almaz Atambayev": "Almazbek Atambayev", "Win Soe": "Soe Win",
    "Vladimir Vladimir": "Vladimir Putin",  # "Vladimir Vladimir (President of Russia)", 8 June 2007
}

# Places as China Vitae writes them -> the city name of cities.csv; None where the place is not a city.
PLACES = {"Alma-ata": "Almaty", "Matybulak Range": None, "New York, New York": "New York", "Pusan": "Busan",
          "Singapore City": "Singapore", "St. Petersburg": "Saint Petersburg", "Ulan Bator": "Ulaanbaatar",
          "Washington D.C.": "Washington", "Nay Pyi Taw": "Naypyidaw", "Bali": None,
          # Resorts GeoNames does not list as cities: the town they belong to.
          "Boao": "Qionghai", "Gleneagles": "Auchterarder", "Heiligendamm": "Bad Doberan",
          "Los Cabos": "San José del Cabo"}
_CHINESE_UNITS = re.compile(r"\s+(?:Municipality|Province|Autonomous Region|Special Administrative Region)$")


class VitaeProblem(ValueError):
    """An entry the import cannot read; the caller adds the file name."""

    def __init__(self, row: int, reason: str):
        self.row, self.reason = row, reason
        super().__init__(f"row {row}: {reason}")


@dataclass(frozen=True)
class Head:
    name: str
    iso3: str


def _state(name: str) -> str | None:
    return STATE_NAMES.get(name) or iso3_for(name)


def read_engagements(path: Path) -> list[dict]:
    """The records as dicts, in file order, each with its 1-based `row`."""
    import rdata  # only the import needs it (requirements-dev.txt)

    with warnings.catch_warnings():  # "Missing constructor for R class tbl_df": read as a plain data.frame
        warnings.simplefilter("ignore", UserWarning)
        frame = rdata.read_rds(path, default_encoding="utf-8")
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise VitaeProblem(0, f"columns {', '.join(missing)} missing (found: {', '.join(frame.columns)})")
    return [{"row": i, **{c: ("" if v is None else str(v)) for c, v in zip(COLUMNS, values)}}
            for i, values in enumerate(frame[list(COLUMNS)].itertuples(index=False, name=None), start=1)]


def state_of(title: str) -> str | None:
    """The state whose head of state or government a title names, or None: "President of Kazakhstan",
    "Kazakh President", "Prime Minister of Cambodian", "UAE Vice President and Prime Minister"."""
    title = re.sub(r"\s*\([^()]*\)$", "", _STANDING_IN.sub("", " ".join(title.split())))  # "... (ROK)"
    adjective = next((a for a in sorted(ADJECTIVES, key=len, reverse=True) if title.startswith(a + " ")), None)
    for part in re.split(r"\s+and\s+", title):
        if _NOT_THE_HOLDER.search(part):
            continue
        for office in _OFFICES:
            of = re.match(rf"{office}(?: General)? of (?:the )?(?:(?:Islamic|Kyrgyz|Arab|Socialist) )?(?:Republic of )?"
                          rf"(?:the )?(?P<name>.+)$", part)
            if of:
                return ADJECTIVES.get(of["name"]) or _state(of["name"])
            if part == office and adjective:
                return ADJECTIVES[adjective]
            if part.endswith(" " + office):
                return ADJECTIVES.get(part[: -len(office) - 1])
    return None


def heads_met(text: str) -> list[Head]:
    """The heads of state or government an entry lists, in its order."""
    match = _ENTRY.match(" ".join(text.split()))
    if not match or not match["met"]:
        return []
    heads = []
    for counterpart in _COUNTERPART.finditer(match["met"]):
        iso3 = state_of(counterpart["title"])
        if iso3:
            name = counterpart["name"].strip()
            heads.append(Head(SPELLINGS.get(name, name), iso3))
    return heads


def place_of(text: str, row: int) -> tuple[str | None, str]:
    """(city, host iso3) of an entry: 'Kazakhstan, Astana' -> Astana in KAZ; 'Beijing Municipality' and
    'Hainan Province, Sanya City' are in China."""
    match = _ENTRY.match(" ".join(text.split()))
    parts = [p.strip() for p in match["place"].split(",")]
    first, rest = parts[0], ", ".join(parts[1:])
    if _CHINESE_UNITS.search(first):
        host, city = "CHN", re.sub(r"\s+City$", "", rest) if rest else _CHINESE_UNITS.sub("", first)
    else:
        host, city = _state(first), rest
        if host is None:
            raise VitaeProblem(row, f"place '{match['place']}': country '{first}' is not known")
    city = PLACES.get(city, city) if city else None
    return city, host


def entry_date(text: str, row: int) -> date:
    try:
        return datetime.strptime(text, "%m/%d/%y").date()
    except ValueError:
        raise VitaeProblem(row, f"date '{text}' is not MM/DD/YY") from None


def occasion(day: date, host: str, other: str, summits: list[dict]) -> str:
    """The SCO summit the meeting was held at, when its host city and days match; else whose visit it was."""
    for summit in summits:
        if summit["host_iso3"] == host and summit["start_date"] - _DAY <= day <= summit["end_date"]:
            return f"SCO summit {summit['city']} {summit['start_date'].year}"
    if host == "CHN":
        return "In China"
    if host == other:
        return f"Visit to {country_name(host)}"
    return f"In {country_name(host)}"


_DAY = timedelta(days=1)


def meetings(records: list[dict], states: set[str], summits: list[dict], source_id: str,
             left_out: list[str] | None = None) -> list[dict]:
    """Meeting rows (the meetings table's columns and source_id), one per Chinese leader, counterpart and visit:
    entries in one place at most VISIT_GAP apart are one row with `end_date`. An entry that lists heads of state or
    government of two or more states records a group meeting (a summit session, a banquet), not a bilateral one,
    and is left out (and listed in `left_out`, with its row)."""
    days: dict[tuple[str, Head], dict[date, tuple[str | None, str, str]]] = {}
    for record in records:
        if record["leader"] not in CHINESE_LEADERS or not record["text"].startswith(record["leader"] + " "):
            continue
        heads = heads_met(record["text"])
        states_met = {h.iso3 for h in heads}
        if len(states_met) > 1 and states_met & states and left_out is not None:
            left_out.append(f"row {record['row']}: {record['leader']} with the leaders of {len(states_met)} states "
                            f"({', '.join(sorted(states_met))}) in one record: a group meeting")
        if len(states_met) != 1 or heads[0].iso3 not in states or heads[0].iso3 == "CHN":
            continue
        day = entry_date(record["date"], record["row"])
        place = place_of(record["text"], record["row"])
        for head in heads:
            days.setdefault((record["leader"], head), {}).setdefault(day, (*place, " ".join(record["text"].split())))
    out = []
    for (leader, head), entries in days.items():
        visits: list[list[date]] = []
        for day in sorted(entries):
            last = visits[-1][-1] if visits else None
            if last and day - last <= VISIT_GAP and entries[day][:2] == entries[last][:2]:
                visits[-1].append(day)
            else:
                visits.append([day])
        for visit in visits:
            first, end = visit[0], visit[-1]
            city, host, text = entries[first]
            note = f'China Vitae, {first.isoformat()}: "{text}"'
            if end != first:
                note += f" (listed again on {', '.join(d.isoformat() for d in visit[1:])})"
            out.append({"date": first.isoformat(), "end_date": end.isoformat() if end != first else "",
                        "date_precision": "day", "iso3_a": "CHN", "leader_a": leader, "iso3_b": head.iso3,
                        "leader_b": head.name, "city": city or "", "host_iso3": host, "format": "in_person",
                        "occasion": occasion(first, host, head.iso3, summits), "note": note, "source_id": source_id})
    return sorted(out, key=lambda r: (r["date"], r["leader_a"], r["iso3_b"], r["leader_b"]))

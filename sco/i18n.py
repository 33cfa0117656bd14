"""Every interface string in English and Spanish, in one place, and dates written the way each language writes them."""
from __future__ import annotations

import re

from datetime import date

import pandas as pd

from sco.countries import city_name, country_name, iso3_for
from sco.schema import AUTHORITIES

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DEFAULT_LANG = "en"

STRINGS: dict[str, dict[str, str]] = {
    # Shell
    "app_title": {"en": "SCO relations dashboard", "es": "Panel de relaciones de la OCS"},
    "language": {"en": "Language · Idioma", "es": "Language · Idioma"},
    "page_home": {"en": "Overview", "es": "Resumen"},
    "page_membership": {"en": "Membership", "es": "Membresía"},
    "page_summits": {"en": "Summits", "es": "Cumbres"},
    "data_folder_note": {"en": "Data folder: {folder}", "es": "Carpeta de datos: {folder}"},
    "unexpected_error": {
        "en": "This view could not be drawn because of an unexpected error. The other pages still work; "
              "please report the link of this view.",
        "es": "Esta vista no pudo dibujarse por un error inesperado. Las demás páginas siguen funcionando; "
              "por favor, comunique el enlace de esta vista.",
    },
    "ignored_parameter": {"en": "The link's value for '{name}' was not understood and was ignored.",
                          "es": "El valor del enlace para '{name}' no se entendió y se ignoró."},
    "ignored_unknown_parameters": {"en": "{count} unknown link parameter(s) ignored.",
                                   "es": "Se ignoraron {count} parámetro(s) desconocido(s) del enlace."},
    # Data problems
    "data_problem_title": {
        "en": "Some data could not be used. The tables below were withheld whole until these problems are fixed:",
        "es": "Algunos datos no pudieron usarse. Estas tablas se retuvieron completas hasta corregir estos problemas:",
    },
    "data_missing": {"en": "No data file: {files}.", "es": "Falta el archivo de datos: {files}."},
    "col_file": {"en": "File", "es": "Archivo"},
    "col_row": {"en": "Row", "es": "Fila"},
    "col_column": {"en": "Column", "es": "Columna"},
    "col_value": {"en": "Value", "es": "Valor"},
    "col_rule": {"en": "Rule", "es": "Regla"},
    # Statuses and formats
    "status_member": {"en": "Member", "es": "Miembro"},
    "status_observer": {"en": "Observer", "es": "Observador"},
    "status_dialogue_partner": {"en": "Dialogue partner", "es": "Socio de diálogo"},
    "status_partner": {"en": "SCO partner", "es": "Socio de la OCS"},
    "format_in_person": {"en": "In person", "es": "Presencial"},
    "format_virtual": {"en": "Virtual", "es": "Virtual"},
    "format_hybrid": {"en": "Hybrid", "es": "Híbrida"},
    "format_phone": {"en": "Phone call", "es": "Llamada telefónica"},
    "body_shanghai_five": {"en": "Shanghai Five", "es": "Grupo de Shanghái"},
    "body_sco": {"en": "SCO", "es": "OCS"},
    # Common columns and labels
    "country": {"en": "Country", "es": "País"},
    "status": {"en": "Status", "es": "Estatus"},
    "start": {"en": "From", "es": "Desde"},
    "end": {"en": "Until", "es": "Hasta"},
    "current": {"en": "current", "es": "vigente"},
    "note": {"en": "Note", "es": "Nota"},
    "source": {"en": "Source", "es": "Fuente"},
    "source_link": {"en": "Source link", "es": "Enlace a la fuente"},
    "also_source": {"en": "Also recorded in", "es": "También registrada en"},
    "leaders_ranking_title": {"en": "Who met most: leaders by number of meetings",
                              "es": "Quién se reunió más: líderes por número de reuniones"},
    "leaders_capped": {"en": "The chart shows the {shown} leaders with most meetings; {rest} more are in the table.",
                       "es": "El gráfico muestra los {shown} líderes con más reuniones; otros {rest} están en la tabla."},
    "one_leader": {"en": "One leader's meetings", "es": "Las reuniones de un líder"},
    "leader": {"en": "Leader", "es": "Líder"},
    "leader_year": {"en": "Year", "es": "Año"},
    "whole_period": {"en": "the chosen period", "es": "el periodo elegido"},
    "leader_counterparts_title": {"en": "{leader}: counterparts, {period}", "es": "{leader}: interlocutores, {period}"},
    "counterparts_capped": {"en": "The chart shows the {shown} counterparts met most; {rest} more are in the table.",
                            "es": "El gráfico muestra los {shown} interlocutores más frecuentes; otros {rest} están en "
                                  "la tabla."},
    "leader_summary": {"en": "{leader}: {count} meetings in {period}.", "es": "{leader}: {count} reuniones en {period}."},
    "leader_summary_one": {"en": "{leader}: {count} meeting in {period}.", "es": "{leader}: {count} reunión en {period}."},
    "pair_and_trade_title": {"en": "{pair}: meetings per year, and the pair's trade",
                             "es": "{pair}: reuniones por año y el comercio de la pareja"},
    "trade_total_line": {"en": "Trade, total (best figure)", "es": "Comercio total (mejor cifra)"},
    "pair_trade_caption": {"en": "The line is the pair's total trade each calendar year, by the order of the Trade "
                                 "page's 'best' rule (a state's own statistics first, then the reconciled estimate, "
                                 "then statements); the hover says whose figure it is.",
                           "es": "La línea es el comercio total de la pareja cada año natural, según el orden de la "
                                 "regla 'mejor' de la página de comercio (primero las estadísticas propias de un "
                                 "Estado, luego la estimación conciliada, luego las declaraciones); al pasar el cursor "
                                 "se ve de quién es la cifra."},
    "summit_bilaterals": {"en": "Bilateral meetings at a summit", "es": "Reuniones bilaterales en una cumbre"},
    "summit_pick": {"en": "Summit", "es": "Cumbre"},
    "summit_network_title": {"en": "Bilateral meetings at the SCO summit, {city} {year}",
                             "es": "Reuniones bilaterales en la cumbre de la OCS, {city} {year}"},
    "summit_bilaterals_count": {"en": "Bilateral meetings", "es": "Reuniones bilaterales"},
    "summit_bilaterals_rule": {"en": "Meetings in the host city from the day before the summit to its last day, or "
                                     "recorded as held at it.",
                               "es": "Reuniones en la ciudad anfitriona desde la víspera de la cumbre hasta su último "
                                     "día, o registradas como celebradas en ella."},
    "no_summit_bilaterals": {"en": "No bilateral meeting at this summit is recorded.",
                             "es": "No consta ninguna reunión bilateral en esta cumbre."},
    "how_current": {"en": "Data version {version} (the day a table last changed); newest meeting recorded: {meeting}; "
                           "newest year with a trade figure: {year}.",
                    "es": "Versión de los datos: {version} (el día en que cambió una tabla por última vez); reunión "
                          "más reciente registrada: {meeting}; año más reciente con una cifra de comercio: {year}."},
    "decided": {"en": "Membership decided", "es": "Decisiones de membresía"},
    "no_summits": {"en": "No summit matches these filters.", "es": "Ninguna cumbre coincide con estos filtros."},
    "all_formats": {"en": "All formats", "es": "Todos los formatos"},
    "all_hosts": {"en": "All hosts", "es": "Todos los anfitriones"},
    "at_least": {"en": "at least {count}", "es": "al menos {count}"},
    "coverage_census": {"en": "A complete count (census): every meeting that took place is in the record, as the "
                              "statement below says.",
                        "es": "Un recuento completo (censo): todas las reuniones que hubo están en el registro, como "
                              "dice la declaración de abajo."},
    "coverage_sample": {"en": "A lower bound: the record is complete only where a statement below says so; "
                              "elsewhere meetings may be missing.",
                        "es": "Una cota inferior: el registro solo es completo donde lo dice una declaración de "
                              "abajo; en lo demás pueden faltar reuniones."},
    "coverage_title": {"en": "How complete is this count", "es": "Cuán completo es este recuento"},
    "coverage_none": {"en": "No coverage statement concerns this choice: the record is a sample.",
                      "es": "Ninguna declaración de cobertura atañe a esta selección: el registro es una muestra."},
    "coverage_sources": {"en": "How complete the meetings record is", "es": "Cuán completo es el registro de reuniones"},
    "sides": {"en": "Sides", "es": "Partes"},
    "leaders": {"en": "Leaders", "es": "Líderes"},
    "all_leaders": {"en": "all heads of state or government", "es": "todos los jefes de Estado o de Gobierno"},
    "any_sco_state": {"en": "any SCO state", "es": "cualquier Estado de la OCS"},
    "completeness": {"en": "Completeness", "es": "Completitud"},
    "completeness_census": {"en": "census", "es": "censo"},
    "completeness_sample": {"en": "sample", "es": "muestra"},
    "searched": {"en": "What was searched", "es": "Qué se buscó"},
    "also_source_link": {"en": "Link to that record", "es": "Enlace a ese registro"},
    "date": {"en": "Date", "es": "Fecha"},
    "year": {"en": "Year", "es": "Año"},
    "city": {"en": "City", "es": "Ciudad"},
    "host": {"en": "Host", "es": "Anfitrión"},
    "format": {"en": "Format", "es": "Formato"},
    "body": {"en": "Body", "es": "Órgano"},
    "summits_count": {"en": "Summits hosted", "es": "Cumbres celebradas"},
    "years": {"en": "Years", "es": "Años"},
    "table_capped": {"en": "Showing the first {shown} of {total} rows; the download holds them all.",
                     "es": "Se muestran las primeras {shown} de {total} filas; la descarga las contiene todas."},
    "download_csv": {"en": "Download these rows (CSV)", "es": "Descargar estas filas (CSV)"},
    "map_missing_countries": {
        "en": "Too small to draw on this world map: {names}. They are listed in the table.",
        "es": "Demasiado pequeños para dibujarse en este mapa mundial: {names}. Figuran en la tabla.",
    },
    # Home
    "home_intro": {
        "en": "The Shanghai Cooperation Organisation (SCO) was founded in Shanghai on {founded} by {founders}, "
              "building on the Shanghai Five. It has since admitted {later}.",
        "es": "La Organización de Cooperación de Shanghái (OCS) se fundó en Shanghái el {founded} por {founders}, "
              "a partir del Grupo de Shanghái. Desde entonces ha admitido a {later}.",
    },
    "home_scope": {
        "en": "This dashboard shows who has belonged to the SCO and in which status, where its summits were held, "
              "and, as the data grow, its leaders' meetings and trade. Every row links to the public source "
              "that states it.",
        "es": "Este panel muestra quién ha pertenecido a la OCS y con qué estatus, dónde se celebraron sus cumbres "
              "y, a medida que crecen los datos, las reuniones de sus líderes y su comercio. Cada fila enlaza a la "
              "fuente pública que la respalda.",
    },
    "metric_members": {"en": "Members today", "es": "Miembros hoy"},
    "metric_partners": {"en": "Partners today", "es": "Socios hoy"},
    "metric_partners_help": {"en": "States with another SCO status: observers and dialogue partners until the "
                                   "Tianjin summit of 1 September 2025, SCO partners since.",
                             "es": "Estados con otro estatus en la OCS: observadores y socios de diálogo hasta la "
                                   "cumbre de Tianjin del 1 de septiembre de 2025, socios de la OCS desde entonces."},
    "metric_newest": {"en": "Newest member", "es": "Miembro más reciente"},
    "metric_latest_summit": {"en": "Latest summit", "es": "Última cumbre"},
    "since": {"en": "since {date}", "es": "desde el {date}"},
    "home_map_title": {"en": "SCO statuses today ({date})", "es": "Estatus en la OCS hoy ({date})"},
    "explore": {"en": "Explore", "es": "Explorar"},
    "link_membership": {"en": "Who was in the SCO, in which status, on any date",
                        "es": "Quién estaba en la OCS, y con qué estatus, en cualquier fecha"},
    "link_summits": {"en": "Where and when every summit was held", "es": "Dónde y cuándo se celebró cada cumbre"},
    # Membership page
    "membership_title": {"en": "Membership over time", "es": "Membresía a lo largo del tiempo"},
    "as_of": {"en": "Status as of", "es": "Estatus a fecha de"},
    "membership_map_title": {"en": "SCO statuses on {date}", "es": "Estatus en la OCS el {date}"},
    "status_counts": {"en": "On {date}: {counts}.", "es": "El {date}: {counts}."},
    "shanghai_five_years": {"en": "On {date} the SCO did not exist yet: it was founded on 15 June 2001. From 1996 "
                                  "China, Kazakhstan, Kyrgyzstan, Russia and Tajikistan met as the Shanghai Five "
                                  "(see Summits).",
                            "es": "El {date} la OCS aún no existía: se fundó el 15 de junio de 2001. Desde 1996, "
                                  "China, Kazajistán, Kirguistán, Rusia y Tayikistán se reunían como el Grupo de "
                                  "Shanghái (véase Cumbres)."},
    "none_on_date": {"en": "No state held an SCO status on {date}.",
                     "es": "Ningún Estado tenía estatus en la OCS el {date}."},
    "play_years": {"en": "Play through the years", "es": "Recorrer los años"},
    "play_years_help": {"en": "An animated map of statuses at the end of each year (this year: today).",
                        "es": "Un mapa animado del estatus al final de cada año (este año: hoy)."},
    "animation_title": {"en": "SCO statuses at the end of each year", "es": "Estatus en la OCS al final de cada año"},
    "timeline_title": {"en": "Status of each state over time", "es": "Estatus de cada Estado a lo largo del tiempo"},
    "table_title": {"en": "Status intervals with their sources", "es": "Intervalos de estatus con sus fuentes"},
    "precision_note": {"en": "Dates given only to the month or year in the source are marked as such.",
                       "es": "Las fechas que la fuente da solo con mes o año se indican así."},
    "precision": {"en": "Date precision", "es": "Precisión de la fecha"},
    "precision_day": {"en": "day", "es": "día"},
    "precision_month": {"en": "month", "es": "mes"},
    "precision_year": {"en": "year", "es": "año"},
    # Summits page
    "summits_title": {"en": "Summits of heads of state", "es": "Cumbres de jefes de Estado"},
    "summits_intro": {
        "en": "Meetings of the Shanghai Five (1996-2000) and of the SCO Council of Heads of State. For a virtual "
              "summit the map shows the chair's capital.",
        "es": "Reuniones del Grupo de Shanghái (1996-2000) y del Consejo de Jefes de Estado de la OCS. Para una "
              "cumbre virtual, el mapa muestra la capital de la presidencia.",
    },
    "summits_map_title": {"en": "Host cities", "es": "Ciudades anfitrionas"},
    "summits_timeline_title": {"en": "Summits over time", "es": "Cumbres a lo largo del tiempo"},
    "summits_table_title": {"en": "Every summit with its source", "es": "Cada cumbre con su fuente"},
    # Meetings page
    "page_meetings": {"en": "Leader meetings", "es": "Reuniones de líderes"},
    "link_meetings": {"en": "Who met whom, where and how: Putin and Xi, the summits' sidelines, state visits",
                      "es": "Quién se reunió con quién, dónde y cómo: Putin y Xi, los márgenes de las cumbres, "
                            "las visitas de Estado"},
    "meetings_title": {"en": "Bilateral meetings of leaders", "es": "Reuniones bilaterales de líderes"},
    "meetings_intro": {
        "en": "One row per bilateral meeting of heads of state or government, in person, by video or by phone, each "
              "with its source: China's presidents and premiers with SCO leaders (2003-2018 from China Vitae's "
              "records, later from readouts), Putin with each member's leader (2012-2025), every SCO summit's "
              "sidelines since 2017, and a sample of the rest. Each count says whether it is complete or a lower "
              "bound, and which coverage statements say so.",
        "es": "Una fila por reunión bilateral de jefes de Estado o de Gobierno, presencial, por vídeo o por teléfono, "
              "cada una con su fuente: los presidentes y primeros ministros de China con líderes de la OCS (2003-2018 "
              "según los registros de China Vitae, después según los comunicados), Putin con el líder de cada miembro "
              "(2012-2025), los márgenes de cada cumbre de la OCS desde 2017 y una muestra del resto. Cada recuento "
              "dice si es completo o una cota inferior, y qué declaraciones de cobertura lo dicen."},

    "period": {"en": "Period", "es": "Periodo"},
    "countries": {"en": "Countries (either side)", "es": "Países (cualquiera de las partes)"},
    "all_countries": {"en": "All countries", "es": "Todos los países"},
    "counting_rule": {"en": "What counts as a meeting", "es": "Qué cuenta como reunión"},
    "rule_in_person": {"en": "In person only", "es": "Solo presenciales"},
    "rule_in_person_video": {"en": "In person and video calls", "es": "Presenciales y por vídeo"},
    "rule_all_contacts": {"en": "Every contact, phone calls included", "es": "Todo contacto, llamadas incluidas"},
    "meetings_counted": {"en": "Meetings counted", "es": "Reuniones contadas"},
    "meetings_count": {"en": "Meetings", "es": "Reuniones"},
    "rule_caption": {
        "en": "{count} under the rule '{rule}', {first} to {last}. Official tallies differ by rule: TASS counted the "
              "video call of 15 December 2021 as Putin and Xi's 37th meeting.",
        "es": "{count} según la regla «{rule}», del {first} al {last}. Los recuentos oficiales difieren según la regla: "
              "TASS contó la videollamada del 15 de diciembre de 2021 como la 37.ª reunión de Putin y Xi.",
    },
    "no_meetings": {"en": "No meeting in the data matches these filters.",
                    "es": "Ninguna reunión de los datos coincide con estos filtros."},
    "meetings_map_title": {"en": "Where they met", "es": "Dónde se reunieron"},
    "unplaced_meetings": {"en": "{count} of these meetings have no place on the map (calls, or a place the source "
                                "does not name as a city).",
                          "es": "{count} de estas reuniones no tienen lugar en el mapa (llamadas, o un lugar que la "
                                "fuente no identifica como ciudad)."},
    "meetings_timeline_title": {"en": "Meetings over time, with SCO summits dotted",
                                "es": "Reuniones a lo largo del tiempo, con las cumbres de la OCS punteadas"},
    "chart_capped": {"en": "This chart shows the {shown} most frequent of {total} pairs; the table below lists "
                             "every meeting. Narrow the countries or the period to see the others.",
                     "es": "Este gráfico muestra las {shown} parejas más frecuentes de {total}; la tabla de abajo "
                           "recoge todas las reuniones. Acote los países o el periodo para ver las demás."},
    "timeline_capped": {"en": "This chart shows the {shown} states that entered first, of {total}; the table below "
                                "lists every state.",
                        "es": "Este gráfico muestra los {shown} Estados que entraron primero, de {total}; la tabla "
                              "de abajo recoge todos."},
    "hosts_capped": {"en": "This chart shows the {shown} hosts of the most summits, of {total}; the table below "
                             "lists every summit.",
                     "es": "Este gráfico muestra los {shown} anfitriones con más cumbres, de {total}; la tabla de "
                           "abajo recoge todas las cumbres."},
    "map_capped": {"en": "The map shows the {shown} busiest of {total} places.",
                   "es": "El mapa muestra los {shown} lugares con más reuniones de {total}."},
    "meetings_animation_title": {"en": "Where leaders met, year by year (in the filtered meetings)",
                                 "es": "Dónde se reunieron los líderes, año por año (reuniones filtradas)"},
    "sco_summit": {"en": "SCO summit", "es": "Cumbre de la OCS"},
    "network_title": {"en": "Who met whom (line width: number of meetings)",
                      "es": "Quién se reunió con quién (grosor: número de reuniones)"},
    "pair_drilldown": {"en": "One pair, year by year", "es": "Una pareja, año por año"},
    "network_section": {"en": "Who met whom, and who met most", "es": "Quién se reunió con quién, y quién más"},
    "pair": {"en": "Pair", "es": "Pareja"},
    "pair_per_year_title": {"en": "{pair}: meetings per year", "es": "{pair}: reuniones por año"},
    "pair_summary": {"en": "{pair}: {count} meetings from {first} to {last}; the latest on {latest}.",
                     "es": "{pair}: {count} reuniones del {first} al {last}; la última el {latest}."},
    "pair_summary_one": {"en": "{pair}: {count} meeting from {first} to {last}, on {latest}.",
                         "es": "{pair}: {count} reunión del {first} al {last}, el {latest}."},
    "meetings_table_title": {"en": "The meetings shown, with their sources",
                             "es": "Las reuniones mostradas, con sus fuentes"},
    "leader_a": {"en": "Leader", "es": "Líder"},
    "leader_b": {"en": "Counterpart", "es": "Contraparte"},
    "occasion": {"en": "Occasion", "es": "Ocasión"},
    # Sources and methods page
    "page_sources": {"en": "Sources and methods", "es": "Fuentes y métodos"},
    "link_sources": {"en": "What each table covers, how it was compiled, and the known discrepancies",
                     "es": "Qué cubre cada tabla, cómo se elaboró y las discrepancias conocidas"},
    "sources_title": {"en": "Sources and methods", "es": "Fuentes y métodos"},
    "sources_intro": {
        "en": "Every row of every table names the public page that states it. What could not be sourced is left "
              "out and shown as a gap, never guessed or interpolated; where sources disagree the row keeps the later "
              "or more precise figure and its note gives the other, with its address. Dates the source gives only to "
              "the month or year are marked as such.",
        "es": "Cada fila de cada tabla cita la página pública que la respalda. Lo que no pudo documentarse se omite "
              "y se muestra como hueco, nunca se supone ni se interpola; cuando las fuentes discrepan, la fila "
              "conserva la cifra más reciente o más precisa y su nota da la otra, con su dirección. Las fechas que "
              "la fuente da solo con mes o año se marcan así.",
    },
    "tables_section": {"en": "The tables", "es": "Las tablas"},
    "col_table": {"en": "Table", "es": "Tabla"},
    "col_rows": {"en": "Rows", "es": "Filas"},
    "col_first": {"en": "From", "es": "Desde"},
    "col_last": {"en": "To", "es": "Hasta"},
    "col_countries": {"en": "Countries named", "es": "Países citados"},
    "col_changed": {"en": "Last changed", "es": "Último cambio"},
    "dictionary_section": {"en": "Data dictionary (generated from the schema)",
                           "es": "Diccionario de datos (generado a partir del esquema)"},
    "col_type": {"en": "Type", "es": "Tipo"},
    "col_required": {"en": "Required", "es": "Obligatoria"},
    "col_meaning": {"en": "Meaning", "es": "Significado"},
    "rules_section": {"en": "Counting rules", "es": "Reglas de recuento"},
    "rules_text": {
        "en": "Meetings: one row per bilateral meeting of heads of state or government; a three-way meeting is "
              "recorded as its pairs; a visit of several days is one row dated on the day of the talks, with its "
              "last day in end_date. The Meetings page counts in person only, in person and video calls (the "
              "default), or every contact including phone calls. Membership: a status runs from its start date up "
              "to, not including, its end date, so that on any date each state holds one status. Trade: each "
              "reporter's figures form their own series; a total is computed as exports + imports only where a "
              "reporter published those and no total, and such points are marked.",
        "es": "Reuniones: una fila por reunión bilateral de jefes de Estado o de Gobierno; una reunión a tres se "
              "registra como sus parejas; una visita de varios días es una fila fechada el día de las "
              "conversaciones, con su último día en end_date. La página de reuniones cuenta solo las presenciales, "
              "las presenciales y por vídeo (por defecto) o todo contacto, llamadas incluidas. Membresía: un estatus "
              "rige desde su fecha de inicio hasta su fecha de fin, sin incluirla, de modo que en cada fecha cada "
              "Estado tiene un solo estatus. Comercio: las cifras de cada declarante forman su propia serie; un "
              "total se calcula como exportaciones + importaciones solo donde el declarante publicó esas y ningún "
              "total, y esos puntos se marcan.",
    },
    "discrepancies_section": {"en": "Known discrepancies", "es": "Discrepancias conocidas"},
    "discrepancies": {
        "en": "China's and Russia's customs report different China-Russia totals (different valuation and partner "
              "attribution), and Russia stopped publishing foreign-trade statistics in 2022: after that its side "
              "rests on officials' statements. | India reports by fiscal year (April-March), Pakistan by fiscal "
              "year (July-June) and Iran by the Iranian year (from about 21 March); those figures are kept apart "
              "from calendar years and labelled by the year the "
              "fiscal year ends. | In the IMF's Direction of Trade Statistics exports are valued FOB and imports CIF, "
              "so one side's exports never equal the other side's imports; India's IMF rows for 1992-1994 and 1996 "
              "are corrupt in the extract used and are left out. | Putin-Xi meeting counts differ by whether video "
              "and phone calls count: TASS counted the video call of 15 December 2021 as their 37th meeting. | "
              "Astana was called Nur-Sultan from 2019 to 2022; tables use the name of the time. | At the Tianjin "
              "summit (1 September 2025) observers and dialogue partners were merged into one status, SCO partner.",
        "es": "Las aduanas de China y de Rusia declaran totales distintos del comercio chino-ruso (distinta "
              "valoración y atribución del socio), y Rusia dejó de publicar estadísticas de comercio exterior en "
              "2022: desde entonces su lado se basa en declaraciones oficiales. | India declara por año fiscal "
              "(abril-marzo), Pakistán por año fiscal (julio-junio) e Irán por el año iraní (desde el 21 de marzo "
              "aproximadamente); esas cifras se separan de los años naturales y "
              "se rotulan por el año en que termina el año fiscal. | En las estadísticas de dirección del comercio "
              "del FMI las exportaciones se valoran FOB y las importaciones CIF, así que las exportaciones de una "
              "parte nunca igualan las importaciones de la otra; las filas del FMI de India para 1992-1994 y 1996 "
              "están corruptas en el extracto usado y se omiten. | Los recuentos de reuniones Putin-Xi difieren "
              "según cuenten videollamadas y llamadas: TASS contó la videollamada del 15 de diciembre de 2021 como "
              "su 37.ª reunión. | Astaná se llamó Nur-Sultán de 2019 a 2022; las tablas usan el nombre de la época. "
              "| En la cumbre de Tianjin (1 de septiembre de 2025) los observadores y socios de diálogo se "
              "fusionaron en un solo estatus, socio de la OCS.",
    },
    "corrections_section": {"en": "Reporting a correction", "es": "Comunicar una corrección"},
    "corrections_text": {
        "en": "Found a wrong or missing row? Open an issue in the project's repository naming the file and row "
              "(the Row column of any data problem, or the line in the CSV) and a public page that states the "
              "correct fact. Curators check every change with python -m sco.check before it is published.",
        "es": "¿Ha encontrado una fila errónea o que falta? Abra una incidencia en el repositorio del proyecto "
              "indicando el archivo y la fila (la columna Fila de cualquier problema de datos, o la línea del CSV) y "
              "una página pública que respalde el dato correcto. Los curadores comprueban cada cambio con "
              "python -m sco.check antes de publicarlo.",
    },
    "trade_coverage_section": {"en": "Trade coverage", "es": "Cobertura del comercio"},
    # Country profile page
    "page_country": {"en": "Country profile", "es": "Perfil de país"},
    "link_country": {"en": "One state's SCO relationship: status, summits, meetings, trade",
                     "es": "La relación de un Estado con la OCS: estatus, cumbres, reuniones, comercio"},
    "country_title": {"en": "{country} in the SCO", "es": "{country} en la OCS"},
    "pick_country": {"en": "Country", "es": "País"},
    "status_now": {"en": "Status today", "es": "Estatus hoy"},
    "not_in_sco": {"en": "No SCO status", "es": "Sin estatus en la OCS"},
    "summits_hosted": {"en": "Summits hosted", "es": "Cumbres acogidas"},
    "meetings_recorded": {"en": "Leader meetings recorded", "es": "Reuniones de líderes registradas"},
    "status_history": {"en": "Status history", "es": "Historial de estatus"},
    "no_status": {"en": "{country} has held no SCO status in the data.",
                  "es": "{country} no ha tenido ningún estatus en la OCS según los datos."},
    "counterparts": {"en": "Leader meetings, by counterpart", "es": "Reuniones de líderes, por contraparte"},
    "counterpart": {"en": "Counterpart", "es": "Contraparte"},
    "latest": {"en": "Latest", "es": "Última"},
    "country_meetings_title": {"en": "{country}: leader meetings per year (every contact)",
                               "es": "{country}: reuniones de líderes por año (todo contacto)"},
    "trade_partners": {"en": "Trade partners within the SCO", "es": "Socios comerciales dentro de la OCS"},
    "no_rows": {"en": "Nothing recorded.", "es": "Nada registrado."},
    "click_map_hint": {"en": "Click a country on the map to open its profile.",
                       "es": "Haga clic en un país del mapa para abrir su perfil."},
    # Downloads and citation
    "cite_this": {"en": "Cite this view", "es": "Citar esta vista"},
    "citation": {
        "en": "{dataset}, version {version}. \"{view}\". {url} (compiled from {sources} public sources, each "
              "linked row by row in the download). Retrieved {retrieved}.",
        "es": "{dataset}, versión {version}. «{view}». {url} (elaborado a partir de {sources} fuentes públicas, "
              "enlazadas fila a fila en la descarga). Consultado el {retrieved}.",
    },
    "unknown": {"en": "unknown", "es": "desconocida"},
    # Trade page
    "page_trade": {"en": "Trade", "es": "Comercio"},
    "link_trade": {"en": "Trade among SCO states: whose figures, over time, as a matrix and on a map",
                   "es": "Comercio entre Estados de la OCS: de quién son las cifras, en el tiempo, en matriz y mapa"},
    "trade_title": {"en": "Trade between SCO states", "es": "Comercio entre Estados de la OCS"},
    "trade_intro": {
        "en": "Annual merchandise trade in US dollars, as each side's statistics state it. China's and its "
              "partners' customs rarely agree: exports are valued free on board (FOB) and imports with cost, "
              "insurance and freight (CIF), goods are attributed to different partners, and India, Pakistan and "
              "Iran count fiscal years. Each reporter is drawn as its own line; a year without a sourced figure is a "
              "gap, never filled in. Russia stopped publishing its foreign-trade statistics in 2022.",
        "es": "Comercio anual de mercancías en dólares, tal como lo declaran las estadísticas de cada parte. Las "
              "aduanas de China y de sus socios rara vez coinciden: las exportaciones se valoran franco a bordo "
              "(FOB) y las importaciones con coste, seguro y flete (CIF), los bienes se atribuyen a socios "
              "distintos, e India, Pakistán e Irán cuentan por años fiscales. Cada declarante es una línea propia; "
              "un año "
              "sin cifra con fuente es un hueco, nunca se rellena. Rusia dejó de publicar sus estadísticas de "
              "comercio exterior en 2022.",
    },
    "pairs": {"en": "Pairs", "es": "Parejas"},
    "flow": {"en": "Flow", "es": "Flujo"},
    "flow_total": {"en": "Total trade", "es": "Comercio total"},
    "flow_exports": {"en": "Reporter's exports", "es": "Exportaciones del declarante"},
    "flow_imports": {"en": "Reporter's imports", "es": "Importaciones del declarante"},
    "series_label": {"en": "{reporter}'s figures for {partner} ({family})",
                     "es": "Cifras de {reporter} para {partner} ({family})"},
    "series_group": {"en": "{reporter}'s figures for {partner}", "es": "Cifras de {reporter} para {partner}"},
    "family_release": {"en": "statistics release", "es": "estadística publicada"},
    "family_international": {"en": "IMF statistics", "es": "estadística del FMI"},
    "family_reconciled": {"en": "BACI reconciled estimate", "es": "estimación conciliada BACI"},
    "family_officials": {"en": "officials' statement", "es": "declaración de autoridades"},
    "family_press": {"en": "press report", "es": "información de prensa"},
    "whose_reporter": {"en": "The state's own statistics", "es": "Estadística propia del Estado"},
    "whose_partner": {"en": "The partner's statistics (mirror)", "es": "Estadística del socio (espejo)"},
    "whose_reconciled": {"en": "Reconciled estimate (BACI), neither state's own",
                         "es": "Estimación conciliada (BACI), de ninguno de los dos Estados"},
    "whose_reporter_statement": {"en": "What the state's officials or the press said",
                                 "es": "Lo que dijeron las autoridades del Estado o la prensa"},
    "whose_partner_statement": {"en": "What the partner's officials or the press said",
                                "es": "Lo que dijeron las autoridades del socio o la prensa"},
    "gap_pair": {"en": "Pair", "es": "Pareja"},
    "gap_section": {"en": "Do the two sides agree?", "es": "¿Coinciden las dos partes?"},
    "gap_title": {"en": "{pair}: gap between the two states' own statistics, % of the larger",
                  "es": "{pair}: diferencia entre las estadísticas de ambos Estados, % de la mayor"},
    "gap_axis": {"en": "% of the larger figure", "es": "% de la cifra mayor"},
    "gap_explained": {
        "en": "Each year in which both states' own statistics (their release, else the IMF's compilation) give the "
              "pair's total. They rarely agree: exports are valued free on board and imports with cost, insurance "
              "and freight; goods in transit or re-exported through a third country are assigned to different "
              "partners; shipments cross the year end; some goods are left confidential. A gap is the discrepancy "
              "of mirror statistics, not an error in either. Hover a bar for both figures and their sources.",
        "es": "Cada año en que las estadísticas propias de ambos Estados (su publicación, si no la compilación del "
              "FMI) dan el total de la pareja. Rara vez coinciden: las exportaciones se valoran franco a bordo y las "
              "importaciones con coste, seguro y flete; las mercancías en tránsito o reexportadas por un tercer país "
              "se atribuyen a socios distintos; los envíos cruzan el fin de año; algunos bienes son confidenciales. "
              "Una diferencia es la discrepancia de las estadísticas espejo, no un error de ninguna de las dos. Pase "
              "el cursor por una barra para ver ambas cifras y sus fuentes."},
    "no_gap": {"en": "No year in which both states' statistics give this pair's total.",
               "es": "No hay ningún año en que las estadísticas de ambos Estados den el total de esta pareja."},
    "share_axis": {"en": "% of its trade with the world", "es": "% de su comercio con el mundo"},
    "partner_shares_title": {"en": "{state}'s SCO partners in {year}: share of its trade with the world",
                             "es": "Los socios de la OCS de {state} en {year}: cuota de su comercio con el mundo"},
    "share_section": {"en": "How dependent is a state on its SCO partners?",
                      "es": "¿Cuánto depende un Estado de sus socios de la OCS?"},
    "share_state": {"en": "State", "es": "Estado"},
    "share_partners": {"en": "Partners", "es": "Socios"},
    "world_usd": {"en": "Trade with the world (USD)", "es": "Comercio con el mundo (USD)"},
    "gdp_usd": {"en": "GDP (USD)", "es": "PIB (USD)"},
    "share_of_trade_col": {"en": "Share of its trade", "es": "Cuota de su comercio"},
    "share_of_gdp_col": {"en": "Share of its GDP", "es": "Cuota de su PIB"},
    "all_members": {"en": "All other members", "es": "Todos los demás miembros"},
    "of_world_trade": {"en": "of its trade with the world", "es": "de su comercio con el mundo"},
    "of_gdp": {"en": "of its GDP", "es": "de su PIB"},
    "share_title_share_of_trade": {"en": "{state}: trade with each partner, % of its trade with the world",
                                   "es": "{state}: comercio con cada socio, % de su comercio con el mundo"},
    "share_title_share_of_gdp": {"en": "{state}: trade with each partner, % of its GDP",
                                 "es": "{state}: comercio con cada socio, % de su PIB"},
    "share_caption": {
        "en": "The state's own statistics as the IMF compiles them (Direction of Trade Statistics, exports + imports), "
              "over its trade with the world from the same tables: both sides of each share are one reporter's. "
              "They end in 2020, the last year of the IMF files kept here; GDP in current dollars is the World "
              "Bank's. 'All other members' sums the states that were members in that year.",
        "es": "Las estadísticas propias del Estado según las compila el FMI (Estadísticas de Dirección del Comercio, "
              "exportaciones + importaciones), sobre su comercio con el mundo de las mismas tablas: ambos lados de "
              "cada cuota son de un mismo declarante. Terminan en 2020, último año de los archivos del FMI guardados "
              "aquí; el PIB en dólares corrientes es del Banco Mundial. 'Todos los demás miembros' suma los Estados "
              "que eran miembros ese año."},
    "no_share": {"en": "No IMF figures for this state and these partners.",
                 "es": "No hay cifras del FMI para este Estado y estos socios."},
    "matrix_rule": {"en": "Whose figures", "es": "De quién son las cifras"},
    "matrix_rule_best": {"en": "Best available", "es": "La mejor disponible"},
    "matrix_rule_reporter": {"en": "The state's own", "es": "Las del propio Estado"},
    "matrix_rule_partner": {"en": "The partner's (mirror)", "es": "Las del socio (espejo)"},
    "matrix_rule_reconciled": {"en": "Reconciled (BACI)", "es": "Conciliadas (BACI)"},
    "matrix_caption_best": {
        "en": "Each cell: the row state's own statistics (its release, else the IMF's compilation); else the column "
              "state's figure for the same pair (mirror); else the BACI reconciled estimate (2022-2023); else what "
              "officials or the press said. Hover a cell to see whose figure it is.",
        "es": "Cada celda: la estadística propia del Estado de la fila (su publicación, si no la compilación del FMI); "
              "si no, la cifra del Estado de la columna para la misma pareja (espejo); si no, la estimación "
              "conciliada BACI (2022-2023); si no, lo que dijeron las autoridades o la prensa. Pase el cursor por "
              "una celda para ver de quién es la cifra."},
    "matrix_caption_reporter": {
        "en": "Each cell: the row state's own statistics only (its release, else the IMF's compilation).",
        "es": "Cada celda: solo la estadística propia del Estado de la fila (su publicación, si no la compilación "
              "del FMI)."},
    "matrix_caption_partner": {
        "en": "Each cell: the column state's statistics for the same pair (mirror figures): compare with the "
              "state's own to see how far the two sides disagree.",
        "es": "Cada celda: la estadística del Estado de la columna para la misma pareja (cifras espejo): compárelas "
              "con las del propio Estado para ver cuánto discrepan ambas partes."},
    "matrix_caption_reconciled": {
        "en": "Each cell: CEPII BACI's reconciled value (exports and imports of both declarations made consistent), "
              "2022 and 2023 only; neither state's own statistics.",
        "es": "Cada celda: el valor conciliado de CEPII BACI (exportaciones e importaciones de ambas declaraciones "
              "hechas coherentes), solo 2022 y 2023; no es la estadística de ninguno de los dos Estados."},
    "fiscal_years": {"en": "fiscal years, by the year they end", "es": "años fiscales, por el año en que terminan"},
    "basis_computed": {"en": "exports + imports", "es": "exportaciones + importaciones"},
    "whose_figure": {"en": "Whose figure", "es": "De quién es la cifra"},
    "own_figures": {"en": "Each side's own figure", "es": "Cifra propia de cada parte"},
    "world_trade": {"en": "Trade with the world", "es": "Comercio con el mundo"},
    "event": {"en": "Event", "es": "Acontecimiento"},
    "known_sources_section": {"en": "Known sources of trade figures",
                              "es": "Fuentes conocidas de las cifras de comercio"},
    "known_sources_text": {
        "en": "Every trade figure names one of these sources. A customs service, statistics office or agency gives its "
              "own state's figures; officials' figures do not name the statistics behind them, and a press report "
              "names no authority at all. Where a series has several figures for one year, the line is drawn through "
              "the first kind in this order and the others are shown as points.",
        "es": "Cada cifra de comercio cita una de estas fuentes. Un servicio de aduanas, una oficina de estadística o "
              "un organismo da las cifras de su propio Estado; las cifras de las autoridades no citan la estadística "
              "en "
              "que se basan, y una información de prensa no cita ninguna autoridad. Cuando una serie tiene varias "
              "cifras para un año, la línea pasa por la del primer tipo en este orden y las demás se muestran como "
              "puntos."},
    "releases_only": {"en": "Published statistics only", "es": "Solo estadísticas publicadas"},
    "releases_only_help": {
        "en": "Only figures a customs service, statistics office, ministry or international body published itself; "
              "figures officials gave without naming the statistics, and press reports, are left out (a year with "
              "no published figure becomes a gap).",
        "es": "Solo las cifras que publicó un servicio de aduanas, una oficina de estadística, un ministerio o un "
              "organismo internacional; se omiten las cifras que dieron autoridades sin citar la estadística y las "
              "informaciones de prensa (un año sin cifra publicada queda como hueco)."},
    "source_kind": {"en": "Kind of source", "es": "Tipo de fuente"},
    "stated_by": {"en": "Stated by", "es": "Dicho por"},
    "kind_customs": {"en": "Customs service", "es": "Servicio de aduanas"},
    "kind_reconciled": {"en": "Reconciled estimate", "es": "Estimación conciliada"},
    "kind_statistics": {"en": "Statistics office", "es": "Oficina de estadística"},
    "kind_agency": {"en": "Ministry or public agency", "es": "Ministerio u organismo público"},
    "kind_international": {"en": "International organisation", "es": "Organización internacional"},
    "kind_officials": {"en": "Officials (statistics not named)", "es": "Autoridades (sin citar la estadística)"},
    "kind_press": {"en": "Press or research report", "es": "Prensa o estudio"},
    "line_200bn": {"en": "USD 200 bn", "es": "200 mil millones USD"},
    "usd_billions": {"en": "USD billions", "es": "Miles de millones de USD"},
    "trade_series_title": {"en": "Trade over time, each reporter's own line",
                           "es": "Comercio a lo largo del tiempo, una línea por declarante"},
    "event_summit": {"en": "SCO summit", "es": "Cumbre de la OCS"},
    "event_accession": {"en": "New member", "es": "Nuevo miembro"},
    "event_meeting": {"en": "Leaders' meeting (these pairs)", "es": "Reunión de líderes (estas parejas)"},
    "gap_caption": {
        "en": "Open circles are other published figures for the same year and reporter; diamonds are totals "
              "computed as exports + imports where only those were published. Where both sides publish, the gap "
              "between the lines is the mirror-statistics discrepancy, not an error.",
        "es": "Los círculos vacíos son otras cifras publicadas para el mismo año y declarante; los rombos son "
              "totales calculados como exportaciones + importaciones donde solo se publicaron esas. Donde ambas "
              "partes publican, la distancia entre líneas es la discrepancia de las estadísticas espejo, no un error.",
    },
    "crossing_200bn": {"en": "China's customs figure first exceeded USD 200 bn in {year}: {value}.",
                       "es": "La cifra de las aduanas chinas superó por primera vez 200 mil millones USD en {year}: "
                             "{value}."},
    "reporter": {"en": "Reporter (whose statistics)", "es": "Declarante (de quién son las estadísticas)"},
    "partner": {"en": "Partner", "es": "Socio"},
    "state": {"en": "State", "es": "Estado"},
    "no_figure": {"en": "No sourced figure", "es": "Sin cifra con fuente"},
    "matrix_section": {"en": "Members' trade in one year", "es": "El comercio de los miembros en un año"},
    "matrix_year": {"en": "Year", "es": "Año"},
    "base_year": {"en": "Growth since", "es": "Crecimiento desde"},
    "matrix_title": {"en": "Total trade among members in {year} (USD bn): {rule}",
                     "es": "Comercio total entre miembros en {year} (miles de millones USD): {rule}"},
    "growth_title": {"en": "Growth from {base} to {year}, within each reporter's own series",
                     "es": "Crecimiento de {base} a {year}, dentro de la serie de cada declarante"},
    "flow_map_title": {"en": "Trade flows between capitals in {year} (width: value)",
                       "es": "Flujos comerciales entre capitales en {year} (grosor: valor)"},
    "gaps_title": {"en": "Missing: member pairs and calendar years with no sourced total, 1992-2025",
                   "es": "Lo que falta: parejas de miembros y años naturales sin total con fuente, 1992-2025"},
    "gaps_caption": {
        "en": "Every pair of today's members; a year counts as covered when any source (either state's statistics, "
              "the IMF, BACI, officials or the press) gives the pair's total for it.",
        "es": "Cada pareja de los miembros actuales; un año cuenta como cubierto cuando alguna fuente (la estadística "
              "de cualquiera de los dos Estados, el FMI, BACI, las autoridades o la prensa) da el total de la pareja."},
    "why_missing": {"en": "Why", "es": "Por qué"},
    "gap_dots": {"en": "Neither state reported this partner to the IMF (its files cover 1960-2020)",
                 "es": "Ninguno de los dos Estados declaró a este socio al FMI (sus archivos cubren 1960-2020)"},
    "gap_baci": {"en": "Not in the BACI files (2022-2023), and no release found",
                 "es": "No figura en los archivos BACI (2022-2023) y no se halló publicación"},
    "gap_none": {"en": "No bulk file covers the year; no release or statement found in the searched pages",
                 "es": "Ningún archivo masivo cubre el año; no se halló publicación ni declaración en las páginas "
                       "consultadas"},
    "gap_2025": {"en": "The IMF's 2025 file has exports only (no total); no release found",
                 "es": "El archivo del FMI de 2025 solo tiene exportaciones (sin total); no se halló publicación"},
    "covered": {"en": "Years with a figure", "es": "Años con cifra"},
    "missing": {"en": "Years without", "es": "Años sin cifra"},
    "count_years": {"en": "Count", "es": "Número"},
    "trade_table_title": {"en": "The figures shown, with their sources", "es": "Las cifras mostradas, con sus fuentes"},
    "period_col": {"en": "Period", "es": "Periodo"},
    "calendar_year": {"en": "calendar year", "es": "año natural"},
    "value_usd": {"en": "Value (USD)", "es": "Valor (USD)"},
    "value_usd_bn": {"en": "USD bn", "es": "Miles de millones de USD"},
    "usd_billions_log": {"en": "USD billions (log scale)", "es": "Miles de millones de USD (escala logarítmica)"},
    "log_scale": {"en": "Log scale", "es": "Escala logarítmica"},
    "log_scale_help": {"en": "For lines that differ by orders of magnitude: equal steps are equal ratios.",
                       "es": "Para líneas que difieren en órdenes de magnitud: pasos iguales son cocientes iguales."},
    "basis": {"en": "Basis", "es": "Base"},
    "no_trade": {"en": "No sourced figure for these pairs and this flow.",
                 "es": "No hay cifras con fuente para estas parejas y este flujo."},
}

MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The string for `key` in `lang` (English if the language is unknown), with {placeholders} filled. With
    `n=1`, the key's singular form (`<key>_one`) when it has one: "1 meeting", not "1 meetings"."""
    entry = STRINGS[f"{key}_one"] if values.get("n") == 1 and f"{key}_one" in STRINGS else STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


# The occasions the project itself writes (the meetings import, and the curators' usual forms), in Spanish; any
# other occasion is the curator's own words and is shown as written.
_OCCASIONS_ES = (
    (re.compile(r"^SCO summit (?P<city>.+) (?P<year>\d{4})$"), "Cumbre de la OCS, {city} {year}"),
    (re.compile(r"^State visit to (?P<country>.+)$"), "Visita de Estado a {country}"),
    (re.compile(r"^Official visit to (?P<country>.+)$"), "Visita oficial a {country}"),
    (re.compile(r"^Working visit to (?P<country>.+)$"), "Visita de trabajo a {country}"),
    (re.compile(r"^Visit to (?P<country>.+)$"), "Visita a {country}"),
    (re.compile(r"^In (?P<country>.+)$"), "En {country}"),
    (re.compile(r"^Telephone conversation$"), "Conversación telefónica"),
    (re.compile(r"^Working visit$"), "Visita de trabajo"),
)


def occasion_text(occasion: str, lang: str) -> str:
    """An occasion in the reader's language when it is one of the project's own forms ('SCO summit Astana 2024',
    'Visit to Kazakhstan'); otherwise as the curator wrote it."""
    if lang != "es" or not isinstance(occasion, str):
        return occasion
    for pattern, spanish in _OCCASIONS_ES:
        match = pattern.match(occasion)
        if match:
            parts = match.groupdict()
            if "city" in parts:
                parts["city"] = city_name(parts["city"], lang)
            if "country" in parts:
                iso3 = iso3_for(parts["country"])
                if iso3 is None:
                    return occasion
                parts["country"] = country_name(iso3, lang)
            return spanish.format(**parts)
    return occasion


def authority_name(source: str, lang: str) -> str:
    """A known source of trade figures by its name in `lang` (the name itself if it is not a known source)."""
    authority = AUTHORITIES.get(source)
    return authority.name_es if authority and lang == "es" else source


def label(prefix: str, code: str, lang: str) -> str:
    """Label of a coded value such as status 'member' (key 'status_member'); the code itself if unknown."""
    key = f"{prefix}_{code}"
    return t(key, lang) if key in STRINGS else str(code)


def format_date(value: date | pd.Timestamp, lang: str = DEFAULT_LANG, precision: str | None = "day") -> str:
    """'4 July 2024' / '4 de julio de 2024'; a month or a year alone where that is all the source gives (any other
    precision, empty included, is a day)."""
    if value is None or pd.isna(value):
        return ""
    months = MONTHS_ES if lang == "es" else MONTHS_EN
    month = months[value.month - 1]
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{month} de {value.year}" if lang == "es" else f"{month} {value.year}"
    return f"{value.day} de {month} de {value.year}" if lang == "es" else f"{value.day} {month} {value.year}"


def join_names(names: list[str], lang: str = DEFAULT_LANG) -> str:
    """'A, B and C' / 'A, B y C'."""
    if len(names) <= 1:
        return "".join(names)
    conjunction = " y " if lang == "es" else " and "
    return ", ".join(names[:-1]) + conjunction + names[-1]


# Decimal mark, then thousands separator, of each language (plotly's `separators` takes the same string).
SEPARATORS = {"en": ".,", "es": ", "}


def format_number(value: float, decimals: int, lang: str = DEFAULT_LANG) -> str:
    """'244,819.5' / '244 819,5': grouped thousands and the language's decimal mark."""
    decimal, thousands = SEPARATORS.get(lang, SEPARATORS[DEFAULT_LANG])
    return f"{value:,.{decimals}f}".translate(str.maketrans({",": thousands, ".": decimal}))


def format_usd(value: float, lang: str = DEFAULT_LANG) -> str:
    """'USD 240.11 bn' / '240,11 mil millones USD'; millions below a billion. Two decimals: the sources' usual."""
    if value is None or pd.isna(value):
        return ""
    if abs(round(value / 1e6, 1)) >= 1000:  # 999.95 m would read "1,000.0 m"
        number, unit_en, unit_es = format_number(value / 1e9, 2, lang), "bn", "mil millones"
    else:
        number, unit_en, unit_es = format_number(value / 1e6, 1, lang), "m", "millones"
    return f"{number} {unit_es} USD" if lang == "es" else f"USD {number} {unit_en}"

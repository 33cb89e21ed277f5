"""Controlled vocabularies shown to people: update frequencies and formats.

Codes are those of the EU vocabularies that DCAT-AP uses, so the DCAT output
maps them directly; labels are translated.
"""
from __future__ import annotations

from opendata.i18n import lazy_gettext as _l

FREQUENCIES = {
    "UPDATE_CONT": _l("Continuously updated"),
    "DAILY": _l("Daily"),
    "WEEKLY": _l("Weekly"),
    "MONTHLY": _l("Monthly"),
    "QUARTERLY": _l("Quarterly"),
    "ANNUAL_2": _l("Every six months"),
    "ANNUAL": _l("Annual"),
    "IRREG": _l("Irregular"),
    "NEVER": _l("Never (historical data)"),
}

# Formats that are open and machine-readable (R4, Art. 5.3). Anything else
# is flagged to visitors and publishers.
OPEN_FORMATS = {"CSV", "TSV", "JSON", "GEOJSON", "XML", "RDF", "TTL", "JSONLD", "ODS", "XLSX", "KML", "GPX", "SHP", "API"}


def frequency_label(code: str | None) -> str:
    if not code:
        return ""
    return str(FREQUENCIES.get(code, code))


def is_open_format(fmt: str | None) -> bool:
    return bool(fmt) and fmt.upper() in OPEN_FORMATS


def init_app(app) -> None:
    app.jinja_env.globals.update(frequency_label=frequency_label, is_open_format=is_open_format)

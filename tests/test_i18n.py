"""Translations: the Vietnamese catalogue is complete and current; pages switch language.

The catalogue checks extract the messages from the code as it is now (the same
``babel.cfg`` and keywords as the documented ``pybabel extract`` command, see
translations/README.md) and compare them with translations/*/LC_MESSAGES/messages.po,
so a string added to a template without a translation fails here with its text.
"""
from __future__ import annotations

import ast
import os
import re
import tempfile
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.catalog import TranslationError
from babel.messages.extract import DEFAULT_KEYWORDS, extract, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.util import pathmatch
from flask import render_template_string
from flask_babel import format_decimal
from jinja2.ext import babel_extract
from markupsafe import escape

from opendata.config import DEFAULTS, PROJECT_ROOT
from opendata.extensions import db as _db
from opendata.i18n import filesize
from tests.conftest import make_app

TRANSLATIONS = PROJECT_ROOT / "translations"
BABEL_CFG = PROJECT_ROOT / "babel.cfg"
LOCALES = ("vi", "en")
COOKIE = DEFAULTS["LANGUAGE_COOKIE"]
# Keep in step with the `-k` options in translations/README.md.
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "_l": None,
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
    "lazy_pgettext": ((1, "c"), 2),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
GUIDANCE_PAGES = {"/about": "about", "/guide": "guide", "/terms": "terms"}


def po_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def read_catalogue(locale: str):
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def key(message_id) -> str | tuple[str, ...]:
    return message_id if isinstance(message_id, str) else tuple(message_id)


def show(message_id) -> str:
    return repr(message_id if isinstance(message_id, str) else " | ".join(message_id))


# --------------------------------------------------------------------------- compiling


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    """Compile each .po next to itself when its .mo is missing or older (as `pybabel compile` does).

    The .mo files are build output (gitignored, made by `make install`); a test
    run from a fresh clone builds them here. The write is atomic, so parallel
    runs never load a half-written file.
    """
    for locale in LOCALES:
        po = po_path(locale)
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        catalogue = read_catalogue(locale)
        assert not catalogue.fuzzy, f"{po}: the header is marked fuzzy, so `pybabel compile` would skip the catalogue"
        fd, tmp = tempfile.mkstemp(dir=mo.parent, prefix=".messages-", suffix=".mo")
        try:
            with os.fdopen(fd, "wb") as handle:
                write_mo(handle, catalogue, use_fuzzy=False)
            os.chmod(tmp, 0o644)
            os.replace(tmp, mo)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@pytest.fixture
def bare_app(tmp_path):
    """An app for tests that render no page from the database (runs once, not per database)."""
    application = make_app(tmp_path / "instance")
    yield application
    with application.app_context():
        _db.engine.dispose()


# --------------------------------------------------------------------------- extraction


@pytest.fixture(scope="module")
def extracted() -> dict:
    """msgid (str, or tuple for plurals) -> "file:line" places, from the current code."""
    with BABEL_CFG.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(BABEL_CFG))
    found: dict = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(PROJECT_ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        found.setdefault((key(message), context), []).append(f"{filename}:{lineno}")
    assert found, "nothing was extracted: is babel.cfg matching opendata/**?"
    return found


def catalogue_ids(catalogue) -> dict:
    return {(key(message.id), message.context): message for message in catalogue if message.id}


def test_babel_cfg_extracts_python_and_templates_with_the_apps_trimming(bare_app):
    with BABEL_CFG.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(BABEL_CFG))
    methods = dict(method_map)
    assert methods.get("opendata/**.py") == "python"
    assert methods.get("opendata/templates/**.html") == "jinja2"
    options = options_map["opendata/templates/**.html"]
    trimmed = options.get("trimmed", "false").lower() in {"1", "on", "yes", "true"}
    assert trimmed is True and bare_app.jinja_env.policies["ext.i18n.trimmed"] is True
    assert options.get("silent", "true").lower() == "false", "templates that do not parse must fail extraction"


def test_every_message_in_the_code_has_a_vietnamese_translation(extracted):
    catalogue = read_catalogue("vi")
    entries = catalogue_ids(catalogue)
    problems = []
    missing = sorted((msg_key for msg_key in extracted if msg_key not in entries), key=str)
    if missing:
        where = po_path("vi").relative_to(PROJECT_ROOT)
        problems.append(f"not in {where} (run the commands in translations/README.md, then translate):")
        problems.extend(f"  {show(msg_id)}  ({', '.join(extracted[(msg_id, ctx)][:3])})" for msg_id, ctx in missing)
    untranslated = []
    fuzzy = []
    for message in entries.values():
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if not strings or not all(s.strip() for s in strings):
            untranslated.append(f"  {show(message.id)}")
        if message.fuzzy:
            fuzzy.append(f"  {show(message.id)}")
    if untranslated:
        problems += ["empty Vietnamese msgstr:", *sorted(untranslated)]
    if fuzzy:
        problems += ["fuzzy (check the translation, then remove `#, fuzzy`):", *sorted(fuzzy)]
    if catalogue.fuzzy:
        problems.append("the catalogue header is marked fuzzy: `pybabel compile` would skip the whole file")
    if catalogue.plural_forms != "nplurals=1; plural=0;":
        problems.append(f"Plural-Forms is {catalogue.plural_forms!r}, Vietnamese has one form")
    assert not problems, "Vietnamese catalogue incomplete:\n" + "\n".join(problems)


def test_placeholders_survive_translation():
    catalogue = read_catalogue("vi")
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        # With one plural form, msgstr[0] stands for every count: it follows the plural msgid.
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != expected:
                wrong.append(f"{show(message.id)} -> {string!r}")
        if expected and "python-format" not in message.flags:
            wrong.append(f"{show(message.id)}: missing the python-format flag")
    for message, errors in catalogue.check():
        wrong.extend(f"{show(message.id)}: {error}" for error in errors if isinstance(error, TranslationError))
    assert not wrong, "placeholders differ between msgid and msgstr:\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_no_stale_messages(extracted, locale):
    catalogue = read_catalogue(locale)
    stale = sorted((msg_id for msg_id in catalogue_ids(catalogue) if msg_id not in extracted), key=str)
    assert not stale, (
        f"{len(stale)} message(s) in {po_path(locale).relative_to(PROJECT_ROOT)} no longer occur in the code; "
        "run the update commands in translations/README.md (they drop them):\n"
        + "\n".join(f"  {show(msg_id)}" for msg_id, _ctx in stale)
    )
    missing = sorted((msg_id for msg_id in extracted if msg_id not in catalogue_ids(catalogue)), key=str)
    assert not missing, f"{locale} catalogue lacks:\n" + "\n".join(f"  {show(m)}" for m, _ctx in missing)


def _message_positions(funcname: str) -> list[int]:
    spec = KEYWORDS[funcname] or (1,)
    return [index[0] if isinstance(index, tuple) else index for index in spec]


def _non_literal_python_calls(path: Path):
    """Calls whose message argument is not one literal string (``_(name)``, ``_(f"...")``, ``_("a" + b)``).

    Babel skips the first two silently and extracts only ``"a"`` from the third.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS:
            for index in _message_positions(node.func.id):
                arg = node.args[index - 1] if index <= len(node.args) else None
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    yield node.lineno, node.func.id


def _non_literal_template_calls(path: Path, options: dict):
    with path.open("rb") as handle:
        for lineno, funcname, messages, _comments in babel_extract(handle, KEYWORDS.keys(), (), options):
            messages = messages if isinstance(messages, (list, tuple)) else (messages,)
            for index in _message_positions(funcname):
                if index > len(messages) or not isinstance(messages[index - 1], str):
                    yield lineno, funcname


def test_translatable_calls_use_literal_strings():
    """A message built at run time cannot be extracted, so it would never be translated."""
    with BABEL_CFG.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(BABEL_CFG))
    broken = []
    for path in sorted((PROJECT_ROOT / "opendata").rglob("*")):
        relative = path.relative_to(PROJECT_ROOT).as_posix()
        if not path.is_file() or "/." in f"/{relative}" or "__pycache__" in relative:
            continue
        method = next(((pattern, method) for pattern, method in method_map if pathmatch(pattern, relative)), None)
        if method is None:
            continue
        pattern, method = method
        if method == "python":
            calls = _non_literal_python_calls(path)
        else:
            calls = _non_literal_template_calls(path, options_map.get(pattern, {}))
        broken.extend(f"{relative}:{lineno}: {funcname}(...) without a literal string" for lineno, funcname in calls)
    assert not broken, "untranslatable calls (use one literal msgid with %(name)s placeholders):\n  " + "\n  ".join(
        broken
    )


def test_trimmed_trans_blocks_are_extracted_as_rendered(bare_app):
    """A multi-line {% trans %} is looked up with its whitespace collapsed, as babel.cfg extracts it."""
    with BABEL_CFG.open(encoding="utf-8") as handle:
        _method_map, options_map = parse_mapping_cfg(handle, str(BABEL_CFG))
    source = "<p>{% trans %}\n    Skip to\n        main content\n  {% endtrans %}</p>"
    messages = list(
        extract("jinja2", BytesIO(source.encode()), KEYWORDS, options=options_map["opendata/templates/**.html"])
    )
    assert [m[1] for m in messages] == ["Skip to main content"]
    with bare_app.test_request_context("/"):
        assert render_template_string(source) == "<p>Chuyển đến nội dung chính</p>"
    with bare_app.test_request_context("/", headers={"Cookie": f"{COOKIE}=en"}):
        assert render_template_string(source) == "<p>Skip to main content</p>"


# --------------------------------------------------------------------------- rendering


NAV_VI = ("Bộ dữ liệu", "Cơ quan", "Chủ đề", "Giấy phép", "Sử dụng dữ liệu", "Giới thiệu")
NAV_EN = ("Datasets", "Agencies", "Topics", "Licences", "Using the data", "About")


def nav_labels(html: str) -> list[str]:
    menu = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r"<a [^>]*>([^<]+)</a>", menu)


def test_home_page_is_vietnamese_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="vi">' in html
    assert "Chuyển đến nội dung chính" in html
    assert all(label in nav_labels(html) for label in NAV_VI), nav_labels(html)
    # a long footer sentence with a placeholder, from the compiled catalogue
    assert "Đầu mối truy cập duy nhất đến dữ liệu mở của các cơ quan, đơn vị tỉnh An Giang" in html
    assert "Skip to main content" not in html and "Datasets" not in nav_labels(html)
    assert "Cookie" in response.headers.get("Vary", "")


def test_switching_to_english_sets_a_cookie_and_returns(client):
    response = client.get("/lang/en?next=/dataset")
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/dataset"
    assert not urlsplit(response.headers["Location"]).netloc.replace("localhost", "")
    cookie = client.get_cookie(COOKIE)
    assert cookie is not None and cookie.value == "en"
    assert cookie.http_only

    html = client.get("/dataset").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert all(label in nav_labels(html) for label in NAV_EN), nav_labels(html)
    assert "Skip to main content" in html and "Bộ dữ liệu" not in html

    client.get("/lang/vi?next=/dataset")
    html = client.get("/dataset").get_data(as_text=True)
    assert '<html lang="vi">' in html and "Bộ dữ liệu" in nav_labels(html)


def test_unknown_language_is_404(client):
    response = client.get("/lang/xx?next=/dataset")
    assert response.status_code == 404
    assert client.get_cookie(COOKIE) is None
    assert "Không tìm thấy trang" in response.get_data(as_text=True)


def test_an_unknown_cookie_value_falls_back_to_vietnamese(client):
    client.set_cookie(COOKIE, "fr")
    assert '<html lang="vi">' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "evil.example", "javascript:alert(1)"]
)
def test_language_switch_does_not_redirect_off_site(client, target):
    response = client.get("/lang/en", query_string={"next": target})
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/" and location.netloc in ("", "localhost")


def test_error_pages_are_translated(client):
    assert "Không tìm thấy trang" in client.get("/no-such-page").get_data(as_text=True)
    client.set_cookie(COOKIE, "en")
    assert "Page not found" in client.get("/no-such-page").get_data(as_text=True)


@pytest.mark.parametrize(
    ("locale", "number", "days", "sizes"),
    [
        ("vi", "12.345", ("5 thg 3, 2024", "5/3/24"), ["", "1 byte", "1.023 byte", "1,5 KB", "11,8 MB", "2 GB"]),
        ("en", "12,345", ("Mar 5, 2024", "3/5/24"), ["", "1 byte", "1,023 bytes", "1.5 KB", "11.8 MB", "2 GB"]),
    ],
)
def test_numbers_dates_and_sizes_follow_the_locale(bare_app, locale, number, days, sizes):
    with bare_app.test_request_context("/", headers={"Cookie": f"{COOKIE}={locale}"}):
        assert format_decimal(12345) == number
        assert render_template_string("{{ 12345|number }}") == number
        day = date(2024, 3, 5)
        assert render_template_string("{{ d|dateformat }}", d=day) == days[0]
        assert render_template_string("{{ d|dateformat('short') }}", d=day) == days[1]
        # naive datetimes are UTC, shown in the portal's time zone (UTC+7)
        shown = render_template_string("{{ d|datetimeformat }}", d=datetime(2024, 3, 5, 0, 30))
        assert "7:30" in shown and days[0] in shown
        assert [filesize(n) for n in (None, 1, 1023, 1536, 12_345_678, 2 * 1024**3)] == sizes
        assert render_template_string("{{ 1536|filesize }}") == sizes[3]


@pytest.mark.parametrize("name", sorted(GUIDANCE_PAGES.values()))
def test_guidance_content_exists_in_both_languages(name):
    content = PROJECT_ROOT / "opendata" / "templates" / "pages" / "content"
    for locale in LOCALES:
        path = content / f"{name}.{locale}.html"
        assert path.is_file(), f"missing {path.relative_to(PROJECT_ROOT)}"
        assert path.read_text(encoding="utf-8").strip(), f"{path.relative_to(PROJECT_ROOT)} is empty"


VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]", re.IGNORECASE)


@pytest.mark.parametrize("path", sorted(GUIDANCE_PAGES))
def test_guidance_pages_render_in_each_language(client, path):
    vi = client.get(path)
    assert vi.status_code == 200
    vi_html = vi.get_data(as_text=True)
    assert '<html lang="vi">' in vi_html

    client.set_cookie(COOKIE, "en")
    en = client.get(path)
    assert en.status_code == 200
    en_html = en.get_data(as_text=True)
    assert '<html lang="en">' in en_html

    def vietnamese_share(html: str) -> float:
        """Letters only Vietnamese uses, per character of the article's text."""
        text = re.sub(r"<[^>]+>", " ", html.split('<article class="prose"', 1)[1].split("</article>", 1)[0])
        return len(VIETNAMESE_LETTERS.findall(text)) / max(len(text), 1)

    assert vietnamese_share(vi_html) > 0.03, "the Vietnamese page is not in Vietnamese"
    assert vietnamese_share(en_html) < 0.01, "the English page is not in English"


@pytest.mark.parametrize("locale", LOCALES)
def test_templates_translate_as_flask_babel_does(bare_app, locale):
    """Templates' ``_()`` and ``ngettext`` take a shorter path than flask_babel's; the words are the same."""
    from flask_babel import force_locale, gettext, ngettext

    with bare_app.test_request_context("/", headers={"Cookie": f"{COOKIE}={locale}"}):
        assert render_template_string('{{ _("Datasets") }}') == gettext("Datasets")
        shown = render_template_string('{{ _("Updated %(date)s", date=d) }}', d="<b>")
        assert shown == str(escape(gettext("Updated %(date)s", date="<b>")))  # the value escaped, not the message
        many = render_template_string('{{ ngettext("%(num)s dataset", "%(num)s datasets", 3, num=3) }}')
        assert many == ngettext("%(num)s dataset", "%(num)s datasets", 3)
        words = {"vi": "Bộ dữ liệu", "en": "Datasets"}
        other = "en" if locale == "vi" else "vi"
        with force_locale(other):  # a language forced for part of a request is followed
            assert render_template_string('{{ _("Datasets") }}') == words[other]
        assert render_template_string('{{ _("Datasets") }}') == words[locale]

"""Lazily translated messages carrying user input are escaped on the page."""
from flask import render_template_string

from opendata.i18n import lazy_gettext, lazy_ngettext


def test_user_input_inside_a_lazy_message_is_escaped(app):
    with app.test_request_context("/"):
        message = lazy_gettext("Unknown topic: %(names)s.", names='<img src=x onerror="alert(1)">')
        html = render_template_string("<p>{{ message }}</p>", message=message)
        assert "<img" not in html and "&lt;img" in html
        counted = lazy_ngettext("%(num)s dataset", "%(num)s datasets", 2)
        assert render_template_string("{{ m }}", m=counted) in {"2 datasets", "2 bộ dữ liệu"}


def test_file_name_extensions_cannot_inject_markup(app, as_user, agencies):
    import io

    from opendata.models import DatasetState
    from tests import factories

    factories.dataset(agencies["own"], slug="nhap", state=DatasetState.DRAFT)
    client = as_user("editor")
    response = client.post(
        "/dataset/nhap/resource/new?kind=file",
        data={"kind": "file", "name": "x", "file": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), 'bao-cao.<img src=x onerror=alert(1)>')},
        content_type="multipart/form-data", follow_redirects=True,
    )
    assert response.status_code in (200, 422)
    assert "<img src=x" not in response.get_data(as_text=True)

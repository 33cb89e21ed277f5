"""Forms for a dataset's resources: an uploaded file, a link, an API endpoint."""
from __future__ import annotations

from opendata.i18n import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.widgets import URLInput

NAME_HINT = _l("What the resource holds, for example: List of schools, school year 2024-2025.")


class FileForm(FlaskForm):
    file = FileField(_l("File"))
    name = StringField(_l("Name"), description=_l("Leave empty to use the file name."), render_kw={"maxlength": 300})
    description = TextAreaField(_l("Description"), render_kw={"rows": 3})


class LinkForm(FlaskForm):
    url = StringField(_l("Web address"), widget=URLInput(), render_kw={"required": True, "placeholder": "https://"})
    name = StringField(_l("Name"), description=NAME_HINT, render_kw={"required": True, "maxlength": 300})
    format = StringField(_l("Format"), description=_l("For example CSV, XLSX or JSON."), render_kw={"maxlength": 40})
    description = TextAreaField(_l("Description"), render_kw={"rows": 3})


class ResourceForm(FlaskForm):
    """Name and description of an existing resource."""

    name = StringField(_l("Name"), render_kw={"required": True, "maxlength": 300})
    description = TextAreaField(_l("Description"), render_kw={"rows": 4})


class ReplaceForm(FlaskForm):
    """A new file for an existing resource; the previous one stays downloadable."""

    file = FileField(_l("New file"))


def chosen_file(field):
    """The uploaded file of ``field``, or None when nothing was chosen."""
    upload = field.data
    if upload is None or not getattr(upload, "filename", ""):
        return None
    return upload

"""The dataset metadata form (R2) and the small forms of its life cycle."""
from __future__ import annotations

from opendata.i18n import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.core import UnboundField
from wtforms.widgets import CheckboxInput, DateInput, EmailInput, ListWidget, TelInput

from . import choice
from ..publishing.timeline import FIELD_LABELS
from ..publishing.validation import FIELDS
from ..vocabularies import FREQUENCIES

MARKDOWN_HINT = _l("You can use Markdown: **bold**, lists, links and tables. Any HTML is removed.")


class CheckboxesField(SelectMultipleField):
    """A list of checkboxes; values are checked by the capability, not here."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form) -> None:
        pass


def _select(label, **kwargs) -> SelectField:
    return SelectField(label, validate_choice=False, **kwargs)


def _date(label) -> StringField:
    # Kept as text: the capability checks the date and says so in Vietnamese.
    return StringField(label, widget=DateInput(), description=_l("Day, month and year."))


class DatasetForm(FlaskForm):
    """Every field an agency describes a dataset with; ``lock_version`` detects a concurrent save."""

    organization = _select(_l("Agency"))
    title = StringField(FIELD_LABELS["title"], render_kw={"required": True, "maxlength": 500})
    title_en = StringField(FIELD_LABELS["title_en"], render_kw={"maxlength": 500, "lang": "en"})
    description = TextAreaField(FIELD_LABELS["description"], description=MARKDOWN_HINT, render_kw={"rows": 8})
    description_en = TextAreaField(FIELD_LABELS["description_en"], description=MARKDOWN_HINT, render_kw={"rows": 5, "lang": "en"})
    licence_id = _select(FIELD_LABELS["licence_id"], description=_l(
        "If you choose no other licence, the default open data terms apply: anyone may use the data free of charge, citing the source."))
    topics = CheckboxesField(FIELD_LABELS["topic_slugs"])
    tags = StringField(FIELD_LABELS["tag_names"], description=_l("Separate keywords with commas, for example: schools, education, Long Xuyên."))
    spatial = StringField(FIELD_LABELS["spatial"], description=_l("The area the data covers, for example: An Giang province, Long Xuyên city."))
    temporal_start = _date(FIELD_LABELS["temporal_start"])
    temporal_end = _date(FIELD_LABELS["temporal_end"])
    frequency = _select(FIELD_LABELS["frequency"])
    issued = _date(FIELD_LABELS["issued"])
    version = StringField(FIELD_LABELS["version"], render_kw={"maxlength": 40})
    language = _select(FIELD_LABELS["language"], choices=[choice("vi", _l("Vietnamese")), choice("en", _l("English"))])
    contact_name = StringField(FIELD_LABELS["contact_name"], render_kw={"autocomplete": "name"})
    contact_email = StringField(FIELD_LABELS["contact_email"], widget=EmailInput(), render_kw={"autocomplete": "email"})
    contact_phone = StringField(FIELD_LABELS["contact_phone"], widget=TelInput(), render_kw={"autocomplete": "tel"})
    quality_notes = TextAreaField(FIELD_LABELS["quality_notes"], render_kw={"rows": 3}, description=_l(
        "How the data was collected and checked, and what its known limits are."))
    legal_basis = StringField(FIELD_LABELS["legal_basis"], description=_l(
        "For example the decision that lists this dataset in the open data catalogue."))
    identifier = StringField(FIELD_LABELS["identifier"], description=_l(
        "Leave empty to have one made from the agency and the web address."))
    slug = StringField(FIELD_LABELS["slug"], render_kw={"maxlength": 100, "pattern": "[a-z0-9]+(-[a-z0-9]+)*"}, description=_l(
        "Lowercase letters without accents, digits and hyphens. Leave empty to have one made from the title."))
    private = BooleanField(FIELD_LABELS["private"], description=_l(
        "A private dataset is seen only by your agency, even once published."))
    lock_version = HiddenField()
    loaded_at = HiddenField()

    def set_choices(self, organizations, licences, topics, localized) -> None:
        self.organization.choices = [choice(org.slug, localized(org, "name")) for org in organizations]
        self.licence_id.choices = [choice("", _l("Default open data terms (Art. 43 Law on Electronic Transactions)"))] + [
            choice(lic.id, localized(lic, "title")) for lic in licences if not lic.is_default
        ]
        self.topics.choices = [choice(topic.slug, localized(topic, "name")) for topic in topics]
        self.frequency.choices = [choice("", _l("Not stated"))] + [choice(code, label) for code, label in FREQUENCIES.items()]

    @classmethod
    def metadata_fields(cls) -> list[str]:
        """The capability's fields (``validation.FIELDS``) this form edits: all of them."""
        return [name for name in FIELDS if isinstance(getattr(cls, name, None), UnboundField)]

    def metadata(self, include_slug: bool = True) -> dict:
        """The values for :func:`opendata.publishing.create_dataset` / ``update_dataset``."""
        data = {name: self[name].data for name in self.metadata_fields()}
        if not include_slug:
            data.pop("slug", None)
        return data


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class PrivacyForm(FlaskForm):
    private = HiddenField()


class WithdrawForm(FlaskForm):
    reason = TextAreaField(_l("Reason for withdrawal"), render_kw={"rows": 4, "required": True, "minlength": 10}, description=_l(
        "Shown publicly on the dataset page, for example: the 2023 figures were entered wrongly and are replaced by a corrected dataset."))

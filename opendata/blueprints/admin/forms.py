"""Forms of the administration pages: field formats and lengths only.

Rules that need the database (unique short names, no cycles, one default
licence, an admin left in every agency) live in :mod:`opendata.admin`.
"""
from __future__ import annotations

import re

from opendata.i18n import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.widgets import EmailInput, TelInput, URLInput
from wtforms.validators import URL, DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from ...admin.common import SLUG_FORMAT_MESSAGE, SLUG_PATTERN
from ...forms import choice
from ...admin.members import ROLE_LABELS
from ...admin.vocabularies import EU_THEMES, LICENCE_ID_MAX, LICENCE_ID_PATTERN
from ...models import Role

NONE_CHOSEN = "—"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()./ -]{6,40}$")


def _email(form, field) -> None:
    if field.data and not _EMAIL.match(field.data.strip()):
        raise ValidationError(_l("Enter an e-mail address such as ten@angiang.gov.vn."))


def _phone(form, field) -> None:
    if field.data and not _PHONE.match(field.data.strip()):
        raise ValidationError(_l("Enter a phone number using digits, spaces and + ( ) . - only."))


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _required(message):
    return DataRequired(message=message)


class LocalDateField(DateField):
    """A date field whose complaint about a malformed date is translated (WTForms has no Vietnamese)."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a date such as 2025-03-15.")) from None


class NumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a whole number.")) from None


def _position():
    return NumberField(_l("Display order"), validators=[Optional(), NumberRange(min=0, max=100000, message=_l(
        "Enter a number from 0 to 100000."))], description=_l("Smaller numbers are listed first."))


SLUG_HINT = _l("Used in web addresses: lowercase letters without accents (a-z), digits and hyphens.")
_slug = [_required(_l("Enter a short name.")), Length(max=100), Regexp(rf"^{SLUG_PATTERN}$", message=SLUG_FORMAT_MESSAGE)]
ROLE_CHOICES = [choice(role.value, label) for role, label in ROLE_LABELS.items()]


class OrganizationForm(FlaskForm):
    name = StringField(_l("Name"), [_required(_l("Enter the agency's name.")), Length(max=300)], filters=[_strip])
    name_en = StringField(_l("Name in English"), [Optional(), Length(max=300)], filters=[_strip])
    abbreviation = StringField(_l("Abbreviation"), [Optional(), Length(max=40)], filters=[_strip])
    slug = StringField(_l("Short name"), _slug, filters=[_strip], description=SLUG_HINT)
    confirm_slug_change = BooleanField(_l("I understand that changing the short name changes the agency's web address."))
    agency_type_id = SelectField(_l("Type of agency"), coerce=int, validate_choice=False,
                                 validators=[_required(_l("Choose the type of agency."))])
    parent_id = SelectField(_l("Parent agency"), validate_choice=False, description=_l("Leave empty for a top-level agency."))
    description = TextAreaField(_l("Description"), [Optional(), Length(max=20000)],
                                description=_l("Markdown formatting is allowed."))
    address = StringField(_l("Address"), [Optional(), Length(max=500)], filters=[_strip])
    website = StringField(_l("Website"), widget=URLInput(), validators=[Optional(), Length(max=500), URL(message=_l("Enter a web address starting with https://."))],
                          filters=[_strip])
    email = StringField(_l("E-mail"), widget=EmailInput(), validators=[Optional(), Length(max=254), _email], filters=[_strip])
    phone = StringField(_l("Phone"), widget=TelInput(), validators=[Optional(), _phone], filters=[_strip])
    focal_name = StringField(_l("Focal officer's name"), [Optional(), Length(max=200)], filters=[_strip])
    focal_title = StringField(_l("Focal officer's position"), [Optional(), Length(max=200)], filters=[_strip])
    focal_email = StringField(_l("Focal officer's e-mail"), widget=EmailInput(), validators=[Optional(), Length(max=254), _email], filters=[_strip])
    focal_phone = StringField(_l("Focal officer's phone"), widget=TelInput(), validators=[Optional(), _phone], filters=[_strip])


class AgencyTypeForm(FlaskForm):
    name = StringField(_l("Name"), [_required(_l("Enter a name.")), Length(max=200)], filters=[_strip])
    name_en = StringField(_l("Name in English"), [Optional(), Length(max=200)], filters=[_strip])
    slug = StringField(_l("Short name"), [*_slug[:1], Length(max=64), *_slug[2:]], filters=[_strip], description=SLUG_HINT)
    position = _position()


class TopicForm(FlaskForm):
    name = StringField(_l("Name"), [_required(_l("Enter a name.")), Length(max=200)], filters=[_strip])
    name_en = StringField(_l("Name in English"), [Optional(), Length(max=200)], filters=[_strip])
    slug = StringField(_l("Short name"), _slug, filters=[_strip], description=SLUG_HINT)
    description = TextAreaField(_l("Description"), [Optional(), Length(max=20000)])
    description_en = TextAreaField(_l("Description in English"), [Optional(), Length(max=20000)])
    eu_theme = SelectField(_l("EU data theme"), validate_choice=False, choices=[choice("", NONE_CHOSEN)] + [choice(code, label) for code, label in EU_THEMES.items()],
                           description=_l("Used when the catalogue is sent to the National Data Portal (DCAT-AP)."))
    position = _position()


class LicenceForm(FlaskForm):
    id = StringField(_l("Code"), [
        _required(_l("Enter a code.")), Length(max=LICENCE_ID_MAX),
        Regexp(rf"^{LICENCE_ID_PATTERN}$", message=_l("Use lowercase letters without accents, digits, dots, hyphens or underscores.")),
    ], filters=[_strip], description=_l("A fixed identifier such as cc-by-4.0; it cannot be changed later."))
    title = StringField(_l("Title"), [_required(_l("Enter a title.")), Length(max=300)], filters=[_strip])
    title_en = StringField(_l("Title in English"), [Optional(), Length(max=300)], filters=[_strip])
    url = StringField(_l("Web address of the full text"), widget=URLInput(), validators=[Optional(), Length(max=500), URL(message=_l("Enter a web address starting with https://."))],
                      filters=[_strip])
    summary = TextAreaField(_l("Summary"), [Optional(), Length(max=20000)])
    summary_en = TextAreaField(_l("Summary in English"), [Optional(), Length(max=20000)])
    od_conformant = BooleanField(_l("Conforms to the Open Definition"))
    is_default = BooleanField(_l("Default licence"), description=_l(
        "Applies to every dataset whose agency chose no licence. Only one licence can be the default."))
    position = _position()


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token, plus an optional confirmation box."""

    confirm = BooleanField(_l("Yes, I understand"))


class MemberAddForm(FlaskForm):
    user = StringField(_l("Username or e-mail address"), [_required(_l("Enter the person's username or e-mail address.")),
                                                            Length(max=254)], filters=[_strip])
    role = SelectField(_l("Role"), choices=ROLE_CHOICES, default=Role.EDITOR.value)


class MembershipAddForm(FlaskForm):
    """Adding a user to an agency from the user's page."""

    organization = SelectField(_l("Agency"), validate_choice=False, validators=[_required(_l("Choose an agency."))])
    role = SelectField(_l("Role"), choices=ROLE_CHOICES, default=Role.EDITOR.value)


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=ROLE_CHOICES)


class FocalForm(FlaskForm):
    member = SelectField(_l("Member"), validate_choice=False, validators=[_required(_l("Choose one of the agency's members."))])
    focal_title = StringField(_l("Position"), [Optional(), Length(max=200)], filters=[_strip])
    focal_phone = StringField(_l("Phone"), widget=TelInput(), validators=[Optional(), _phone], filters=[_strip])


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search form

    user = StringField(_l("Username"), [Optional(), Length(max=100)], filters=[_strip])
    action = SelectField(_l("Action"), validate_choice=False)
    organization = SelectField(_l("Agency"), validate_choice=False)
    date_from = LocalDateField(_l("From"), [Optional()])
    date_to = LocalDateField(_l("To"), [Optional()])

    def validate_date_to(self, field) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("The end date must not be before the start date."))

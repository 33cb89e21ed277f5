"""Account pages: register, confirm, sign in and out, passwords, profile.

HTTP only: forms parse the request, ``opendata.accounts`` decides. Visitors
never need an account for public data; these pages serve agencies and
people who want one.
"""
from __future__ import annotations

from functools import wraps

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from opendata.i18n import lazy_gettext as _l
from flask_login import current_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField, TelField
from wtforms.validators import DataRequired, EqualTo

try:
    from wtforms import SelectChoice
except ImportError:  # WTForms < 3.3 takes plain pairs (3.3 deprecates them)
    def SelectChoice(value, label):
        return (value, label)

from ..accounts import api_tokens, recovery, registration
from ..accounts.mail import MailError
from ..accounts.registration import AccountError, Registration
from ..accounts.passwords import MIN_LENGTH
from ..accounts.signin import Outcome, authenticate, wait_message
from ..accounts.tokens import CONFIRM, RESET, TokenError, lifetime_hours
from ..auth import can
from ..auth.session import sign_in
from ..extensions import login_manager
from ..models import AccountKind
from ..urls import absolute_url
from ..web import safe_next

bp = Blueprint("account", __name__, url_prefix="/account")

KINDS = [SelectChoice(AccountKind.INDIVIDUAL.value, _l("An individual")),
         SelectChoice(AccountKind.ORGANIZATION.value, _l("An organisation (business, school, association, agency)"))]


class LoginForm(FlaskForm):
    login = StringField(_l("Username or e-mail address"),
                        validators=[DataRequired(_l("Enter your username or e-mail address."))])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password."))])
    remember = BooleanField(_l("Keep me signed in on this device"))


class RegisterForm(FlaskForm):
    account_kind = RadioField(_l("I am registering as"), choices=KINDS, default=AccountKind.INDIVIDUAL.value,
                              validate_choice=False)
    organization_name = StringField(_l("Name of the organisation"))
    full_name = StringField(_l("Full name"))
    email = EmailField(_l("E-mail address"))
    phone = TelField(_l("Phone number (optional)"))
    username = StringField(_l("Username"))
    password = PasswordField(_l("Password"))
    confirm = PasswordField(_l("Repeat the password"),
                            validators=[EqualTo("password", _l("The two passwords do not match."))])


class EmailForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(_l("Enter your e-mail address."))])


class NewPasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=[DataRequired(_l("Enter a new password."))])
    confirm = PasswordField(_l("Repeat the new password"),
                            validators=[EqualTo("password", _l("The two passwords do not match."))])


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"),
                                     validators=[DataRequired(_l("Enter your current password."))])
    password = PasswordField(_l("New password"), validators=[DataRequired(_l("Enter a new password."))])
    confirm = PasswordField(_l("Repeat the new password"),
                            validators=[EqualTo("password", _l("The two passwords do not match."))])


class LogoutForm(FlaskForm):
    """Only the CSRF token: signing out must be a deliberate POST."""


class TokenForm(FlaskForm):
    name = StringField(_l("Name of the token"), validators=[DataRequired(_l("Give the token a name, for example the program that will use it."))])


class RevokeTokenForm(FlaskForm):
    """Only the CSRF token: revoking is a deliberate POST."""


def _client_ip() -> str:
    return request.remote_addr or ""


def _link_for(endpoint: str):
    """Token -> absolute link; the configured site URL wins over the request's Host header."""
    def build(token: str) -> str:
        return absolute_url(endpoint, token=token)
    return build


def _attach(form: FlaskForm, errors: dict) -> None:
    for name, message in errors.items():
        field = getattr(form, name)
        field.errors = [*field.errors, message]


def account_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not can(current_user, "account.read"):
            return login_manager.unauthorized()
        return view(*args, **kwargs)
    return wrapper


@bp.context_processor
def _form_facts():
    return {"min_password": MIN_LENGTH}


@bp.errorhandler(CSRFError)
def form_expired(_error):
    message = _("For your security, forms can only be sent from this portal's own pages, and they expire after a while. Go back, reload the page and try again.")
    return render_template("errors/error.html", code=400, title=_("The form has expired"), message=message), 400


@bp.route("/login", methods=["GET", "POST"])
def login():
    target = safe_next(request.args.get("next"))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(target)
    form = LoginForm()
    outcome, notice, status = None, None, 200
    if form.validate_on_submit():
        result = authenticate(form.login.data, form.password.data, _client_ip())
        outcome = result.outcome
        if outcome is Outcome.OK:
            sign_in(result.user, remember=form.remember.data)
            return redirect(target)
        notice, status = {
            Outcome.INVALID: (_("The username, e-mail address or password is not correct."), 422),
            Outcome.THROTTLED: (wait_message(result.wait), 429),
            Outcome.UNCONFIRMED: (_("Your e-mail address has not been confirmed yet. Open the link in the message we sent you when you registered."), 403),
            Outcome.DISABLED: (_("This account has been disabled. Please contact the portal's administrators."), 403),
        }[outcome]
    elif form.is_submitted():
        status = 422
    return render_template("account/login.html", form=form, notice=notice, outcome=outcome and outcome.value), status


@bp.route("/logout", methods=["GET", "POST"])
def logout():
    form = LogoutForm()
    if not current_user.is_authenticated:
        return redirect(url_for("home.index"))
    if form.validate_on_submit():
        logout_user()
        flash(_("You have signed out."), "info")
        return redirect(url_for("account.login"))
    return render_template("account/logout.html", form=form)


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("account.index"))
    form = RegisterForm()
    if not form.is_submitted():
        return render_template("account/register.html", form=form)
    form_ok = form.validate()
    kinds = {kind.value: kind for kind in AccountKind}
    data = Registration(
        username=form.username.data or "", email=form.email.data or "", password=form.password.data or "",
        full_name=form.full_name.data or "", account_kind=kinds.get(form.account_kind.data),
        organization_name=form.organization_name.data or "", phone=form.phone.data or "",
    )
    try:
        if not form_ok:
            raise AccountError(registration.check_registration(data))
        user = registration.register(data)
    except AccountError as error:
        _attach(form, error.errors)
        return render_template("account/register.html", form=form), 422
    try:
        registration.send_confirmation(user, _link_for("account.confirm"))
    except MailError:
        flash(_("Your account was created, but the confirmation e-mail could not be sent just now. Please ask for a new link in a few minutes."), "warning")
    return redirect(url_for("account.confirm_sent"))


@bp.route("/confirm/sent")
def confirm_sent():
    purpose = "resend" if request.args.get("again") else "confirm"
    return render_template("account/sent.html", purpose=purpose, hours=lifetime_hours(CONFIRM))


@bp.route("/confirm/<token>")
def confirm(token: str):
    try:
        registration.confirm_email(token)
    except TokenError as error:
        already = error.reason == "used" and error.user is not None and error.user.email_confirmed_at is not None
        if already:
            flash(_("This link has already been used: your e-mail address is confirmed. You can sign in."), "info")
            return redirect(url_for("account.login"))
        return render_template("account/link_problem.html", reason=error.reason, purpose="confirm"), 400
    flash(_("Thank you: your e-mail address is confirmed. You can now sign in."), "success")
    return redirect(url_for("account.login"))


@bp.route("/confirm/resend", methods=["GET", "POST"])
def resend_confirmation():
    form = EmailForm()
    if form.validate_on_submit():
        registration.resend_confirmation(form.email.data, _client_ip(), _link_for("account.confirm"))
        return redirect(url_for("account.confirm_sent", again=1))
    return render_template("account/email_form.html", form=form, purpose="confirm"), 422 if form.errors else 200


@bp.route("/reset", methods=["GET", "POST"])
def reset_request():
    form = EmailForm()
    if form.validate_on_submit():
        recovery.request_reset(form.email.data, _client_ip(), _link_for("account.reset"))
        return redirect(url_for("account.reset_sent"))
    return render_template("account/email_form.html", form=form, purpose="reset"), 422 if form.errors else 200


@bp.route("/reset/sent")
def reset_sent():
    return render_template("account/sent.html", purpose="reset", hours=lifetime_hours(RESET))


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    form = NewPasswordForm()
    try:
        recovery.check_reset_token(token)
        if form.validate_on_submit():
            recovery.reset_password(token, form.password.data)
            flash(_("Your password has been changed. Sign in with the new password."), "success")
            return redirect(url_for("account.login"))
    except TokenError as error:
        return render_template("account/link_problem.html", reason=error.reason, purpose="reset"), 400
    except AccountError as error:
        _attach(form, error.errors)
    return render_template("account/reset.html", form=form), 422 if form.errors else 200


@bp.route("/password", methods=["GET", "POST"])
@account_required
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            recovery.change_password(current_user, form.current_password.data, form.password.data, _client_ip())
        except AccountError as error:
            _attach(form, error.errors)
        else:
            # This session carries on with the new stamp; every other one has just ended.
            remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
            sign_in(current_user._get_current_object(), remember=remembered)
            flash(_("Your password has been changed. You have been signed out on your other devices."), "success")
            return redirect(url_for("account.index"))
    return render_template("account/password.html", form=form), 422 if form.errors else 200


@bp.route("")
@account_required
def index():
    user = current_user._get_current_object()
    memberships = sorted(user.memberships, key=lambda m: m.organization.name)
    return render_template("account/index.html", user=user, memberships=memberships, logout_form=LogoutForm())


def _tokens_page(form: TokenForm, new=None, status: int = 200):
    user = current_user._get_current_object()
    return render_template("account/tokens.html", form=form, new=new, tokens=api_tokens.list_tokens(user),
                           revoke_form=RevokeTokenForm()), status


@bp.route("/tokens", methods=["GET", "POST"])
@account_required
def tokens():
    """List, and make, API tokens. A new secret is shown on this response only, never stored."""
    form = TokenForm()
    if not form.is_submitted():
        return _tokens_page(form)
    if form.validate():
        try:
            new = api_tokens.create_token(current_user._get_current_object(), form.name.data)
        except api_tokens.TokenInputError as error:
            _attach(form, {name: ", ".join(str(m) for m in messages) for name, messages in error.errors.items()})
        else:
            response, status = _tokens_page(TokenForm(formdata=None), new=new, status=201)
            return response, status, {"Cache-Control": "no-store"}
    return _tokens_page(form, status=422)


@bp.route("/tokens/<token_id>/revoke", methods=["POST"])
@account_required
def revoke_token(token_id: str):
    token = api_tokens.get_token(current_user._get_current_object(), token_id)
    if token is None:
        return render_template("errors/error.html", code=404, title=_("Token not found"),
                               message=_("This token does not exist or belongs to another account.")), 404
    if RevokeTokenForm().validate_on_submit():
        api_tokens.revoke_token(token)
        flash(_("The token “%(name)s” has been revoked: programs using it can no longer sign in.", name=token.name), "success")
    return redirect(url_for("account.tokens"))

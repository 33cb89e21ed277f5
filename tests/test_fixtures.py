"""The role fixtures sign people in for real: pages see the user."""
from flask_login import current_user

from opendata.auth import can


def test_as_user_signs_in_the_role(app, as_user, people):
    client = as_user("editor")
    with client:
        client.get("/")
        assert current_user.is_authenticated and current_user.username == "editor"
        assert can(current_user, "dataset.create", people["editor"].memberships[0].organization)

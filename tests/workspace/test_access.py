"""Who may open which publishing page: every route for every role.

404 when the person may not even know the dataset exists (drafts of other
agencies), 403 when they can read it but not change it.
"""
from __future__ import annotations

import pytest

from opendata.extensions import db
from opendata.models import Dataset, DatasetState

ROLES = ("anonymous", "registered", "member", "editor", "other_editor", "admin", "sysadmin")

# Expected status per role, in ROLES order.
DRAFT_EDIT = (404, 404, 403, 200, 404, 200, 200)  # change a draft of agency "own"
PUBLIC_EDIT = (403, 403, 403, 200, 403, 200, 200)  # change a published dataset of agency "own"

GET_ROUTES = [
    ("/workspace", (403, 403, 200, 200, 200, 200, 200)),
    ("/dataset/new", (403, 403, 403, 200, 200, 200, 200)),
    ("/dataset/edit/ban-nhap", DRAFT_EDIT),
    ("/dataset/edit/cong-khai", PUBLIC_EDIT),
    ("/dataset/manage/ban-nhap", DRAFT_EDIT),
    ("/dataset/manage/cong-khai", PUBLIC_EDIT),
    ("/dataset/delete/ban-nhap", DRAFT_EDIT),
    ("/dataset/withdraw/cong-khai", PUBLIC_EDIT),
    ("/dataset/ban-nhap/resource/new", DRAFT_EDIT),
    ("/dataset/cong-khai/resource/new?kind=url", PUBLIC_EDIT),
    ("/dataset/ban-nhap/resource/{draft_res}/edit", DRAFT_EDIT),
    ("/dataset/cong-khai/resource/{public_res}/edit", PUBLIC_EDIT),
    ("/dataset/ban-nhap/resource/{draft_res}/delete", DRAFT_EDIT),
    ("/dataset/cong-khai/resource/{public_res}/delete", PUBLIC_EDIT),
    ("/dataset/activity/ban-nhap", (404, 404, 200, 200, 404, 200, 200)),
    ("/dataset/activity/cong-khai", (200,) * 7),
]


@pytest.fixture
def client_for(app, people, client):
    def make(role: str):
        return client if role == "anonymous" else _signed_in(app, people[role])

    return make


def _signed_in(app, user):
    from tests.conftest import login_as

    c = app.test_client()
    login_as(c, user)
    return c


def _urls(route: str, draft, published) -> str:
    return route.format(draft_res=draft.resources[0].id, public_res=published.resources[0].id)


@pytest.mark.parametrize("route, expected", GET_ROUTES, ids=[r for r, _ in GET_ROUTES])
def test_pages_by_role(client_for, draft, published, route, expected):
    url = _urls(route, draft, published)
    got = tuple(client_for(role).get(url).status_code for role in ROLES)
    assert got == expected, dict(zip(ROLES, got))


POST_ROUTES = [
    ("/dataset/publish/ban-nhap", {}, DRAFT_EDIT),
    ("/dataset/private/cong-khai", {"private": "1"}, PUBLIC_EDIT),
    ("/dataset/withdraw/cong-khai", {"reason": "Số liệu sai, đã thay bằng bộ dữ liệu mới."}, PUBLIC_EDIT),
    ("/dataset/delete/ban-nhap", {}, DRAFT_EDIT),
    ("/dataset/edit/cong-khai", {"title": "Đổi tên trái phép", "lock_version": "1"}, PUBLIC_EDIT),
    ("/dataset/ban-nhap/resource/{draft_res}/delete", {}, DRAFT_EDIT),
    ("/dataset/cong-khai/resource/{public_res}/edit", {"name": "Đổi tên trái phép"}, PUBLIC_EDIT),
    ("/dataset/cong-khai/resource/{public_res}/release", {}, PUBLIC_EDIT),
]


@pytest.mark.parametrize("route, data, expected", POST_ROUTES, ids=[r for r, _, _ in POST_ROUTES])
@pytest.mark.parametrize("role", [r for r in ROLES if r not in {"editor", "admin", "sysadmin"}])
def test_refused_changes_change_nothing(client_for, draft, published, route, data, expected, role):
    url = _urls(route, draft, published)
    before = _state()
    response = client_for(role).post(url, data=data)
    assert response.status_code == expected[ROLES.index(role)]
    assert _state() == before


def _status(client, url: str) -> int:
    with client.get(url) as response:  # a download streams from an open file
        return response.status_code


def _state():
    db.session.expire_all()
    return sorted(
        (d.slug, d.title, d.state.value, d.private, d.lock_version, tuple((r.name, r.withheld) for r in d.resources))
        for d in db.session.scalars(db.select(Dataset))
    )


def test_version_download_follows_the_resource(app, client_for, draft, published, people):
    """Earlier files are as public as the resource: visitors for public data, the agency for drafts."""
    import io

    from opendata import publishing

    for dataset in (draft, published):
        publishing.replace_file(people["editor"], dataset.resources[0], io.BytesIO(b"a,b\n9,9\n"), "moi.csv")
    draft_url = f"/dataset/ban-nhap/resource/{draft.resources[0].id}/version/1/download/truong.csv"
    public_url = f"/dataset/cong-khai/resource/{published.resources[0].id}/version/1/download/x.csv"
    got = {role: (_status(client_for(role), draft_url), _status(client_for(role), public_url)) for role in ROLES}
    assert got == {
        "anonymous": (404, 200), "registered": (404, 200), "member": (200, 200), "editor": (200, 200),
        "other_editor": (404, 200), "admin": (200, 200), "sysadmin": (200, 200),
    }
    published.resources[0].withheld = True
    db.session.commit()
    assert _status(client_for("anonymous"), public_url) == 404
    assert _status(client_for("member"), public_url) == 200
    assert _status(client_for("anonymous"), public_url.replace("/version/1/", "/version/2/")) == 404
    assert published.state is DatasetState.PUBLISHED


@pytest.mark.parametrize("route", [r for r, expected in GET_ROUTES if expected[ROLES.index("editor")] == 200])
def test_pages_render_in_english_too(app, as_user, draft, published, route):
    editor = as_user("editor")
    editor.set_cookie(app.config["LANGUAGE_COOKIE"], "en")
    response = editor.get(_urls(route, draft, published))
    assert response.status_code == 200
    assert '<html lang="en">' in response.get_data(as_text=True)

"""schemathesis holds the Action API to its OpenAPI document, in-process.

Every read operation (GET and POST) gets generated requests, anonymous,
against a small seeded catalogue (published datasets with files and links, a
draft, a private and a withdrawn dataset, history rows); ids of real objects
are mixed into the generated ones so answers other than "Not found" are
checked too. Each response must not be a server error, must have a
documented status and content type, and must match the documented schema.
A separate, smaller run sends the write operations with an editor's token.

Deterministic and bounded: Hypothesis is derandomized, keeps no example
database and draws ``READ_EXAMPLES`` cases per operation.
"""
from __future__ import annotations

import random

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

from opendata import history
from opendata.accounts.api_tokens import create_token
from opendata.api.actions import actions
from opendata.extensions import db
from opendata.models import DatasetState, ResourceKind
from tests import factories

READ_EXAMPLES = 40
WRITE_EXAMPLES = 8
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
SETTINGS = settings(
    max_examples=READ_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)


def isolated(app):
    """The app as a server runs it: each request in its own app context (own ``g``, own database session).

    The ``app`` fixture keeps a context open for the test body; Flask would
    otherwise reuse it for every request. Hypothesis seeds the global
    ``random`` identically for every example, and Whoosh names its index
    segments with it: requests get a fresh seed (restored afterwards, so
    generation stays deterministic), or a write would reuse a segment name
    and clobber the index.
    """

    def wsgi(environ, start_response):
        state = random.getstate()
        random.seed()
        try:
            with app.app_context():
                return list(app(environ, start_response))
        finally:
            random.setstate(state)

    return wsgi


@pytest.fixture
def catalogue(app, agencies, people):
    """Names and ids of what the generated requests should also ask for."""
    own, other = agencies["own"], agencies["other"]
    topic = factories.topic("Giáo dục", slug="giao-duc", name_en="Education", eu_theme="EDUC")
    schools = factories.dataset(
        own, "Danh sách trường học", slug="truong-hoc", description="Các trường **phổ thông** trong tỉnh.",
        tags=["giáo dục", "trường học"], topics=[topic], contact_name="Phòng Kế hoạch",
        contact_email="kh@example.gov.vn", frequency="ANNUAL", title_en="Schools",
        resources=[
            ("truong-hoc.csv", "tên,địa chỉ\nTrường A,Long Xuyên\n".encode()),
            {"name": "Bản đồ", "kind": ResourceKind.URL, "url": "https://example.org/ban-do.geojson",
             "format": "GEOJSON"},
            {"name": "Dịch vụ tra cứu", "kind": ResourceKind.API, "url": "https://example.org/api", "format": "API"},
        ],
        extras={"nguon": "Sở Giáo dục", "so_lieu": 12},
    )
    budget = factories.dataset(other, "Dự toán ngân sách 2025", slug="du-toan", tags=["ngân sách"],
                               resources=[("du-toan.pdf", b"%PDF-1.4 minimal")])
    draft = factories.dataset(own, "Bản nháp", slug="ban-nhap", state=DatasetState.DRAFT,
                              resources=[("nhap.csv", b"a,b\n1,2\n")])
    private = factories.dataset(own, "Dữ liệu nội bộ", slug="noi-bo", private=True)
    withdrawn = factories.dataset(other, "Đã rút", slug="da-rut", state=DatasetState.WITHDRAWN,
                                  withdrawn_reason="Dữ liệu sai")
    editor = people["editor"]
    history.record("dataset.created", schools, editor, summary=schools.title)
    history.record("dataset.updated", schools, editor, {"title": ["Trường", schools.title]}, summary=schools.title)
    history.record("resource.created", schools.resources[0], editor, summary="truong-hoc.csv")
    history.record("dataset.created", draft, editor, summary=draft.title)
    history.record("organization.updated", own, people["admin"], summary=own.name)
    db.session.commit()
    datasets = [schools, budget, draft, private, withdrawn]
    return {
        "dataset": [d.slug for d in datasets] + [schools.id, private.id],
        "resource": [r.id for d in datasets for r in d.resources],
        "agency": [own.slug, other.id],
        "topic": [topic.slug, topic.id],
        "verb": ["package_search", "no_such_verb"],
    }


# Which catalogue names fill each verb's identifying parameter.
KNOWN = {
    "package_show": ("id", "dataset"),
    "package_activity_list": ("id", "dataset"),
    "resource_show": ("id", "resource"),
    "organization_show": ("id", "agency"),
    "organization_activity_list": ("id", "agency"),
    "group_show": ("id", "topic"),
    "help_show": ("name", "verb"),
}


def operation_strategy(operation, known: dict[str, list[str]]):
    """Generated cases, plus cases naming real objects (other parameters still generated)."""
    strategies = [operation.as_strategy()]
    verb = operation.path.rsplit("/", 1)[1]
    if verb in KNOWN:
        name, kind = KNOWN[verb]
        for value in known[kind]:
            if operation.method.upper() == "GET":
                strategies.append(operation.as_strategy(query={name: value}))
            else:
                strategies.append(operation.as_strategy(body={name: value}, media_type="application/json"))
    return st.one_of(strategies)


def run(operation, strategy, examples: int, failures: list[str], headers: dict[str, str] | None = None) -> list[int]:
    """Statuses answered; a failing operation adds its (shrunk) failure to ``failures`` so all are reported."""
    statuses: list[int] = []

    @settings(SETTINGS, max_examples=examples)
    @given(case=strategy)
    def exercise(case):
        response = case.call_and_validate(checks=CHECKS, headers=headers)
        statuses.append(response.status_code)

    try:
        exercise()
    except (Exception, FailureGroup) as error:  # reported by the caller, with every other operation's
        failures.append(f"{operation.label}: {error}")
    return statuses


def test_read_verbs_keep_to_their_description(app, catalogue):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", isolated(app))
    read = {name for name, verb in actions().items() if not verb.write}
    seen: dict[str, list[int]] = {}
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        verb = operation.path.rsplit("/", 1)[1]
        if verb not in read:
            continue
        seen[operation.label] = run(operation, operation_strategy(operation, catalogue), READ_EXAMPLES, failures)
    assert not failures, "\n\n".join(failures)
    assert {label.split(" ", 1)[1].rsplit("/", 1)[1] for label in seen} == read
    # The real objects were found, not just "Not found" every time.
    assert 200 in seen["GET /api/3/action/package_show"]
    assert 200 in seen["GET /api/3/action/resource_show"]
    assert 200 in seen["POST /api/3/action/organization_show"]
    assert all(200 in statuses for label, statuses in seen.items() if "_show" not in label), seen


@pytest.fixture
def editor_token(app, people):
    return create_token(people["editor"], "schemathesis").secret


def test_write_verbs_keep_to_their_description(app, catalogue, editor_token):
    """Bounded: a few generated bodies per write operation, signed with an editor's token."""
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", isolated(app))
    write = {name for name, verb in actions().items() if verb.write}
    known = {**catalogue, "dataset": ["truong-hoc", "ban-nhap", "noi-bo", "du-toan"]}
    targets = {
        "package_update": ("id", "dataset"), "package_patch": ("id", "dataset"), "package_delete": ("id", "dataset"),
        "resource_create": ("package_id", "dataset"), "resource_update": ("id", "resource"),
        "resource_patch": ("id", "resource"), "resource_delete": ("id", "resource"),
    }
    complete = {  # bodies that succeed, so the 200 answers are checked too
        "package_create": {"owner_org": "so-y-te", "title": "Bộ dữ liệu thử nghiệm", "notes": "Mô tả"},
        "resource_create": {"package_id": "truong-hoc", "url": "https://example.org/du-lieu.csv", "name": "Liên kết"},
    }
    statuses: dict[str, list[int]] = {}
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    order = ("create", "update", "patch", "delete")  # deletions last, so the others find their targets
    operations.sort(key=lambda op: [word in op.path for word in order].index(True) if op.path.endswith(
        tuple(order)) else 0)
    for operation in operations:
        verb = operation.path.rsplit("/", 1)[1]
        if verb not in write:
            continue
        strategies = [operation.as_strategy()]
        if verb in targets:
            name, kind = targets[verb]
            strategies += [operation.as_strategy(body={name: value}, media_type="application/json")
                           for value in known[kind]]
        headers = {"Authorization": editor_token}
        statuses[verb] = run(operation, st.one_of(strategies), WRITE_EXAMPLES, failures, headers=headers)
        if verb in complete:
            case = operation.Case(body=complete[verb], media_type="application/json")
            statuses[verb].append(case.call_and_validate(checks=CHECKS, headers=headers).status_code)
    assert not failures, "\n\n".join(failures)
    assert set(statuses) == write
    assert all(200 in statuses[verb] for verb in ("package_create", "package_patch", "resource_create")), statuses

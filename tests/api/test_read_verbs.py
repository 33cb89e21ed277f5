"""The read verbs: CKAN's dict shapes, search parameters, lists, and nothing leaking to those who may not see it."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from opendata.models import DatasetState
from tests import factories


def query_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)


def call(client, verb: str, status: int = 200, **params):
    """GET, as a browser session may only read the API (writes need a token)."""
    response = client.get(f"/api/3/action/{verb}", query_string={k: query_value(v) for k, v in params.items()})
    found = json.loads(response.get_data(as_text=True))
    assert response.status_code == status, found
    return found["result"] if status == 200 else found["error"]


@pytest.fixture
def catalogue(app, agencies):
    """Public, draft, private and withdrawn datasets in two agencies, a withheld file, topics and tags."""
    economy = factories.topic("Kinh tế", slug="kinh-te", name_en="Economy", eu_theme="ECON")
    health = factories.topic("Y tế", slug="y-te")
    own, other = agencies["own"], agencies["other"]
    public = factories.dataset(
        own, title="Danh sách bệnh viện công lập", slug="benh-vien", tags=["y tế", "bệnh viện"], topics=[health],
        resources=[("bệnh viện.csv", b"ten,dia chi\nA,B\n")], title_en="Public hospitals", spatial="An Giang",
        temporal_start=date(2020, 1, 1), temporal_end=date(2024, 12, 31), frequency="ANNUAL",
        modified=datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc), contact_name="Nguyễn Văn A",
        contact_email="a@syt.angiang.gov.vn", contact_phone="0296 3852 000", quality_notes="Đã kiểm tra",
        version="1.2", legal_basis="Quyết định 62/2024/QĐ-UBND", extras={"nguon": "Sở Y tế", "so_dong": 2},
    )
    second = factories.dataset(
        other, title="Giá đất nông nghiệp", slug="gia-dat", tags=["đất đai"], topics=[economy],
        resources=[("giá đất.xlsx", b"PK\x03\x04"), {"name": "Bản đồ", "kind": "api", "url": "https://gis.example.vn/wms", "format": "WMS"}],
    )
    withheld = factories.dataset(
        other, title="Danh sách hộ nghèo", slug="ho-ngheo", tags=["xã hội"],
        resources=[("hộ nghèo.csv", b"ten\nX\n")],
    )
    withheld.resources[0].withheld = True
    draft = factories.dataset(own, title="Bản nháp kế hoạch y tế", slug="nhap-y-te", state=DatasetState.DRAFT,
                              tags=["thẻ-nháp-bí-mật"], topics=[economy], resources=[("nháp.csv", b"a\n1\n")])
    private = factories.dataset(own, title="Hồ sơ nội bộ bệnh viện", slug="noi-bo", private=True,
                                tags=["thẻ-riêng-tư"], resources=[("nội bộ.csv", b"a\n1\n")])
    withdrawn = factories.dataset(other, title="Dữ liệu đã rút", slug="da-rut", state=DatasetState.WITHDRAWN,
                                  withdrawn_reason="Sai số liệu", tags=["thẻ-đã-rút"])
    from opendata.extensions import db

    db.session.commit()
    from opendata.search import refresh_datasets

    refresh_datasets([d.id for d in (public, second, withheld, draft, private, withdrawn)])
    return {"public": public, "second": second, "withheld": withheld, "draft": draft, "private": private,
            "withdrawn": withdrawn}


HIDDEN = {"nhap-y-te", "noi-bo"}


# -- shapes --------------------------------------------------------------------------
def test_package_show_has_ckans_keys_and_our_r2_fields(client, catalogue):
    found = call(client, "package_show", id="benh-vien")
    assert found["id"] == catalogue["public"].id
    by_id = call(client, "package_show", id=catalogue["public"].id)
    assert by_id["name"] == "benh-vien"
    assert found["title"] == "Danh sách bệnh viện công lập"
    assert found["type"] == "dataset" and found["state"] == "active" and found["private"] is False
    assert found["owner_org"] == found["organization"]["id"]
    assert found["organization"]["name"] == "so-y-te" and found["organization"]["is_organization"] is True
    assert {t["name"] for t in found["tags"]} == {"y tế", "bệnh viện"} and found["num_tags"] == 2
    assert [g["name"] for g in found["groups"]] == ["y-te"]
    assert found["maintainer"] == "Nguyễn Văn A" and found["maintainer_email"] == "a@syt.angiang.gov.vn"
    assert found["license_id"] == "vn-open-data-default" and found["license_is_default_terms"] is True
    assert {"key": "so_dong", "value": "2"} in found["extras"]
    assert found["metadata_created"] and "+" not in found["metadata_created"]  # CKAN's naive UTC form
    assert found["title_en"] == "Public hospitals"
    assert found["spatial"] == "An Giang"
    assert (found["temporal_start"], found["temporal_end"]) == ("2020-01-01", "2024-12-31")
    assert found["frequency"] == "ANNUAL" and found["issued"] == "2025-01-01"
    assert found["modified"] == "2025-03-04T05:06:07"
    assert found["identifier"] == catalogue["public"].identifier
    assert found["contact_phone"] == "0296 3852 000" and found["quality_notes"] == "Đã kiểm tra"
    assert found["version"] == "1.2" and found["legal_basis"] == "Quyết định 62/2024/QĐ-UBND"
    assert found["landing_page"] == "http://localhost/dataset/benh-vien"
    assert found["num_resources"] == 1


def test_resource_urls_download_the_file(client, catalogue):
    resource = call(client, "package_show", id="gia-dat")["resources"]
    upload, service = resource
    assert upload["url_type"] == "upload" and upload["format"] == "XLSX" and upload["size"] == 4
    assert upload["url"].startswith("http://localhost/dataset/gia-dat/resource/")
    assert upload["hash"] == upload["sha256"] and len(upload["hash"]) == 64
    with client.get(upload["url"].removeprefix("http://localhost")) as download:
        assert download.status_code == 200 and download.data == b"PK\x03\x04"
    assert service["url"] == "https://gis.example.vn/wms" and service["resource_type"] == "api"
    assert call(client, "resource_show", id=upload["id"]) == upload


def test_withdrawn_dataset_is_shown_as_deleted_but_not_listed(client, catalogue):
    found = call(client, "package_show", id="da-rut")
    assert found["state"] == "deleted" and found["withdrawn_reason"] == "Sai số liệu"
    assert "da-rut" not in call(client, "package_list")
    assert call(client, "package_search", q="đã rút")["count"] == 0


# -- package_search ------------------------------------------------------------------
def names(result) -> list[str]:
    return [d["name"] for d in result["results"]]


def test_package_search_words_and_ckan_filters(client, catalogue):
    assert names(call(client, "package_search", q="benh vien")) == ["benh-vien"]
    # "name asc" lists by title in Vietnamese order ("Danh sách hộ nghèo" before "Giá đất")
    assert names(call(client, "package_search", fq="organization:so-xay-dung", sort="name asc")) == ["ho-ngheo", "gia-dat"]
    assert names(call(client, "package_search", fq='tags:"đất đai"')) == ["gia-dat"]
    assert names(call(client, "package_search", fq="res_format:xlsx")) == ["gia-dat"]
    assert names(call(client, "package_search", fq="groups:y-te +res_format:CSV")) == ["benh-vien"]
    assert names(call(client, "package_search", fq="groups:y-te AND res_format:XLSX")) == []
    assert names(call(client, "package_search", q="tags:bệnh\\ viện")) == ["benh-vien"]
    assert call(client, "package_search", fq="license_id:vn-open-data-default")["count"] == 0  # chosen licences only
    org_id = catalogue["second"].organization_id
    assert call(client, "package_search", fq=f"owner_org:{org_id}")["count"] == 2
    assert call(client, "package_search", fq="+dataset_type:dataset", q="*:*")["count"] == 3
    assert call(client, "package_search", fq="dataset_type:harvest")["count"] == 0


def test_package_search_pages_and_sorts(client, catalogue):
    everything = call(client, "package_search", sort="title_string asc")
    assert everything["count"] == 3 and everything["sort"] == "title_string asc"
    assert names(everything) == ["benh-vien", "ho-ngheo", "gia-dat"]  # D before G, "Danh" before "Giá"
    page = call(client, "package_search", sort="title_string asc", rows=1, start=1)
    assert page["count"] == 3 and names(page) == ["ho-ngheo"]
    assert call(client, "package_search")["sort"] == "score desc, metadata_modified desc"
    assert len(call(client, "package_search", rows=5000)["results"]) == 3  # capped at 1000, not refused


@pytest.mark.parametrize(
    "params, field",
    [({"rows": -1}, "rows"), ({"start": "x"}, "start"), ({"sort": "views desc"}, "sort"),
     ({"facet.field": '["vocab_x"]'}, "facet.field"), ({"facet.field": "[broken"}, "facet.field"),
     ({"start": 10**12}, "start"), ({"q": "nul\x00byte"}, "q")],
)
def test_package_search_bad_parameters_are_validation_errors(client, params, field):
    error = call(client, "package_search", status=409, **params)
    assert error["__type"] == "Validation Error" and field in error


def test_other_verbs_refuse_bad_parameters_without_crashing(client, catalogue):
    assert call(client, "package_show", status=409) == {"__type": "Validation Error", "id": ["Missing value"]}
    assert "id" in call(client, "package_show", status=409, id="a\x00b")
    assert "id" in call(client, "organization_show", status=409, id="a\x00b")
    assert "limit" in call(client, "package_list", status=409, limit="mười")
    assert "sort" in call(client, "organization_list", status=409, sort="founded desc")
    assert call(client, "tag_list", status=404, vocabulary_id="x")["__type"] == "Not Found Error"


@pytest.mark.parametrize("fq", ["-organization:so-y-te", "title:abc", "organization:(a OR b)"])
def test_package_search_unsupported_fq_is_a_search_query_error(client, fq):
    error = call(client, "package_search", status=400, fq=fq)
    assert error["__type"] == "Search Query Error"


def test_package_search_facets(client, catalogue):
    found = call(client, "package_search", **{"facet.field": '["organization", "tags", "res_format", "groups"]'})
    assert found["facets"]["organization"] == {"so-xay-dung": 2, "so-y-te": 1}
    assert found["facets"]["res_format"]["XLSX"] == 1
    org_items = found["search_facets"]["organization"]["items"]
    assert {"name": "so-y-te", "display_name": "Sở Y tế", "count": 1} in org_items
    assert found["search_facets"]["groups"]["title"] == "groups"
    limited = call(client, "package_search", **{"facet.field": ["tags"], "facet.limit": 1})
    assert len(limited["facets"]["tags"]) == 1
    assert call(client, "package_search")["facets"] == {}  # no facet.field, no facets (as CKAN)


# -- other lists ----------------------------------------------------------------------
def test_package_list_and_current_package_list(client, catalogue):
    assert call(client, "package_list") == ["benh-vien", "gia-dat", "ho-ngheo"]
    assert call(client, "package_list", limit=1, offset=1) == ["gia-dat"]
    current = call(client, "current_package_list_with_resources", limit=2)
    assert len(current) == 2 and all("resources" in d for d in current)
    stamps = [d["metadata_modified"] for d in call(client, "current_package_list_with_resources")]
    assert stamps == sorted(stamps, reverse=True)


def test_organizations_and_groups(client, catalogue):
    assert call(client, "organization_list") == ["so-xay-dung", "so-y-te"]
    full = call(client, "organization_list", all_fields=True, sort="package_count desc")
    assert [(o["name"], o["package_count"]) for o in full] == [("so-xay-dung", 2), ("so-y-te", 1)]
    shown = call(client, "organization_show", id="so-y-te", include_datasets=True)
    assert shown["package_count"] == 1 and [p["name"] for p in shown["packages"]] == ["benh-vien"]
    assert "packages" not in call(client, "organization_show", id=shown["id"])
    assert call(client, "organization_show", status=404, id="khong-co")["__type"] == "Not Found Error"

    assert call(client, "group_list") == ["kinh-te", "y-te"]
    groups = call(client, "group_list", all_fields=True)
    assert groups[0]["title_en"] == "Economy" and groups[0]["package_count"] == 1
    assert [p["name"] for p in call(client, "group_show", id="kinh-te", include_datasets=True)["packages"]] == ["gia-dat"]


def test_tags_licences_and_status(client, catalogue):
    assert call(client, "tag_list") == ["bệnh viện", "xã hội", "y tế", "đất đai"]
    assert call(client, "tag_list", query="BỆNH") == ["bệnh viện"]
    assert call(client, "tag_list", all_fields=True, query="đất")[0]["name"] == "đất đai"
    licences = call(client, "license_list")
    assert any(lic["id"] == "cc-by-4.0" and lic["od_conformance"] == "approved" for lic in licences)
    assert call(client, "status_show")["site_title"] == "Cổng dữ liệu mở tỉnh An Giang"
    assert call(client, "site_read") is True


# -- nothing leaks ----------------------------------------------------------------------
def everything_seen(client, catalogue) -> str:
    """Every read verb's answer, as one text, for a caller."""
    answers = [
        call(client, "package_list", include_private=True, include_drafts=True),
        call(client, "package_search", include_private=True, rows=100,
             **{"facet.field": '["tags", "organization", "groups", "res_format"]'}),
        call(client, "current_package_list_with_resources", limit=100),
        call(client, "organization_show", id="so-y-te", include_datasets=True),
        call(client, "organization_list", all_fields=True),
        call(client, "group_show", id="kinh-te", include_datasets=True),
        call(client, "tag_list", all_fields=True),
    ]
    return json.dumps(answers, ensure_ascii=False)


@pytest.mark.parametrize("who", ["anonymous", "other_editor", "registered"])
def test_drafts_and_private_datasets_never_reach_outsiders(app, client, as_user, catalogue, who):
    caller = client if who == "anonymous" else as_user(who)
    seen = everything_seen(caller, catalogue)
    for secret in ("nhap-y-te", "noi-bo", "Bản nháp", "Hồ sơ nội bộ", "thẻ-nháp-bí-mật", "thẻ-riêng-tư", "thẻ-đã-rút"):
        assert secret not in seen, secret
    found = call(caller, "package_search", include_private=True, **{"facet.field": '["organization"]'})
    assert found["count"] == 3 and found["facets"]["organization"]["so-y-te"] == 1
    assert call(caller, "organization_list", all_fields=True, sort="name")[1]["package_count"] == 1
    for slug in HIDDEN:
        assert call(caller, "package_show", status=404, id=slug)["__type"] == "Not Found Error"
        assert call(caller, "package_show", status=404, id=catalogue["draft" if slug == "nhap-y-te" else "private"].id)
    for dataset in (catalogue["draft"], catalogue["private"]):
        assert call(caller, "resource_show", status=404, id=dataset.resources[0].id)
    # the file the safety gate holds back is shown to its own agency only
    withheld = catalogue["withheld"].resources[0].id
    if who == "other_editor":
        assert call(caller, "resource_show", id=withheld)["withheld"] is True
    else:
        assert withheld not in seen
        assert call(caller, "package_show", id="ho-ngheo")["num_resources"] == 0
        assert call(caller, "resource_show", status=404, id=withheld)


def test_agency_staff_see_their_own_unpublished_datasets_only_when_asked(as_user, catalogue):
    editor = as_user("member")
    assert set(call(editor, "package_list")) == {"benh-vien", "gia-dat", "ho-ngheo"}  # public by default, as CKAN
    assert HIDDEN <= set(call(editor, "package_list", include_private=True))
    assert call(editor, "package_search")["count"] == 3
    widened = call(editor, "package_search", include_private="true")
    assert widened["count"] == 5 and HIDDEN <= set(names(widened))
    assert call(editor, "package_search", include_private=True, fq="capacity:public")["count"] == 3
    assert call(editor, "package_show", id="nhap-y-te")["state"] == "draft"
    assert call(editor, "package_show", id="noi-bo")["private"] is True
    assert "thẻ-nháp-bí-mật" in call(editor, "tag_list")
    # their agency's withheld files stay with the other agency
    assert call(editor, "package_show", id="ho-ngheo")["num_resources"] == 0


def test_sysadmins_see_everything_when_asked(as_user, catalogue):
    admin = as_user("sysadmin")
    assert call(admin, "package_search")["count"] == 3
    assert call(admin, "package_search", include_private=True)["count"] == 5
    withheld = call(admin, "package_show", id="ho-ngheo")["resources"]
    assert len(withheld) == 1 and withheld[0]["withheld"] is True

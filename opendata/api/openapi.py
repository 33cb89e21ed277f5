"""The OpenAPI 3.1 description of the Action API, built from the verb registry.

Every registered verb appears at ``/api/3/action/<verb>``; what it takes and
returns comes from :data:`.openapi_verbs.VERBS` and the response schemas from
:mod:`.openapi_schemas`. A verb registered without an entry there is still
listed (so the document never hides a verb), with a generic description,
and the test suite fails until it is described.
"""
from __future__ import annotations

from importlib import metadata
from typing import Any

from flask import current_app

from .actions import Action, actions
from .openapi_schemas import ERRORS, Schema, component_schemas, envelope, error_envelope, ref
from .openapi_verbs import TAGS, VERBS, Param, Verb

DESCRIPTION = """\
Machine access to the open data of {province} province, compatible with the
[CKAN Action API](https://docs.ckan.org/en/latest/api/) (version 3): CKAN
clients such as `ckanapi` and existing harvesters work unchanged.

*Tóm tắt: Giao diện lập trình (API) tương thích CKAN của cổng dữ liệu mở tỉnh
{province}. Đọc dữ liệu công khai không cần khóa; thêm, sửa dữ liệu cần mã
truy cập API (API token) tạo trên trang tài khoản.*

- Reading public data needs no key. Read verbs take query-string parameters
  (GET) or a JSON body (POST).
- Write verbs need POST and an API token in the `Authorization` header
  (create one on your account page; operators print one with
  `flask --app wsgi opendata token create <username>`).
- Every answer is CKAN's envelope `{{"help", "success", "result"}}`; errors are
  `{{"help", "success": false, "error": {{"__type", "message", ...}}}}` with
  status 400 (bad request), 403 (`Authorization Error`), 404
  (`Not Found Error`), 409 (`Validation Error`) or 429 (too many requests,
  see `Retry-After`).
- Each dataset states its own licence (`license_id`, see `license_list`).

Guide with curl and Python examples: {base_url}/api/guide
"""

UNDOCUMENTED = Verb("Other", "Not described yet.", {})


def _version() -> str:
    try:
        return metadata.version("opendata-portal")
    except metadata.PackageNotFoundError:
        return "0"


def _error_responses(statuses: tuple[str, ...]) -> dict[str, Any]:
    found = {}
    for status in sorted({"400", "403", *statuses, "429"}):
        name, schema = ERRORS[status] if status in ERRORS else ERRORS["400"]
        found[status] = {
            "description": schema["description"],
            "content": {"application/json": {"schema": ref(f"{name}Envelope")}},
        }
    return found


def _query_parameter(param: Param) -> dict[str, Any]:
    found: dict[str, Any] = {
        "name": param.name, "in": "query", "required": param.required, "description": param.description,
        "schema": param.schema,
    }
    if param.schema.get("type") in ("array", "object"):
        found["style"] = "form"
        found["explode"] = False
    return found


def _body_schema(params: tuple[Param, ...]) -> Schema:
    schema: Schema = {"type": "object", "properties": {p.name: p.schema for p in params}}
    required = [p.name for p in params if p.required]
    if required:
        schema["required"] = required
    return schema


def _multipart_schema(params: tuple[Param, ...]) -> Schema:
    """Form fields are text; ``upload`` is the file (CKAN's field name for uploads)."""
    properties: dict[str, Schema] = {
        p.name: {k: v for k, v in p.schema.items() if k in ("type", "minLength", "maxLength", "description")}
        for p in params
        if p.schema.get("type") == "string"
    }
    properties["upload"] = {"type": "string", "contentMediaType": "application/octet-stream",
                            "description": "The file to publish."}
    schema: Schema = {"type": "object", "properties": properties}
    required = [p.name for p in params if p.required and p.name in properties]
    if required:
        schema["required"] = required
    return schema


def _operation(action: Action, verb: Verb, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": action.name if method == "get" or action.write else f"{action.name}_post",
        "tags": [verb.tag],
        "summary": action.summary,
        "description": verb.description,
        "responses": {
            "200": {
                "description": "The verb's result in CKAN's envelope.",
                "content": {"application/json": {"schema": envelope(verb.result)}},
            },
            **_error_responses(verb.errors),
        },
    }
    if action.write:
        operation["security"] = [{"apiToken": []}]
    else:
        operation["security"] = [{}, {"apiToken": []}]  # anonymous, or a token to see one's own private data
    if method == "get":
        operation["parameters"] = [_query_parameter(p) for p in verb.params]
    elif verb.params or action.write:
        content: dict[str, Any] = {"application/json": {"schema": _body_schema(verb.params)}}
        if verb.upload:
            content["multipart/form-data"] = {"schema": _multipart_schema(verb.params)}
        operation["requestBody"] = {"required": action.write, "content": content}
    return operation


def _path_item(action: Action) -> dict[str, Any]:
    verb = VERBS.get(action.name, UNDOCUMENTED)
    if action.write:
        return {"post": _operation(action, verb, "post")}
    return {"get": _operation(action, verb, "get"), "post": _operation(action, verb, "post")}


def openapi_document(base_url: str) -> dict[str, Any]:
    """The OpenAPI 3.1.0 document for the portal served at ``base_url`` (no trailing slash)."""
    config = current_app.config
    registered = sorted(actions().values(), key=lambda a: a.name)
    schemas = component_schemas()
    for name, _ in ERRORS.values():
        schemas[f"{name}Envelope"] = error_envelope(name)
    used_tags = {VERBS.get(a.name, UNDOCUMENTED).tag for a in registered}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{config['SITE_NAME_EN']}: CKAN-compatible Action API",
            "summary": f"API dữ liệu mở tỉnh {config['PROVINCE']} (tương thích CKAN).",
            "description": DESCRIPTION.format(province=config["PROVINCE"], base_url=base_url),
            "version": _version(),
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
        },
        "servers": [{"url": base_url, "description": config["SITE_NAME_EN"]}],
        "externalDocs": {"description": "Guide with curl and Python examples", "url": f"{base_url}/api/guide"},
        "tags": [{"name": name, "description": text} for name, text in TAGS if name in used_tags]
        + ([{"name": "Other", "description": "Verbs not described yet."}] if "Other" in used_tags else []),
        "paths": {f"/api/3/action/{a.name}": _path_item(a) for a in registered},
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "apiToken": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": "An API token from your account page, sent as is (CKAN's convention).",
                }
            },
        },
    }

"""DCAT-AP 3.0 catalogue and dataset descriptions, and RDF by content negotiation.

``/catalog.ttl|.rdf|.jsonld`` (and ``/catalog``, negotiated) page the public
catalogue; ``/dataset/<name>.ttl|.rdf|.jsonld`` describe one dataset; the
dataset page answers RDF to clients that prefer it over HTML. The output is
the public record whoever asks (see opendata/dcat/catalogue.py).
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from .. import dcat
from ..i18n import lazy_gettext as _l
from ..urls import site_root

bp = Blueprint("dcat", __name__)

DATASET_PAGE = "datasets.show"


def _site() -> dcat.Site:
    config = current_app.config
    base = site_root()
    return dcat.Site(base, config["SITE_NAME"], config["SITE_NAME_EN"], config["PROVINCE"])


def _public(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _rdf(graph, syntax: dcat.Syntax) -> Response:
    return _public(Response(dcat.serialize(graph, syntax), mimetype=syntax.media_type))


def _plain(message, status: int) -> Response:
    return _public(Response(f"{message}\n", status=status, mimetype="text/plain"))


def _catalogue(syntax: dcat.Syntax, path: str) -> Response:
    try:
        number, size = dcat.parse_paging(request.args.get("page"), request.args.get("page_size"))
        modified_since = dcat.parse_modified_since(request.args.get("modified_since"))
        page = dcat.catalogue_page(number, size, modified_since)
    except dcat.InvalidParameter as error:
        return _plain(error.message, 400)
    return _rdf(dcat.catalogue_graph(_site(), page, path), syntax)


@bp.route("/catalog.<any(ttl, rdf, jsonld):ext>")
def catalog(ext: str):
    return _catalogue(dcat.SYNTAXES[ext], f"/catalog.{ext}")


@bp.route("/catalog")
def catalog_negotiated():
    syntax = dcat.preferred(request.accept_mimetypes, default=dcat.SYNTAXES["ttl"])
    response = _catalogue(syntax, "/catalog")
    response.vary.add("Accept")
    return response


def _dataset(slug: str, syntax: dcat.Syntax) -> Response:
    try:
        item = dcat.public_dataset(slug)
    except dcat.DatasetWithdrawn:
        return _plain(_l("The dataset “%(name)s” has been withdrawn.", name=slug), 410)
    except dcat.DatasetNotFound:
        return _plain(_l("No public dataset is named “%(name)s”.", name=slug), 404)
    return _rdf(dcat.dataset_graph(_site(), item), syntax)


@bp.route("/dataset/<slug>.<any(ttl, rdf, jsonld):ext>")
def dataset(slug: str, ext: str):
    return _dataset(slug, dcat.SYNTAXES[ext])


@bp.before_app_request
def negotiate_dataset_page():
    """RDF at the dataset page's own URL for clients that prefer it to HTML.

    Anything the public record lacks (unknown, draft, private, withdrawn) is
    left to the page itself, which answers people as usual.
    """
    if request.endpoint != DATASET_PAGE or request.method not in ("GET", "HEAD"):
        return None
    syntax = dcat.preferred(request.accept_mimetypes)
    if syntax is None:
        return None
    try:
        item = dcat.public_dataset(request.view_args["slug"])
    except (dcat.DatasetNotFound, dcat.DatasetWithdrawn):
        return None
    response = _rdf(dcat.dataset_graph(_site(), item), syntax)
    response.vary.add("Accept")
    return response


@bp.after_app_request
def vary_dataset_page(response: Response) -> Response:
    if request.endpoint == DATASET_PAGE:
        response.vary.add("Accept")  # the same URL answers HTML or RDF
    return response

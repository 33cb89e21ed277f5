"""What a dataset list shows for each dataset, prepared in Python.

A list page shows twenty datasets. Written as template calls, each one's
title, agency, excerpt and language attributes cost a dozen helper calls and
as many language look-ups; here the language is looked up once per page.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import get_locale
from markupsafe import Markup

from ..catalogue import Page
from ..i18n import local_date, localized, source_lang
from ..models import Dataset
from ..search import snippet
from ..search.analysis import highlight
from ..text import plain_excerpt


@dataclass(frozen=True)
class ListItem:
    """One dataset of a list, in the visitor's language."""

    dataset: Dataset
    title: str  # Markup with the query's words marked when the list was searched
    title_lang: Markup  # ' lang="vi"' when an English page shows the Vietnamese title
    agency: str
    updated: str  # the day of the last change, as the visitor writes dates
    excerpt: str  # around the first matched word when searched, else the start
    excerpt_lang: Markup
    formats: tuple[str, ...]  # of the dataset's files, each once


def list_items(page: Page) -> list[ListItem]:
    """The items of ``page`` as its list shows them."""
    locale = str(get_locale())
    return [_item(dataset, page, locale) for dataset in page.items]


def _item(dataset: Dataset, page: Page, locale: str) -> ListItem:
    title = localized(dataset, "title", locale)
    description = localized(dataset, "description", locale)
    query = page.query
    return ListItem(
        dataset=dataset,
        title=highlight(title, query) if query else title,
        title_lang=source_lang(dataset, "title", locale),
        agency=localized(dataset.organization, "name", locale),
        updated=local_date(dataset.metadata_modified),
        excerpt=snippet(description, query) if query else plain_excerpt(description),
        excerpt_lang=source_lang(dataset, "description", locale),
        formats=page.formats.get(dataset.id, ()),
    )

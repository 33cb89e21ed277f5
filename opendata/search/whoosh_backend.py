"""Search with an embedded Whoosh index on disk, shared by every worker process.

Each backend instance keeps one reader open (a :class:`View`) and checks
before each search whether the index changed: ``CURRENT`` replaced (another
process rebuilt) or a new commit in the current generation (another process
updated). Only segments that changed are read again.

A search finds the matching document numbers first, as sets (terms, labels
and filters intersected), which gives the total and the facet counts of
everything the viewer may see; then only the page is ranked (see
:mod:`whoosh_rank`) or, for other sorts, taken from orders computed once per
view. Queries are built from the parsed :class:`Term` objects only: no user
text reaches a query parser.
"""
from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from whoosh.index import EmptyIndexError

from .base import FACETS, SearchBackend, SearchDocument, SearchQuery, SearchResult
from .whoosh_bulk import BulkWriter
from .whoosh_rank import phrase_docs, ranked
from .whoosh_schema import FACET_SEPARATOR, fields_for
from .whoosh_spell import Vocabulary, suggestion
from .whoosh_store import Store
from .whoosh_view import PostingCache, View, open_reader, to_bits

WRITE_TIMEOUT = 10.0  # seconds to wait for another process's writer
PROGRESS_EVERY = 500
SEGMENT_POSTINGS = 3_000_000  # a rebuild starts a new segment after this many postings (bounds its memory)


class WhooshBackend(SearchBackend):
    name = "whoosh"

    def __init__(self, path: str | Path):
        self.store = Store(Path(path))
        self._lock = threading.RLock()
        self._generation: str | None = None  # folder name of the generation in use
        self._ix = None
        self._view: View | None = None
        self._stamp = None
        self._segments: dict = {}  # segment id -> Segment, kept while the segment is in use
        self._postings = PostingCache()
        self._vocabulary = Vocabulary()
        self._pid = os.getpid()

    # -- keeping the reader current --------------------------------------

    def _current_view(self) -> View:
        """The view to search, reopened if another process (or this one) changed the index."""
        if self._pid != os.getpid():
            # Forked (a server preloading the app): open files share their position with the parent.
            self._close_index()
            self._pid = os.getpid()
        stamp = self.store.stamp()
        if self._view is None or stamp is None or stamp != self._stamp:
            name = self.store.ensure()
            self._stamp = self.store.stamp()
            if name != self._generation or self._view is None:
                self._open(name)
                return self._view
        try:
            changed = self._ix.latest_generation() != self._view.generation
        except OSError:  # the generation was removed under us: a rebuild swapped it
            self._close_index()
            return self._current_view()
        if changed:
            self._refresh()
        return self._view

    def _open(self, name: str) -> None:
        self._close_index()
        stamp = self.store.stamp()
        self._ix = self.store.open(name)
        self._generation, self._stamp = name, stamp
        reader, generation, _ = open_reader(self._ix)
        self._set_view(View(reader, generation, self._segments, self._postings))

    def _refresh(self) -> None:
        old = self._view
        reader, generation, unused = open_reader(self._ix, old.reader)
        self._set_view(View(reader, generation, self._segments, self._postings))
        old.close()
        for leaf in unused:
            leaf.close()

    def _set_view(self, view: View) -> None:
        self._view = view
        keep = view.segment_keys()
        for key in [key for key in self._segments if key not in keep]:
            del self._segments[key]
        self._postings.forget(keep)

    def _close_index(self) -> None:
        if self._view is not None:
            self._view.close()
            self._view.reader.close()
        if self._ix is not None:
            self._ix.close()
        self._view = self._ix = self._generation = self._stamp = None
        self._segments.clear()
        self._postings.clear()
        self._vocabulary = Vocabulary()

    def close(self) -> None:
        with self._lock:
            self._close_index()

    # -- searching -------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        with self._lock:
            view = self._current_view()
            parsed = query.parsed
            matched, counts = self._matches(view, query)
            result = SearchResult(ids=[], total=sum(map(len, matched)))
            for facet in query.facets:
                items = sorted((item for item in counts(facet).items() if item[0]), key=lambda i: (-i[1], i[0]))
                result.facets[facet] = items[: max(query.facet_limit, 0)]
            offset, limit = max(query.offset, 0), max(query.limit, 0)
            if offset < result.total and limit:
                if parsed.terms and query.sort == "relevance":
                    page = ranked(view, parsed, matched, offset + limit)
                else:
                    sort = query.sort if query.sort in ("newest", "title") else "modified"
                    page = _first_sorted(view, matched, sort, offset + limit)
                result.ids = [view.parts[index].segment.ids[docnum] for index, docnum in page[offset:]]
            if query.suggest and parsed.terms:
                result.suggestion = suggestion(view, self._vocabulary, parsed)
            return result

    def _matches(self, view: View, query: SearchQuery):
        """(matched document numbers per part, facet counter) for the query's words, phrases,
        labels and filters."""
        parsed = query.parsed
        labels = None if query.labels is None else tuple(sorted(query.labels))
        filters = tuple(sorted(set(query.filters)))
        words = tuple(sorted({t.folded for t in parsed.terms}))
        phrases = tuple(sorted({tuple(t.folded for t in phrase) for phrase in parsed.phrases}))

        def allowed(part):
            if labels is None:
                found = part.live
            else:
                found = set().union(*(part.docs("labels", label) for label in labels))
                if part.deleted:
                    found -= part.deleted
            for facet, value in filters:
                found = found & part.docs("facet", f"{facet}{FACET_SEPARATOR}{value}")
            return found

        def matched(index, part):
            found = view.cached(("allowed", index, labels, filters), lambda: allowed(part), len)
            for docs in sorted((part.docs("text", word) for word in words), key=len):
                if not found:
                    break
                found = docs & found if len(docs) < len(found) else found & docs
            for phrase in phrases:
                if found:
                    found = phrase_docs(part, phrase, found)
            return found

        key = (words, phrases, labels, filters)
        found = view.cached(
            ("matched",) + key, lambda: [matched(*item) for item in enumerate(view.parts)], lambda v: sum(map(len, v))
        )
        counted: dict = view.cached(("facets",) + key, lambda: {"bits": {}})

        def bits(index):
            made = counted["bits"]
            if index not in made:  # the matched documents of part ``index`` as a bitmap, made once
                made[index] = to_bits(found[index], view.parts[index].segment.size)
            return made[index]

        def counts(facet):
            if facet not in FACETS:
                return {}
            if facet not in counted:
                total: Counter = Counter()
                for index, (part, docnums) in enumerate(zip(view.parts, found)):
                    if docnums:
                        total.update(part.segment.facet_counts(docnums, facet, lambda index=index: bits(index)))
                counted[facet] = total
            return counted[facet]

        return found, counts

    # -- writing ---------------------------------------------------------

    def update(self, documents: Sequence[SearchDocument], delete: Sequence[str] = ()) -> None:
        documents, delete = list(documents), list(delete)
        if not documents and not delete:
            return
        prepared = [fields_for(document) for document in documents]
        self.store.ensure()
        with self.store.locked():
            ix = self.store.open(self.store.ensure_locked())
            try:
                _write(ix, prepared, delete)
            finally:
                ix.close()
            self.store.journal(documents, delete)

    def rebuild(self, documents: Iterable[SearchDocument], progress=None) -> int:
        added = pending = 0
        with self.store.building() as (name, ix):
            writer = BulkWriter(ix)
            try:
                for document in documents:
                    writer.add_prepared(fields_for(document))
                    added += 1
                    pending += 1
                    if progress and pending >= PROGRESS_EVERY:
                        progress(pending)
                        pending = 0
                    if writer.posting_count >= SEGMENT_POSTINGS:
                        writer.commit(merge=False)
                        writer = BulkWriter(ix)
                writer.commit(merge=False)
            except BaseException:
                writer.cancel()
                ix.close()
                raise
            if progress and pending:
                progress(pending)

            def replay(entries):
                for documents_then, deleted_then in entries:
                    _write(ix, [fields_for(d) for d in documents_then], deleted_then)

            self.store.swap(name, replay)
            ix.close()
            with self._lock:
                self._close_index()  # let go of the old generation before it is removed
        return added

    # -- inspection ------------------------------------------------------

    def document_ids(self) -> set[str]:
        with self._lock:
            view = self._current_view()
            return {part.segment.ids[docnum] for part in view.parts for docnum in part.live}

    def count(self) -> int:
        with self._lock:
            if self._view is not None:
                return self._current_view().live_count
        for attempt in range(3):  # no view yet: the table of contents is enough
            try:
                ix = self.store.open(self.store.ensure())
            except (OSError, EmptyIndexError):  # a rebuild swapped generations just then
                if attempt == 2:
                    raise
                continue
            try:
                return ix.doc_count()
            finally:
                ix.close()


def _write(ix, prepared: list[dict], delete: Sequence[str]) -> None:
    """One commit: add or replace ``prepared`` documents, remove ``delete`` ids."""
    writer = ix.writer(timeout=WRITE_TIMEOUT, compound=False)  # see BulkWriter: compound files are copied into memory
    try:
        for fields in prepared:
            writer.update_document(**fields)
        for identifier in delete:
            writer.delete_by_term("id", identifier)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def _first_sorted(view: View, matched: list, sort: str, count: int) -> list[tuple[int, int]]:
    """The first ``count`` (part index, docnum) of the matched documents in ``sort`` order."""
    candidates = []
    for index, (part, docnums) in enumerate(zip(view.parts, matched)):
        segment = part.segment
        for docnum in segment.first_sorted(docnums, sort, count):
            candidates.append((segment.sort_key(sort, docnum), index, docnum))
    candidates.sort()
    return [(index, docnum) for _, index, docnum in candidates[:count]]

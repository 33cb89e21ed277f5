"""The reference: SQLite FTS5 over the same rows, with the same facets counted by SQL.

The issue compares Whoosh with FTS5 on this machine, so the benchmark builds
an FTS5 index from the portal database it has just filled and times the same
queries against it: every term must match (folded, as the backends fold),
bm25 ranks with title > tags > description > resources, the viewer sees
public datasets only, and all seven facets are counted over the matches.
Descriptions are indexed without Markdown rendering: the tokenizer drops the
markup characters anyway, and this keeps the reference lean.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import select

from opendata.models import AgencyType, Dataset, DatasetState, Organization, Resource, Tag, Topic
from opendata.models import dataset_tag, dataset_topic
from opendata.search.analysis import ParsedQuery
from opendata.search.base import FACETS
from opendata.vietnamese import fold

SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(title, tags, description, resources, content='', tokenize='unicode61');
CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, public INTEGER NOT NULL, modified TEXT NOT NULL);
CREATE TABLE facet_value (id INTEGER PRIMARY KEY, facet INTEGER NOT NULL, value TEXT NOT NULL);
CREATE TABLE doc_facet (docid INTEGER NOT NULL, vid INTEGER NOT NULL, PRIMARY KEY (docid, vid)) WITHOUT ROWID;
"""
WEIGHTS = (4.0, 3.0, 2.0, 1.0)  # bm25 column weights: title, tags, description, resources


def _folded(text: str) -> str:
    return fold(text).lower()


def _rows(engine, batch: int = 2000) -> Iterator[dict]:
    """Each dataset with its tags, topics and public resources, merged from four id-ordered streams."""
    main = (select(Dataset.id, Dataset.title, Dataset.title_en, Dataset.description, Dataset.state, Dataset.private,
                   Dataset.licence_id, Dataset.frequency, Dataset.metadata_modified, Organization.slug, AgencyType.slug)
            .join(Organization, Dataset.organization_id == Organization.id)
            .join(AgencyType, Organization.agency_type_id == AgencyType.id).order_by(Dataset.id))
    tags = (select(dataset_tag.c.dataset_id, Tag.name).join(Tag, Tag.id == dataset_tag.c.tag_id)
            .order_by(dataset_tag.c.dataset_id))
    topics = (select(dataset_topic.c.dataset_id, Topic.slug).join(Topic, Topic.id == dataset_topic.c.topic_id)
              .order_by(dataset_topic.c.dataset_id))
    resources = (select(Resource.dataset_id, Resource.name, Resource.description, Resource.format)
                 .where(Resource.withheld.is_(False)).order_by(Resource.dataset_id, Resource.position))
    with engine.connect() as c1, engine.connect() as c2, engine.connect() as c3, engine.connect() as c4:
        subs = [_Stream(c.execution_options(yield_per=batch).execute(q)) for c, q in
                ((c2, tags), (c3, topics), (c4, resources))]
        for row in c1.execution_options(yield_per=batch).execute(main):
            tag_rows, topic_rows, resource_rows = (s.take(row[0]) for s in subs)
            if row.state is DatasetState.WITHDRAWN:
                continue
            yield {
                "id": row[0], "title": row.title if not row.title_en else f"{row.title}\n{row.title_en}",
                "description": row.description or "", "public": row.state is DatasetState.PUBLISHED and not row.private,
                "modified": row.metadata_modified.isoformat(),
                "tags": [t[1] for t in tag_rows], "topics": [t[1] for t in topic_rows],
                "resources": [" ".join(filter(None, (r[1], r[2]))) for r in resource_rows],
                "formats": sorted({r[3].upper() for r in resource_rows if r[3]}),
                "organization": row[9], "agency_type": row[10], "licence": row.licence_id or "",
                "frequency": row.frequency or "",
            }


class _Stream:
    """Rows of one id-ordered result, handed out a dataset at a time."""

    def __init__(self, result):
        self.rows = iter(result)
        self.head = next(self.rows, None)

    def take(self, dataset_id: str) -> list:
        out = []
        while self.head is not None and self.head[0] == dataset_id:
            out.append(self.head)
            self.head = next(self.rows, None)
        return out


def build(engine, path: Path, progress: Callable[[int], None] | None = None) -> int:
    """Write the reference index for the datasets in ``engine`` to ``path``; returns documents indexed."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    count = 0
    pending: list[tuple[int, dict]] = []
    values: dict[tuple[int, str], int] = {}  # (facet position, value) -> id: counting integers is twice as fast

    def flush() -> None:
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                       [(n, d["id"], d["public"], d["modified"]) for n, d in pending])
        db.executemany("INSERT INTO fts (rowid, title, tags, description, resources) VALUES (?, ?, ?, ?, ?)", [
            (n, _folded(d["title"]), _folded(" \n".join(d["tags"])), _folded(d["description"]),
             _folded(" \n".join(d["resources"]))) for n, d in pending])
        db.executemany("INSERT INTO doc_facet VALUES (?, ?)", [
            (n, values.setdefault((position, value), len(values) + 1)) for n, d in pending
            for position, name in enumerate(FACETS) for value in _facet_values(d, name)])
        if progress:
            progress(len(pending))
        pending.clear()

    for count, document in enumerate(_rows(engine), start=1):
        pending.append((count, document))
        if len(pending) >= 2000:
            flush()
    flush()
    db.executemany("INSERT INTO facet_value VALUES (?, ?, ?)", [(i, f, v) for (f, v), i in values.items()])
    db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    db.commit()
    db.close()
    return count


def _facet_values(document: dict, facet: str) -> tuple[str, ...]:
    value = {"topic": document["topics"], "format": document["formats"], "tag": document["tags"]}.get(facet)
    if value is not None:
        return tuple(value)
    value = document[facet]
    return (value,) if value else ()


class Reference:
    """Searches an index written by :func:`build`, the way the portal's page asks a backend."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TEMP TABLE m (r INTEGER PRIMARY KEY, score REAL NOT NULL)")

    def search(self, parsed: ParsedQuery, limit: int = 20, facet_limit: int = 50):
        """(total, ids of the first page, {facet: [(value, count), ...]})"""
        db = self.db
        db.execute("DELETE FROM m")
        if parsed.terms:
            match = " ".join([f'"{t.folded}"' for t in parsed.terms]
                             + ['"' + " ".join(t.folded for t in phrase) + '"' for phrase in parsed.phrases])
            db.execute("INSERT INTO m SELECT f.rowid, bm25(fts, ?, ?, ?, ?) FROM fts f JOIN docs d ON d.rowid = f.rowid"
                       " WHERE fts MATCH ? AND d.public = 1", (*WEIGHTS, match))
            order = "m.score, d.id"
        else:
            db.execute("INSERT INTO m SELECT rowid, 0 FROM docs WHERE public = 1")
            order = "d.modified DESC, d.id"
        total = db.execute("SELECT count(*) FROM m").fetchone()[0]
        ids = [r[0] for r in db.execute(
            f"SELECT d.id FROM m JOIN docs d ON d.rowid = m.r ORDER BY {order} LIMIT ?", (limit,))]
        counts: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
        for position, value, count in db.execute(  # CROSS JOIN: walk the matches, not the whole facet table
                "SELECT v.facet, v.value, c.n FROM (SELECT f.vid AS vid, count(*) AS n FROM m CROSS JOIN doc_facet f"
                " ON f.docid = m.r GROUP BY f.vid) c JOIN facet_value v ON v.id = c.vid"):
            counts[FACETS[position]].append((value, count))
        facets = {name: sorted(pairs, key=lambda p: (-p[1], p[0]))[:facet_limit] for name, pairs in counts.items()}
        return total, ids, facets

    def close(self) -> None:
        self.db.close()

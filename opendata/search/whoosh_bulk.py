"""Writing a whole new segment fast, for rebuilds.

Whoosh's writer puts every posting through a sorting pool and looks up the
document's field length for each one; for a full rebuild that is most of the
time. Here documents are numbered in the order they come, so each term's
postings are already in document order: they are collected per term in
compact arrays and handed to the codec's field writer term by term. Segment
files, columns and the table of contents are still written by Whoosh.
"""
from __future__ import annotations

from array import array

from whoosh.codec.whoosh3 import W3Codec
from whoosh.writing import SegmentWriter

_INDEXED = ("exact", "facet", "id", "labels", "pairs", "text")  # sorted: terms go to the codec in order


class BulkWriter(SegmentWriter):
    """A segment writer for prepared documents (:func:`whoosh_schema.fields_for`), adding only."""

    def __init__(self, ix):
        # Big uncompressed blocks: searches read whole posting lists, never skip within them.
        # Separate files, not one compound file: whoosh-reloaded copies each file of a compound
        # segment into memory when it opens it, separate files are read where they lie.
        super().__init__(ix, limitmb=1, codec=W3Codec(blocklimit=1024, compression=0), compound=False)
        self._postings: dict[tuple[str, bytes], tuple] = {}
        self.posting_count = 0
        self._meta = self.schema["meta"].column_type
        self._fields = [(name, self.schema[name]) for name in _INDEXED]

    def add_prepared(self, prepared: dict) -> None:
        docnum = self.docnum
        perdoc = self.perdocwriter
        postings = self._postings
        perdoc.start_doc(docnum)
        count = 0
        for name, field in self._fields:
            for btext, _, weight, vbytes in field.index(prepared[name]):
                key = (name, btext)
                entry = postings.get(key)
                if entry is None:
                    entry = postings[key] = (array("I"), array("f"), [])
                entry[0].append(docnum)
                entry[1].append(weight)
                entry[2].append(vbytes)
                count += 1
        perdoc.add_column_value("meta", self._meta, prepared["meta"])
        perdoc.finish_doc()
        self.posting_count += count
        self.docnum += 1
        self._added = True

    def _flush_segment(self):
        self.perdocwriter.close()
        writer = self.fieldwriter
        current = None
        for key in sorted(self._postings):
            name, btext = key
            if name != current:
                if current is not None:
                    writer.finish_field()
                writer.start_field(name, self.schema[name])
                current = name
            ids, weights, values = self._postings.pop(key)
            writer.start_term(btext)
            _write_postings(writer._postwriter, ids, weights, values)
            writer.finish_term()
        if current is not None:
            writer.finish_field()
        writer.close()


def _write_postings(postwriter, ids, weights, values) -> None:
    """Fill the codec's posting blocks a whole block at a time (``add_posting`` checks
    and appends one posting per call). The last block is left for ``finish_postings``."""
    size = postwriter._blocklimit
    keep_values = any(values)
    for start in range(0, len(ids), size):
        if start:
            postwriter._write_block()
        block_weights = weights[start:start + size]
        postwriter._ids = ids[start:start + size]
        postwriter._weights = block_weights
        postwriter._values = values[start:start + size] if keep_values else []
        postwriter._maxweight = max(block_weights)

"""Sphinx extension: an author–date bibliography that matches the author–year citations.

The chapters cite "(United Nations Security Council, 2011a)". pybtex's ``plain``
style, which the book used, answers with a numbered list ([1]…[39]) that puts
the year at the end after the month ("February 2011a") and sorts the braced
names of organisations ("{AFP}") after every personal surname, since "{" sorts
after "z". A reader looking up a citation had two numbering schemes and two
alphabets. This style lists each work as the citation names it:

    United Nations Security Council (2011a, 26 February). Resolution 1970 …

sorted in one alphabet of surnames and organisation names, an initial "The"
ignored, then by year (with its letter, so 2011a precedes 2011b) and title.
The numeric labels stay in the markup (sphinxcontrib-bibtex needs a label) and
are hidden by ``_static/book.css`` and the PDF's stylesheet.

Registered with pybtex as ``book``; ``_config.yml`` selects it as
``bibtex_default_style``.
"""

from __future__ import annotations

import re
from typing import Any

from pybtex.plugin import register_plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import field, join, optional, optional_field, sentence, tag, words

# "(2016)", "(2016, May)", "(2011a, 26 February)": the year first, where the citation reads it.
WHEN = join["(", field("year"), optional[", ", words[optional_field("day"), field("month")]], ")"]


def sort_name(entry: Any) -> str:
    """The name an entry is filed under: surnames first for people, the name as written for an organisation
    (braces dropped), an initial "The" ignored, case folded."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = " ".join(" ".join(p.last_names + p.first_names + p.middle_names) for p in people)
    names = re.sub(r"[{}]", "", names).casefold()
    return re.sub(r"^the\s+", "", names)


class AuthorDateSorting(BaseSortingStyle):
    """One alphabet for people and organisations, then year (with its letter), then title."""

    def sorting_key(self, entry: Any) -> tuple[str, str, str]:
        return sort_name(entry), entry.fields.get("year", ""), entry.fields.get("title", "").casefold()


class AuthorDateStyle(UnsrtStyle):
    """pybtex's unsrt templates with the author and the date first, names inverted ("Schrodt, Philip A.")."""

    default_name_style = "lastfirst"
    default_sorting_style = "author_date"

    def _entry(self, e: Any, *middle: Any, role: str = "author") -> Any:
        """An entry: "Author (year, day month)." first, then ``middle``, then the note and the web address."""
        names = self.format_names(role, as_sentence=False) if role in e.persons else optional[""]
        lead = sentence(add_period=True)[words[names, WHEN]]
        return toplevel[(lead, *middle, sentence[optional_field("note")], self.format_web_refs(e))]

    def get_misc_template(self, e: Any) -> Any:
        return self._entry(e, optional[self.format_title(e, "title")], optional[sentence[field("howpublished")]])

    def get_article_template(self, e: Any) -> Any:
        volume = optional[join[field("volume"), optional["(", field("number"), ")"], optional[":", pages]]]
        return self._entry(e, self.format_title(e, "title"), sentence[tag("em")[field("journal")], volume])

    def get_book_template(self, e: Any) -> Any:
        return self._entry(e, self.format_btitle(e, "title"),
                           sentence[field("publisher"), optional_field("address"), optional[self.format_edition(e)]],
                           role="author" if "author" in e.persons else "editor")

    def get_inproceedings_template(self, e: Any) -> Any:
        return self._entry(
            e, self.format_title(e, "title"),
            words["In", sentence[self.format_btitle(e, "booktitle", as_sentence=False), optional[pages]]],
            sentence[optional_field("publisher")])

    def get_manual_template(self, e: Any) -> Any:
        return self._entry(e, self.format_btitle(e, "title"),
                           sentence[optional_field("organization"), optional_field("address"),
                                    optional[self.format_edition(e)]])


def setup(app: Any) -> dict[str, Any]:
    register_plugin("pybtex.style.sorting", "author_date", AuthorDateSorting)
    register_plugin("pybtex.style.formatting", "book", AuthorDateStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

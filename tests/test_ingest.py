"""Tests for geopol.ingest: every input kind, every kind of bad input, and stdin."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from geopol.ingest import TextDates, html_to_text, iter_inputs, parse_date, sniff_kind
from geopol.records import Article, Rejection

TEXT_DOC = """Ministers agree on river treaty

GENEVA, 12 March 2024 - The foreign ministers of Norland and Suderia signed a treaty on Tuesday.
The treaty shares the waters of the Grey River between the two countries.
"""

HTML_DOC = """<!DOCTYPE html>
<html><head><title>Norland recalls ambassador - Daily Example</title>
<meta property="article:published_time" content="2024-02-03T08:00:00Z">
<meta property="og:title" content="Norland recalls ambassador"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Norland recalls ambassador</h1>
<p>Norland recalled its ambassador to Suderia on Friday after a dispute over fishing rights in the
northern sea escalated into a diplomatic row between the two neighbours.</p>
<p>The foreign ministry in the Norland capital said the envoy would return for consultations and
that talks with Suderia would continue at a lower level in the coming weeks.</p>
</article><footer>Copyright Daily Example</footer></body></html>
"""

RSS_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link>
<description>News</description>
<item><title>Suderia protests border fence</title>
<link>https://wire.example/news/2024/border-fence?id=7</link>
<guid>https://wire.example/news/2024/border-fence?id=7</guid>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Suderia lodged a protest with Norland on Monday.&lt;/p&gt;
&lt;p&gt;The fence is 40 km long.&lt;/p&gt;</description>
</item>
<item><title>Talks resume</title><link>https://wire.example/news/2024/talks</link>
<description>Negotiators from both countries met again in Vienna.</description></item>
</channel></rss>
"""

ATOM_DOC = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Example</title><id>urn:feed</id>
<updated>2024-05-01T00:00:00Z</updated>
<entry><title>Envoys meet</title><id>urn:uuid:1234-abcd</id><updated>2024-05-01T09:00:00Z</updated>
<content type="html">&lt;p&gt;Envoys of the two states met in Oslo.&lt;/p&gt;</content></entry>
</feed>
"""


def run(*inputs: str | Path, **kwargs: object) -> list[Article | Rejection]:
    return list(iter_inputs([str(item) for item in inputs], **kwargs))  # type: ignore[arg-type]


def only_article(items: list[Article | Rejection]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def only_rejection(items: list[Article | Rejection]) -> Rejection:
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    return items[0]


# --- input kinds -------------------------------------------------------------------------------

def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "river-treaty.txt"
    path.write_text(TEXT_DOC, encoding="utf-8")
    article = only_article(run(path))
    assert article.id == "river-treaty"
    assert article.origin == str(path)
    assert article.text.startswith("Ministers agree on river treaty\n\nGENEVA")
    assert not article.is_html
    assert (article.date, article.date_origin) == (dt.date(2024, 3, 12), "text")


def test_default_date_beats_text_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT_DOC, encoding="utf-8")
    article = only_article(run(path, default_date=dt.date(2020, 1, 1)))
    assert (article.date, article.date_origin) == (dt.date(2020, 1, 1), "option")


def test_text_without_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Talks continue.\nNo date is given here, only May 17.\n", encoding="utf-8")
    article = only_article(run(path))
    assert (article.date, article.date_origin) == (None, "none")


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "recall.html"
    path.write_text(HTML_DOC, encoding="utf-8")
    article = only_article(run(path))
    assert article.id == "recall"
    assert not article.is_html
    assert "Norland recalled its ambassador to Suderia" in article.text
    assert "<p>" not in article.text and "Home" not in article.text
    assert article.title is not None and "Norland recalls ambassador" in article.title
    assert (article.date, article.date_origin) == (dt.date(2024, 2, 3), "metadata")


def test_html_to_text() -> None:
    text, title, date = html_to_text(HTML_DOC)
    assert "talks with Suderia would continue" in text
    assert title is not None and date == dt.date(2024, 2, 3)
    assert html_to_text("<html><body></body></html>")[0] == ""


def test_jsonl_file(tmp_path: Path) -> None:
    records = [
        {"id": "n1", "text": "Norland and Suderia signed a treaty.", "date": "2024-03-12",
         "url": "https://x.example/1", "title": "Treaty signed", "source": "Example Post"},
        {"text": "A record without id.", "date": "2024-03-12T10:30:00+01:00"},
        {"id": 7, "html": HTML_DOC},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, second, third = run(path)
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert (first.id, first.outlet, first.url, first.title) == ("n1", "Example Post", "https://x.example/1",
                                                               "Treaty signed")
    assert (first.date, first.date_origin, first.origin) == (dt.date(2024, 3, 12), "record", f"{path}:1")
    assert (second.id, second.date) == ("batch:2", dt.date(2024, 3, 12))
    assert third.id == "7" and "Norland recalled its ambassador" in third.text
    assert (third.date_origin, third.is_html) == ("metadata", False)


def test_rss_feed(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS_DOC, encoding="utf-8")
    first, second = run(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "https_wire.example_news_2024_border-fence_id_7"
    assert first.outlet == "Example Wire" and first.title == "Suderia protests border fence"
    assert first.url == "https://wire.example/news/2024/border-fence?id=7"
    assert (first.date, first.date_origin) == (dt.date(2024, 3, 4), "record")
    assert first.text.splitlines() == [
        "Suderia protests border fence",
        "Suderia lodged a protest with Norland on Monday.",
        "The fence is 40 km long.",
    ]
    assert first.origin == f"{path}#1"
    assert "Vienna" in second.text and second.date is None


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(ATOM_DOC, encoding="utf-8")
    article = only_article(run(path))
    assert article.id == "urn_uuid_1234-abcd"
    assert article.outlet == "Atom Example"
    assert "Envoys of the two states met in Oslo." in article.text
    assert article.date == dt.date(2024, 5, 1)


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "a.dat").write_text('{"id": "j", "text": "From JSON."}\n', encoding="utf-8")
    (tmp_path / "b.dat").write_text(HTML_DOC, encoding="utf-8")
    (tmp_path / "c").write_text("Plain words.\n", encoding="utf-8")
    items = run(tmp_path)
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    assert [i.id for i in items if isinstance(i, Article)] == ["j", "b", "c"]
    assert "Norland recalled" in items[1].text  # type: ignore[union-attr]


def test_sniff_kind() -> None:
    assert sniff_kind(b"  \n{\"a\": 1}") == "jsonl"
    assert sniff_kind(b"<?xml version='1.0'?><rss>") == "feed"
    assert sniff_kind(b"<feed xmlns='x'>") == "feed"
    assert sniff_kind(b"<!doctype html><html>") == "html"
    assert sniff_kind(b"<p>Hello</p>") == "html"
    assert sniff_kind(b"Hello <b>world</b>") == "text"


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text("Inner.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Last.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    ids = [item.id for item in run(tmp_path) if isinstance(item, Article)]
    assert ids == ["a", "c", "inner"]


# --- bad input ---------------------------------------------------------------------------------

def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    rejection = only_rejection(run(missing))
    assert rejection.origin == str(missing)
    assert str(missing) in rejection.reason and "No such file" in rejection.reason


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Secret.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read a chmod 000 file (root)")
        rejection = only_rejection(run(path))
        assert "cannot read" in rejection.reason and str(path) in rejection.reason
    finally:
        path.chmod(0o644)


def test_read_error_is_a_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Locked.", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    rejection = only_rejection(run(path))
    assert rejection.reason == f"{path}: cannot read (Permission denied)"
    assert rejection.doc_id == "locked"


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 talks in Mal\xe9.".encode("latin-1"))
    rejection = only_rejection(run(path))
    assert "invalid UTF-8 at byte 3" in rejection.reason and rejection.doc_id == "latin"


def test_binary_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    (tmp_path / "b.bin").write_bytes(bytes(range(1, 32)) * 20)
    (tmp_path / "c.dat").write_bytes(bytes(range(128, 256)) * 20)
    first, second, third = run(tmp_path)
    assert isinstance(first, Rejection) and "NUL" in first.reason
    assert isinstance(second, Rejection) and "binary file" in second.reason
    assert isinstance(third, Rejection) and "binary file" in third.reason


def test_bad_jsonl_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.ndjson"
    lines = [
        '{"id": "good1", "text": "First good record."}',
        "{not json",
        "",
        "[1, 2]",
        '{"id": "notext", "title": "No body"}',
        '{"id": "baddate", "text": "Dated.", "date": "2024-13-45"}',
        '{"id": "blank", "text": "   \\n  "}',
        b'{"id": "latin", "text": "caf\xe9"}'.decode("latin-1"),
        '{"id": "good2", "text": "Second good record."}',
    ]
    path.write_bytes("\n".join(lines).encode("utf-8").replace(b"caf\xc3\xa9", b"caf\xe9"))
    items = run(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["good1", "good2"]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [r.origin for r in rejections] == [f"{path}:{n}" for n in (2, 4, 5, 6, 7, 8)]
    reasons = [r.reason for r in rejections]
    assert "not valid JSON" in reasons[0]
    assert "must be an object, not list" in reasons[1]
    assert "no 'text' or 'html'" in reasons[2] and rejections[2].doc_id == "notext"
    assert "invalid 'date'" in reasons[3] and rejections[3].doc_id == "baddate"
    assert "empty document" in reasons[4]
    assert "invalid UTF-8" in reasons[5] and rejections[5].doc_id == "latin"
    assert all(r.reason.startswith(f"{path}:") for r in rejections)


def test_empty_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><script>x = 1</script></body></html>", encoding="utf-8")
    (tmp_path / "c.rss").write_text("<rss><channel><title>T</title></channel></rss>", encoding="utf-8")
    items = run(tmp_path)
    assert all(isinstance(i, Rejection) for i in items) and len(items) == 3
    assert "empty document" in items[0].reason  # type: ignore[union-attr]
    assert "empty document" in items[1].reason  # type: ignore[union-attr]
    assert "no feed entries" in items[2].reason  # type: ignore[union-attr]


def test_bad_input_between_good_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Good.", encoding="utf-8")
    items = run(good, tmp_path / "missing.txt", good)
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]


# --- stdin -------------------------------------------------------------------------------------

def test_stdin_jsonl_text_stream() -> None:
    stream = io.StringIO('\n{"id": "s1", "text": "From stdin."}\nbroken\n{"text": "Two."}\n')
    first, second, third = run("-", stdin=stream)
    assert isinstance(first, Article) and (first.id, first.origin) == ("s1", "<stdin>:2")
    assert isinstance(second, Rejection) and second.origin == "<stdin>:3"
    assert isinstance(third, Article) and third.id == "stdin:4"


def test_stdin_binary_text_and_html() -> None:
    article = only_article(run("-", stdin=io.BytesIO(TEXT_DOC.encode("utf-8"))))
    assert (article.id, article.origin, article.date) == ("stdin", "<stdin>", dt.date(2024, 3, 12))
    html = only_article(run("-", stdin=io.StringIO(HTML_DOC)))
    assert "Norland recalled its ambassador" in html.text and "<p>" not in html.text
    feed = run("-", stdin=io.StringIO(RSS_DOC))
    assert len(feed) == 2 and all(isinstance(i, Article) for i in feed)


def test_stdin_bad_input() -> None:
    assert "binary" in only_rejection(run("-", stdin=io.BytesIO(b"\x00\x01\x02"))).reason
    assert "invalid UTF-8" in only_rejection(run("-", stdin=io.BytesIO(b"caf\xe9 au lait"))).reason
    assert "empty document" in only_rejection(run("-", stdin=io.StringIO("\n\n"))).reason


def test_jsonl_is_streamed() -> None:
    def lines() -> Iterator[bytes]:
        yield b'{"id": "first", "text": "One."}\n'
        raise AssertionError("read past the first record before it was yielded")

    class Stream(io.RawIOBase):
        def __iter__(self) -> Iterator[bytes]:
            return lines()

    items = iter_inputs(["-"], stdin=Stream())  # type: ignore[arg-type]
    first = next(items)
    assert isinstance(first, Article) and first.id == "first"


# --- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-17", dt.date(2024, 5, 17)),
        ("2024-05-17T23:30:00Z", dt.date(2024, 5, 17)),
        ("2024-05-17 08:00:00+02:00", dt.date(2024, 5, 17)),
        ("Fri, 17 May 2024 10:00:00 GMT", dt.date(2024, 5, 17)),
    ],
)
def test_parse_date(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2024-02-30", 20240517, "", None])
def test_parse_date_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted 17.05.2024 by the desk", dt.date(2024, 5, 17)),
        ("WASHINGTON, May 17, 2024 (Wire) -", dt.date(2024, 5, 17)),
        ("Updated: 2024-05-17", dt.date(2024, 5, 17)),
        ("Friday 17 May 2024", dt.date(2024, 5, 17)),
        ("Sept. 3, 2023 and 17.05.2024", dt.date(2023, 9, 3)),
        ("31.02.2024 is not a date but 01.03.2024 is", dt.date(2024, 3, 1)),
        ("Talks on May 17 and on Tuesday", None),
    ],
)
def test_text_dates(text: str, expected: dt.date | None) -> None:
    assert TextDates.default().find(text) == expected


def test_text_dates_only_first_lines() -> None:
    text = "\n".join(["Line without a date."] * 20 + ["17 May 2024"])
    assert TextDates.default().find(text) is None


def test_text_dates_file_errors(tmp_path: Path) -> None:
    path = tmp_path / "dates.tsv"
    path.write_text("pattern\t(unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"dates\.tsv:1"):
        TextDates.from_file(path)

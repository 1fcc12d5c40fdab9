"""Tests for geopol.clean: each boilerplate rule on invented articles, and the shared seed articles."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from geopol.clean import Cleaner, clean
from geopol.ingest import iter_inputs
from geopol.records import Article, CleanDocument

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"

LADEN = """Advertisement
World
Norland and Suderia sign river treaty

Norland and Suderia sign river treaty
By Anna Keller and Tom Ruiz
4 min read
Share This Article
Ministers meet at the border crossing. Photo: Reuters
The foreign ministers of Norland and Suderia signed a treaty on Tuesday to share the Grey River.
  • The treaty ends a ten-year dispute over water rights
Officials said the deal would be ratified by both parliaments before the summer.

01:45

Suderia hosts regional energy summit
Suderia hosts regional energy summit
Norland's president called the agreement "a new chapter" in relations.
Opposition Leader Warns Of Cost To Farmers
The two countries also agreed to set up a joint commission.
12
Сегодня в мире новости
Sign up for our daily newsletter
(Getty Images)
Related Stories
Norland bans imports of Suderian cheese.
"""

LADEN_BODY = [
    "Norland and Suderia sign river treaty",
    "The foreign ministers of Norland and Suderia signed a treaty on Tuesday to share the Grey River.",
    "• The treaty ends a ten-year dispute over water rights",
    "Officials said the deal would be ratified by both parliaments before the summer.",
    "Norland's president called the agreement \"a new chapter\" in relations.",
    "The two countries also agreed to set up a joint commission.",
]


def cleaned(text: str, **fields: object) -> CleanDocument:
    return clean(Article("doc", text, **fields))  # type: ignore[arg-type]


def reasons(document: CleanDocument) -> dict[str, str]:
    return {line.text: line.reason for line in document.removed}


def test_laden_article_keeps_title_and_body_only() -> None:
    document = cleaned(LADEN)
    assert document.text.split("\n\n") == LADEN_BODY
    assert document.id == "doc"


def test_laden_article_reasons_and_line_numbers() -> None:
    document = cleaned(LADEN)
    why = reasons(document)
    assert why["Advertisement"] == "advertisement"
    assert why["World"] == "navigation"
    assert why["By Anna Keller and Tom Ruiz"] == "byline"
    assert why["4 min read"] == "read-time"
    assert why["Share This Article"] == "share-prompt"
    assert why["Ministers meet at the border crossing. Photo: Reuters"] == "photo-credit"
    assert why["01:45"] == "video-duration"
    assert why["Suderia hosts regional energy summit"] == "repeated-line"
    assert why["Opposition Leader Warns Of Cost To Farmers"] == "teaser-or-heading"
    assert why["12"] == "bare-number"
    assert why["Сегодня в мире новости"] == "other-script"
    assert why["Sign up for our daily newsletter"] == "signup-prompt"
    assert why["(Getty Images)"] == "photo-credit"
    assert why["Related Stories"] == "related-links"
    assert why["Norland bans imports of Suderian cheese."] == "after-end-marker (related-links)"
    by_line = {line.line_no: line.reason for line in document.removed}
    assert by_line[5] == "repeated-line"  # the repeated title; line 3 (the first copy) is kept
    assert 3 not in by_line
    assert [line.line_no for line in document.removed if line.text.startswith("Suderia hosts")] == [16, 17]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("Sponsored", "advertisement"),
        ("Subscribe", "subscribe-prompt"),
        ("Follow us on Twitter", "follow-prompt"),
        ("Follow Example News on Telegram", "follow-prompt"),
        ("Updated: 17 May 2024, 10:42 GMT", "timestamp"),
        ("Get more with myPAPER", "promo"),
        ("Learn more", "more-prompt"),
        ("Read more", "more-prompt"),
        ("Click here to watch the video", "more-prompt"),
        ("Scroll Top", "navigation"),
        ("TAGGED: Norland, Suderia", "tags"),
        ("By Paul Smith", "byline"),
        ("3 Min Read", "read-time"),
        ("Photo: AP", "photo-credit"),
        ("© Wire Agency 2024", "photo-credit"),
        ("The delegation arrives in the capital (Getty Images)", "photo-credit"),
        ("Delegates at the summit - Example News, 1920, 17.05.2024", "outlet-stamp"),
        ("1:02:03", "video-duration"),
        ("40", "bare-number"),
        ("World Today", "navigation"),
        ("Diplomacy", "navigation"),
        ("Новости дня", "other-script"),
        ("今日新闻头条", "other-script"),
    ],
)
def test_single_boilerplate_line(line: str, reason: str) -> None:
    text = f"Norland closes its border\n{line}\nThe government of Norland closed its border with Suderia on Sunday."
    document = cleaned(text)
    assert reasons(document).get(line) == reason
    assert document.text == (
        "Norland closes its border\n\nThe government of Norland closed its border with Suderia on Sunday."
    )


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the two sides had agreed on a ceasefire.",
        "Subscribers to the plan include twelve countries.",
        "The minister said: “We will not give in.”",
        "• Talks stall",
        "Read the full statement below:",
        "In 1920, the border was drawn along the river.",
        "Follow the money on this issue, the senator said.",
        "Updated figures show the ministry spent more.",
    ],
)
def test_body_lines_are_kept(line: str) -> None:
    document = cleaned(f"Norland closes its border\n{line}\nThe talks will resume next week.")
    assert line in document.text.split("\n\n")


def test_outlet_lines_removed_when_outlet_known() -> None:
    text = (
        "Suderia expels diplomat\nExample Post\nSuderia expelled a Norland diplomat on Friday.\n"
        "Example Post 12/03/2024\nExample Post reported that talks had stalled.\n"
        "Example Post is an independent newspaper founded in 1901."
    )
    document = cleaned(text, outlet="Example Post")
    why = reasons(document)
    assert why["Example Post"] == "outlet-name"
    assert why["Example Post 12/03/2024"] == "outlet-stamp"
    assert why["Example Post is an independent newspaper founded in 1901."] == "outlet-footer"
    assert "Example Post reported that talks had stalled." in document.text


def test_title_after_promo_line_is_kept() -> None:
    text = "Get the latest news from our desk\nSuderia Expels Diplomat\n© Wire\nSuderia expelled him on Friday."
    document = cleaned(text)
    assert document.text == "Suderia Expels Diplomat\n\nSuderia expelled him on Friday."


def test_promo_box_blurb_is_removed() -> None:
    text = (
        "Get more with myPAPER\nA feed of stories picked for you\nLearn more\n"
        "Suderia expels diplomat\nSuderia expelled a Norland diplomat on Friday."
    )
    document = cleaned(text)
    assert reasons(document)["A feed of stories picked for you"] == "promo-blurb"
    assert document.text.startswith("Suderia expels diplomat\n\n")


def test_end_marker_before_body_does_not_wipe_article() -> None:
    document = cleaned("Related\nSuderia expels diplomat\nSuderia expelled a Norland diplomat on Friday.")
    assert document.text == "Suderia expels diplomat\n\nSuderia expelled a Norland diplomat on Friday."


def test_known_title_is_the_kept_headline() -> None:
    text = "Markets open higher in Suderia\nTreaty signed in Geneva\nThe treaty was signed on Monday."
    document = cleaned(text, title="Treaty signed in Geneva")
    assert document.text == "Treaty signed in Geneva\n\nThe treaty was signed on Monday."
    assert reasons(document)["Markets open higher in Suderia"] == "teaser-or-heading"


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    text = (
        "Ministers meet in Geneva\n\n"
        "The foreign ministers of Norland and Suderia met in Geneva\n"
        "on Tuesday to discuss the river treaty and agreed\n"
        "to meet again in May.\n\n"
        "Advertisement\n\n"
        "Officials said the talks were\n"
        "constructive and that a deal was\n"
        "close.\n"
    )
    document = cleaned(text)
    assert document.text.split("\n\n") == [
        "Ministers meet in Geneva",
        "The foreign ministers of Norland and Suderia met in Geneva on Tuesday to discuss the river "
        "treaty and agreed to meet again in May.",
        "Officials said the talks were constructive and that a deal was close.",
    ]
    assert [(line.line_no, line.reason) for line in document.removed] == [(7, "advertisement")]


def test_html_article_is_reduced_first() -> None:
    html = (
        "<html><head><title>Talks</title></head><body><article><h1>Talks resume in Vienna</h1>"
        "<p>Negotiators from Norland and Suderia resumed talks in Vienna on Monday after a pause of "
        "three months, the foreign ministries of both countries said in a joint statement.</p>"
        "</article></body></html>"
    )
    document = clean(Article("h", html, is_html=True))
    assert not document.article.is_html
    assert "Negotiators from Norland and Suderia resumed talks" in document.text
    assert "<p>" not in document.text


def test_empty_and_all_boilerplate_articles() -> None:
    assert cleaned("").text == ""
    document = cleaned("Advertisement\n\nSubscribe\n")
    assert document.text == "" and len(document.removed) == 2


def test_default_cleaner_is_loaded_once() -> None:
    assert Cleaner.default() is Cleaner.default()
    assert Cleaner.default().rules


def test_custom_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text("# comment\n\n^Breaking$\tbreaking-label\n^Footer\tfooter\tdrop-rest\n", encoding="utf-8")
    cleaner = Cleaner.from_file(path)
    text = "Breaking\nTalks end in Vienna\nThe talks ended on Monday.\nFooter\nMore text here."
    document = clean(Article("c", text), cleaner)
    assert document.text == "Talks end in Vienna\n\nThe talks ended on Monday."
    assert reasons(document) == {
        "Breaking": "breaking-label", "Footer": "footer", "More text here.": "after-end-marker (footer)"
    }


@pytest.mark.parametrize("row", ["(unclosed\tbad", "^x$", "^x$\treason\tobliterate", "^x$\t\t"])
def test_bad_rules_file(tmp_path: Path, row: str) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text(f"# header\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules\.tsv:2"):
        Cleaner.from_file(path)


# --- shared seed articles ----------------------------------------------------------------------

def seed_documents() -> dict[str, CleanDocument]:
    if not SEEDS.is_dir():
        pytest.skip(f"shared seed articles not found at {SEEDS}")
    documents: dict[str, CleanDocument] = {}
    for item in iter_inputs([str(SEEDS)]):
        assert isinstance(item, Article), item
        documents[item.id[:3]] = clean(item)
    return documents


BOILERPLATE_LINES = {
    "000": ["World Today"],
    "001": ["3 Min Read", "TAGGED:", "Share This Article"],
    "002": ["Scroll Top", "By Paul Bumman", "Related Posts"],
    "003": ["Advertisement", "Diplomacy", "Get more with myNEWS", "Learn more", "02:26", "03:27", "40"],
    "004": ["Subscribe", "World", "Asia", "Russia", "Newsfeed", "0", "log in or register", "Chats"],
}
BODY_FRAGMENTS = {
    "000": ["is traveling to Russia for a state visit", "Favorable political climate"],
    "001": ["positive trajectory of bilateral relations", "elimination of visa requirements"],
    "002": ["continue talks in Moscow on Tuesday", "we even envy you a little"],
    "003": ["progress has been slow", "Patrushev, meanwhile, warned", "• Nikolai Patrushev"],
    "004": ["paid a two-day state visit", "not planning to capture", "What are the key takeaways?"],
}
TITLE_STARTS = {
    "000": "President Xi visits Russia",
    "001": "Putin and Xi Jinping to Discuss",
    "002": "The Russian Federation has",
    "003": "China-Russia ties:",
    "004": "Putin's Trip Sends Message",
}
BOILERPLATE_FRAGMENTS = ["©", "Photo: AP", "1920, 17.05.2024", "1920, 26.04.2024", "Заголовок", "mediabank"]


def test_seed_boilerplate_removed_and_body_kept() -> None:
    documents = seed_documents()
    assert sorted(documents) == sorted(BOILERPLATE_LINES)
    for key, document in documents.items():
        paragraphs = document.text.split("\n\n")
        for line in BOILERPLATE_LINES[key]:
            assert line not in paragraphs, (key, line)
        for fragment in BOILERPLATE_FRAGMENTS:
            assert fragment not in document.text, (key, fragment)
        for fragment in BODY_FRAGMENTS[key]:
            assert fragment in document.text, (key, fragment)


def test_seed_repeated_lines_and_titles() -> None:
    for key, document in seed_documents().items():
        paragraphs = document.text.split("\n\n")
        assert all(paragraph.strip() for paragraph in paragraphs), key
        assert max(Counter(paragraphs).values()) == 1, key
        raw_lines = Counter(line.strip() for line in document.article.text.splitlines() if line.strip())
        title = paragraphs[0]
        for line, count in raw_lines.items():
            if count > 1 and line != title:
                assert line not in paragraphs, (key, line)
        assert title.startswith(TITLE_STARTS[key]), (key, title)


@pytest.mark.parametrize(("text", "dateline", "lead"), [
    ("SEOUL (Harbour Wire) - North Korea fired a missile on Monday.", "SEOUL (Harbour Wire) -",
     "North Korea fired a missile on Monday."),
    ("GAZA CITY, Palestinian Territories: Two people were hurt.", "GAZA CITY, Palestinian Territories:",
     "Two people were hurt."),
    ("WASHINGTON, May 3 (Wire) — The talks ended.", "WASHINGTON, May 3 (Wire) —", "The talks ended."),
])
def test_wire_dateline_is_cut_from_the_lead(text: str, dateline: str, lead: str) -> None:
    cleaned = clean(Article("d1", text + "\n\nA second paragraph follows here."))
    assert cleaned.text.startswith(lead)
    assert [(r.text, r.reason) for r in cleaned.removed] == [(dateline, "dateline")]


@pytest.mark.parametrize("text", ["NATO said on Monday it would meet.", "US-China talks - the first in a year."])
def test_sentences_that_only_look_like_datelines_are_kept(text: str) -> None:
    assert clean(Article("d1", text)).text == text

"""Story grouping, original-finding and trace on a labelled corpus of our own articles."""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path

import pytest

from newsfaq.corpus.fingerprint import TextItem, fingerprint
from newsfaq.corpus.grouping import group
from newsfaq.corpus.origin import MemberDoc, find_original
from newsfaq.ingest.loader import from_text
from tests.corpus.storygen import ORIGINALS, OTHERS, labelled_corpus, make_copy

ARTICLES = Path(__file__).resolve().parents[1] / "articles"
EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "rewrite-with-faq.txt"


def _doc(aid: str, text: str) -> tuple[TextItem, MemberDoc]:
    article = from_text(text, check_language=False)
    meta = article.meta
    doc = MemberDoc(
        aid,
        article.text,
        meta.title,
        meta.site,
        meta.url,
        meta.date,
        article.credit_line,
        bool(article.appended_text),
    )
    return TextItem(aid, article.text, "en"), doc


def _run(texts: dict[str, str]) -> tuple[list[list[str]], dict[str, MemberDoc]]:
    pairs = [_doc(k, v) for k, v in texts.items()]
    fps = [fingerprint(item) for item, _ in pairs]
    grouping = group(fps)
    return [[fps[i].id for i in s] for s in grouping.stories], {d.id: d for _, d in pairs}


def test_labelled_corpus_pairwise_precision_recall_and_originals() -> None:
    texts, label = labelled_corpus(ARTICLES)
    stories, docs = _run(texts)
    found = {frozenset(p) for s in stories for p in itertools.combinations(s, 2)}
    truth = {frozenset(p) for p in itertools.combinations(texts, 2) if label[p[0]] == label[p[1]]}
    tp = len(found & truth)
    assert tp / len(found) >= 0.95 and tp / len(truth) >= 0.95, (tp, len(found), len(truth))
    for story in stories:
        if len(story) > 1:
            origin = find_original([docs[i] for i in story])
            # every labelled story has a dated original and a copy crediting its site
            assert origin.status == "found" and origin.original == label[story[0]], origin.reasons


def test_fingerprints_on_dask_local_match_in_process() -> None:
    from newsfaq.corpus.stories import fingerprint_items

    items = [TextItem(n, (ARTICLES / f"{n}.txt").read_text()) for n in ORIGINALS]
    here = fingerprint_items(iter(items), workers=1)
    there = fingerprint_items(iter(items), workers=1, dask="local")
    assert [f.id for f in there] == ORIGINALS
    assert [f.bands.tolist() for f in there] == [f.bands.tolist() for f in here]


def test_no_duplicates_are_all_single_stories() -> None:
    texts = {n: (ARTICLES / f"{n}.txt").read_text() for n in ORIGINALS + OTHERS}
    stories, _ = _run(texts)
    assert sorted(len(s) for s in stories) == [1] * len(texts)


def test_exact_duplicates_group_and_nothing_points_to_an_original() -> None:
    body = (ARTICLES / "plain_no_meta.txt").read_text().rsplit("Source:", 1)[0]
    texts = {"a": body, "b": body, "c": body, "other": (ARTICLES / "sports.txt").read_text()}
    stories, docs = _run(texts)
    assert sorted(sorted(s) for s in stories) == [["a", "b", "c"], ["other"]]
    origin = find_original([docs[i] for i in ("a", "b", "c")])
    assert origin.status == "unknown" and origin.original is None


def test_one_article() -> None:
    stories, docs = _run({"only": (ARTICLES / "politics.txt").read_text()})
    assert stories == [["only"]]
    assert find_original([docs["only"]]).status == "unknown"


def test_other_languages_group_apart() -> None:
    german = (ARTICLES / "non_english.txt").read_text()
    french = (ARTICLES / "stories" / "french_rail.txt").read_text()
    politics = (ARTICLES / "politics.txt").read_text()
    items = [
        TextItem("de", german, "de"),
        TextItem("de-copy", make_copy(german, "near", seed=1), "de"),
        TextItem("fr", french, "fr"),
        TextItem("en", politics, "en"),
        TextItem("en-copy", make_copy(politics, "reworded", seed=2), "en"),
    ]
    fps = [fingerprint(i) for i in items]
    stories = sorted(sorted(fps[i].id for i in s) for s in group(fps).stories)
    assert stories == [["de", "de-copy"], ["en", "en-copy"], ["fr"]]


def test_shortened_copies_point_to_the_original_by_containment() -> None:
    original = (ARTICLES / "court.txt").read_text()
    # undated, unsited copies: only containment can point
    texts = {
        "orig": "\n\n".join(original.split("\n\n")[1:]),
        "short1": make_copy(original, "shortened", seed=1).split("\n\n", 1)[1],
    }
    stories, docs = _run(texts)
    assert sorted(stories[0]) == ["orig", "short1"]
    origin = find_original([docs["orig"], docs["short1"]])
    assert origin.original == "orig", origin.reasons


@pytest.mark.slow
def test_batch_stories_search_and_trace_the_shared_example(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsfaq.cli import app

    if not EXAMPLE.is_file():
        pytest.skip("../shared/examples is not available")
    src = tmp_path / "in"
    src.mkdir()
    stand_in = (ARTICLES / "stories" / "recruitment_original.txt").read_text()
    (src / "original.txt").write_text(stand_in)
    (src / "copy.txt").write_text(make_copy(stand_in, "near", seed=3))
    (src / "tram.txt").write_text((ARTICLES / "stories" / "unrelated_tram.txt").read_text())
    (src / "french.txt").write_text((ARTICLES / "stories" / "french_rail.txt").read_text())
    out = tmp_path / "out"
    runner = CliRunner()
    res = runner.invoke(app, ["batch", str(src), "--out", str(out), "-w", "1", "--stories"])
    assert res.exit_code == 0, res.output
    assert "3 articles: 2 stories, 1 with copies (original found 1" in res.output
    db = sqlite3.connect(out / "newsfaq.db")
    (sid, original) = db.execute("SELECT id, original_id FROM stories WHERE size = 2").fetchone()
    assert original.endswith("original.txt")
    assert (out / "stories.parquet").is_file()
    res = runner.invoke(app, ["search", str(out / "newsfaq.db"), "Medvedev", "--story", sid])
    assert res.exit_code == 0 and "Medvedev" in res.output
    res = runner.invoke(
        app, ["search", str(out / "newsfaq.db"), "tram", "--story", sid, "--key-points"]
    )
    assert "no facts or FAQ items match" in res.output
    res = runner.invoke(app, ["trace", str(EXAMPLE), "--corpus", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output
    result = json.loads(res.output)
    assert result["story_id"] == sid
    assert result["original"]["id"].endswith("original.txt")
    assert result["original"]["site"] == "Business Insider"
    assert any("credits 'Business Insider'" in r for r in result["reasons"])
    changed = " ".join(c["claim"] for c in result["changed"])
    assert "March 2023" in changed
    assert result["audit"]["claims"]
    assert result["tree"]["cites"] == ["The Moscow Times"]
    _check_api_trace(out, sid)


def _check_api_trace(corpus: Path, sid: str) -> None:
    """POST /api/trace on a real server (served with a corpus) gives the same story."""
    import httpx

    from newsfaq.web.server import create_app
    from tests.web.test_server import serve_in_thread

    with serve_in_thread(create_app(warm_up=False, corpus=corpus)) as url:
        res = httpx.post(f"{url}/api/trace", json={"text": EXAMPLE.read_text()}, timeout=120)
        bad = httpx.post(f"{url}/api/trace", json={"text": ""}, timeout=30)
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["story_id"] == sid and body["original"]["site"] == "Business Insider"
    assert bad.status_code in (400, 422) and "error" in bad.json()


def test_commands_without_stories_give_one_line_errors(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsfaq.cli import app
    from newsfaq.corpus.store import build_sqlite

    runner = CliRunner()
    res = runner.invoke(app, ["stories", str(tmp_path / "missing")])
    assert res.exit_code == 1 and "not a batch output folder" in res.output
    build_sqlite(tmp_path / "e.jsonl", tmp_path / "err.jsonl", tmp_path / "newsfaq.db")
    res = runner.invoke(app, ["search", str(tmp_path / "newsfaq.db"), "x", "--story", "st-1"])
    assert res.exit_code == 1 and "run `newsfaq stories` first" in res.output
    page = tmp_path / "page.txt"
    page.write_text((ARTICLES / "brief.txt").read_text())
    res = runner.invoke(app, ["trace", str(page), "--corpus", str(tmp_path)])
    assert res.exit_code == 1 and "no story index" in res.output

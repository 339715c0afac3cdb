"""Reading a corpus: folders, globs, JSONL and WARC, with broken input kept as error records."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfaq.corpus.inputs import Record, iter_records, resolve_inputs
from newsfaq.errors import SourceNotFoundError

ARTICLES = Path(__file__).resolve().parents[1] / "articles"

# Short articles written for these tests.
HARBOUR = (
    "The port authority of Easthaven said on Tuesday that it will spend $45 million to deepen "
    "the harbour channel by 2027. The work will let container ships of up to 12,000 tonnes "
    "dock at the main quay, according to the authority. Harbour master Tom Briggs said the "
    "project would create about 300 jobs during construction."
)
LIBRARY = (
    "Westmoor's central library will reopen on Saturday after a two-year renovation that cost "
    "8.5 million pounds, the city council said. The building now has a children's wing and "
    "40 study rooms. Council leader Priya Shah said visitor numbers were expected to double "
    "within a year."
)
FLOODS = (
    "Heavy rain flooded 120 homes in the village of Ashby on Sunday night, the fire service "
    "said. Crews pumped water from streets until Monday morning. The county council opened "
    "a rest centre at Ashby school for families who had to leave their houses."
)
VACCINE = (
    "Health officials in Northvale began offering a new flu vaccine to people over 65 on "
    "Wednesday. The regional health board said 30,000 doses had arrived and a further "
    "50,000 were due in November. Dr Lena Ortiz, the board's medical director, said "
    "pharmacies would also give the vaccine from next week."
)
STADIUM = (
    "Rivertown FC will build a 25,000-seat stadium on the site of the old gasworks, the club "
    "announced on Friday. Chairman Mark Doyle said the club hoped to play its first match "
    "there in August 2028. The city council approved the plans last month by 9 votes to 3."
)
GERMAN = (
    "Der Gemeinderat von Tannfeld hat am Mittwoch beschlossen, die alte Schwimmhalle am "
    "Stadtpark für zwölf Millionen Euro zu sanieren. Die Arbeiten sollen im kommenden "
    "Frühjahr beginnen und etwa zwei Jahre dauern. Der Bürgermeister sagte, die Halle sei "
    "für die Schulen der Stadt unverzichtbar und werde danach deutlich weniger Energie "
    "verbrauchen."
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def page(title: str, body: str) -> str:
    """A small news page around ``body``."""
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | News</nav>"
        f"<article><h1>{title}</h1>{paras}</article><footer>Copyright</footer></body></html>"
    )


def write_warc(path: Path, pages: list[tuple[str, str]], *, extras: bool = True) -> bytes:
    """Write a gzipped WARC of HTML responses (plus a request and a PNG response)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=path.name.endswith(".gz"))
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
        if extras:
            req = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req)
            )
    if extras:
        png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.com/logo.png",
                "response",
                payload=io.BytesIO(PNG_BYTES),
                http_headers=png,
            )
        )
    data = buf.getvalue()
    path.write_bytes(data)
    return data


def build_corpus(root: Path) -> dict[str, str | None]:
    """Write the mixed test corpus under ``root``; return {expected id: error kind or None}."""
    docs = root / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / ".hidden").mkdir()
    expected: dict[str, str | None] = {}
    for name in ("brief.txt", "court.txt"):
        (docs / name).write_bytes((ARTICLES / name).read_bytes())
        expected[(docs / name).as_posix()] = None
    (docs / "sub" / "fire.html").write_bytes((ARTICLES / "news_page.html").read_bytes())
    expected[(docs / "sub" / "fire.html").as_posix()] = None
    (docs / "sub" / "library.md").write_text(f"# Library reopens\n\n{LIBRARY}\n")
    expected[(docs / "sub" / "library.md").as_posix()] = None
    (docs / "empty.txt").write_text("  \n\n")
    expected[(docs / "empty.txt").as_posix()] = "empty"
    (docs / "photo.txt").write_bytes(PNG_BYTES)
    expected[(docs / "photo.txt").as_posix()] = "binary"
    (docs / "notes.csv").write_text("a,b\n1,2\n")  # not an article extension: not read
    (docs / ".hidden" / "secret.txt").write_text(HARBOUR)  # hidden: not read

    lines = [
        json.dumps(
            {
                "id": "j-harbour",
                "text": HARBOUR,
                "title": "Harbour deepening",
                "date": "2025-06-03T10:00:00Z",
                "url": "https://example.com/harbour",
            }
        ),
        json.dumps({"id": "j-floods", "html": page("Floods in Ashby", FLOODS)}),
        json.dumps({"id": "j-german", "text": GERMAN}),
        "",
        '{"id": "j-broken", "text": "unterminated',
    ]
    (root / "export.jsonl").write_text("\n".join(lines) + "\n")
    expected.update({"j-harbour": None, "j-floods": None, "j-german": "not_english"})
    expected[f"{(root / 'export.jsonl').as_posix()}:5"] = "bad_jsonl"

    warc = root / "crawl.warc.gz"
    write_warc(
        warc,
        [
            ("https://example.com/vaccine", page("Flu vaccine offered", VACCINE)),
            ("https://example.com/stadium", page("New stadium plans", STADIUM)),
        ],
    )
    for rec in iter_records([warc]):
        expected[rec.id] = None

    cut = root / "cut.warc.gz"
    data = write_warc(
        cut,
        [
            ("https://example.com/harbour2", page("Harbour", HARBOUR)),
            ("https://example.com/library2", page("Library", LIBRARY)),
        ],
        extras=False,
    )
    cut.write_bytes(data[: len(data) - 60])
    for rec in iter_records([cut]):
        expected[rec.id] = rec.error_kind
    return expected


def test_mixed_corpus_yields_every_article_once(tmp_path: Path) -> None:
    expected = build_corpus(tmp_path)
    records = list(
        iter_records(
            [
                tmp_path / "docs",
                tmp_path / "export.jsonl",
                tmp_path / "crawl.warc.gz",
                tmp_path / "cut.warc.gz",
            ]
        )
    )
    ids = [r.id for r in records]
    assert len(ids) == len(set(ids)) == len(expected) == 14
    assert set(ids) == set(expected)
    got_errors = {r.id: r.error_kind for r in records if r.is_error}
    assert got_errors == {
        f"{(tmp_path / 'export.jsonl').as_posix()}:5": "bad_jsonl",
        next(i for i, k in expected.items() if k == "truncated_warc"): "truncated_warc",
    }
    assert not any("secret" in i or i.endswith(".csv") for i in ids)


def test_folder_walk_is_recursive_sorted_and_skips_output(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(HARBOUR)
    (tmp_path / "b" / "c.htm").write_text(page("x", LIBRARY))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "explainers.jsonl").write_text('{"id": "x", "text": "t"}\n')
    records = list(iter_records([tmp_path], exclude=[tmp_path / "out"]))
    assert [Path(r.id).relative_to(tmp_path).as_posix() for r in records] == ["a.txt", "b/c.htm"]
    assert records[0].data == HARBOUR.encode()
    with_out = list(iter_records([tmp_path]))
    assert len(with_out) == 3


def test_glob_and_missing_inputs(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(HARBOUR)
    records = list(iter_records([str(tmp_path / "x*.txt")]))
    assert [Path(r.id).name for r in records] == ["x1.txt", "x2.txt"]
    with pytest.raises(SourceNotFoundError, match="no files match"):
        resolve_inputs([str(tmp_path / "z*.txt")])
    with pytest.raises(SourceNotFoundError, match="no such file"):
        resolve_inputs([tmp_path / "missing.txt"])


def test_jsonl_fields_ids_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        {"id": 7, "text": HARBOUR, "url": "https://e.com/h", "title": "T", "date": "2025-06-03"},
        {"html": page("L", LIBRARY), "date": "June 3"},
        {"id": 7, "text": FLOODS},
        {"title": "no body"},
        [1, 2],
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    recs = list(iter_records([path]))
    assert [r.id for r in recs] == [
        "7",
        f"{path.as_posix()}:2",
        "7#2",
        f"{path.as_posix()}:4",
        f"{path.as_posix()}:5",
    ]
    first = recs[0]
    assert (first.text, first.url, first.title, first.date) == (
        HARBOUR,
        "https://e.com/h",
        "T",
        "2025-06-03",
    )
    assert recs[1].html is not None and recs[1].date is None
    assert [r.error_kind for r in recs] == [None, None, None, "bad_jsonl", "bad_jsonl"]


def test_hashes_are_stable_and_follow_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HARBOUR)
    write_warc(tmp_path / "c.warc.gz", [("https://e.com/v", page("V", VACCINE))])
    first = [(r.id, r.content_hash) for r in iter_records([tmp_path])]
    second = [(r.id, r.content_hash) for r in iter_records([tmp_path])]
    assert first == second and len(first) == 2
    (tmp_path / "a.txt").write_text(HARBOUR + " More.")
    third = dict((r.id, r.content_hash) for r in iter_records([tmp_path]))
    assert third[first[0][0]] != first[0][1]
    assert third[first[1][0]] == first[1][1]


def test_warc_yields_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path, [("https://e.com/v", page("V", VACCINE)), ("https://e.com/s", page("S", STADIUM))]
    )
    recs = list(iter_records([path]))
    assert [r.url for r in recs] == ["https://e.com/v", "https://e.com/s"]
    assert all(r.id.startswith("<urn:uuid:") and r.data and b"<article>" in r.data for r in recs)
    assert recs[0].source == f"{path.as_posix()}@0"


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
@pytest.mark.parametrize("cut_at", [0.4, 0.75, 0.97])
def test_truncated_warc_becomes_an_error_record(tmp_path: Path, name: str, cut_at: float) -> None:
    path = tmp_path / name
    data = write_warc(
        path,
        [
            ("https://e.com/a", page("A", HARBOUR)),
            ("https://e.com/b", page("B", LIBRARY)),
            ("https://e.com/c", page("C", FLOODS)),
        ],
        extras=False,
    )
    path.write_bytes(data[: int(len(data) * cut_at)])
    recs: list[Record] = list(iter_records([path]))
    good = [r for r in recs if not r.is_error]
    bad = [r for r in recs if r.is_error]
    assert len(bad) == 1, recs
    assert bad[0].error_kind in ("truncated_warc", "broken_warc")
    assert 1 <= len(good) <= 2
    assert all(r.data and r.data.rstrip().endswith(b"</html>") for r in good)

"""``newsfaq ask``: answers grounded in the article, abstention, attribution, the CLI."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfaq.ask.answer import DOES_NOT_SAY, answer_question, ask, ask_many, candidates
from newsfaq.ask.qanalysis import analyze_question
from newsfaq.ask.rerank import rerank
from newsfaq.ask.retrieval import build_index
from newsfaq.cli import app
from newsfaq.ingest.loader import from_text, load
from newsfaq.models import Answer, Article
from newsfaq.text.nlp import Analysis, analyze
from tests.helpers import assert_span_valid, norm

TRAM = (
    "Harbor City council approved a new tram line on Tuesday, March 4, 2025. The project will "
    "cost $2.3 billion and is expected to carry 40,000 passengers a day.\n"
    "Mayor Elena Ruiz said the line would cut car traffic in the centre by 15 percent. "
    "Construction will be led by Northline Builders, a firm based in Porto.\n"
    "The council delayed the vote last year because residents complained about noise. "
    "Engineers will reduce the noise by installing rubber pads under the rails.\n"
    "The death toll of the storm rose to 42, according to the health ministry."
)

# question, expected type, a string the answer must contain
TYPED = [
    ("Who said the line would cut traffic?", "person", "Elena Ruiz"),
    ("Which company will lead construction?", "org", "Northline Builders"),
    ("Where is Northline Builders based?", "place", "Porto"),
    ("When did the council approve the tram line?", "date", "March 4, 2025"),
    ("How much will the project cost?", "money", "$2.3 billion"),
    ("How many passengers will the line carry a day?", "number", "40,000"),
    ("What percentage of car traffic would the line cut?", "percent", "15 percent"),
    ("Why did the council delay the vote?", "reason", "residents complained about noise"),
    ("How will engineers reduce the noise?", "manner", "installing rubber pads"),
    ("What is Northline Builders?", "definition", "a firm based in Porto"),
]


@pytest.fixture(scope="module")
def example(example_path: Path) -> Analysis:
    """The shared example article (its appended FAQ split off by the loader), analysed once."""
    article = load(example_path)
    assert "Why is Russia struggling" not in article.text
    return analyze(article)


@pytest.fixture(scope="module")
def tram() -> Analysis:
    """A short article written for these tests."""
    return analyze(from_text(TRAM))


def assert_grounded(answer: Answer, article_text: str) -> None:
    """The answer is a substring of its sentence, and every evidence span is valid."""
    assert answer.answerable and answer.text, answer
    assert answer.evidence, answer
    for span in answer.evidence:
        assert_span_valid(span, article_text)
    assert answer.text in article_text
    assert norm(answer.text) in norm(answer.evidence[0].text), answer
    assert answer.sentence == answer.evidence[0].text


def test_how_many_soldiers_died(example: Analysis) -> None:
    ans = answer_question(example, "How many Russian soldiers have died?")
    assert_grounded(ans, example.article.text)
    assert ans.text is not None and "120,000" in ans.text
    assert len(ans.text) < 60
    assert ans.expected_type == "number"
    assert ans.sentence is not None and "US officials estimated" in ans.sentence
    # the claim keeps its source: the attribution is a second evidence span
    assert any("US officials" in span.text for span in ans.evidence[1:]), ans.evidence


def test_who_is_medvedev_gives_his_role(example: Analysis) -> None:
    ans = answer_question(example, "Who is Dmitry Medvedev?")
    assert_grounded(ans, example.article.text)
    assert ans.text is not None
    assert "deputy chairman of Russia" in ans.text and "Security Council" in ans.text
    assert "Medvedev" not in ans.text
    assert ans.expected_type == "definition"


def test_who_is_by_surname_gives_the_role(example: Analysis) -> None:
    ans = answer_question(example, "Who is Avdonin?")
    assert_grounded(ans, example.article.text)
    assert ans.text is not None
    assert ans.text.startswith("head of military recruitment"), ans.text


def test_capital_of_france_is_not_answered(example: Analysis) -> None:
    ans = answer_question(example, "What is the capital of France?")
    assert ans.answerable is False
    assert ans.text == DOES_NOT_SAY and ans.evidence == []


def test_ask_accepts_a_path_and_answers_the_same(example_path: Path, example: Analysis) -> None:
    via_path = ask(example_path, "How many Russian soldiers have died?")
    via_analysis = answer_question(example, "How many Russian soldiers have died?")
    assert via_path == via_analysis


@pytest.mark.parametrize(("question", "expected_type", "needle"), TYPED)
def test_typed_questions(tram: Analysis, question: str, expected_type: str, needle: str) -> None:
    # the span that would be given, whatever the verifier's score
    ans = answer_question(tram, question, threshold=-1.0)
    assert ans.expected_type == expected_type
    assert_grounded(ans, tram.article.text)
    assert ans.text is not None and needle in ans.text, ans
    assert len(ans.text) <= len(needle) + 20, ans.text


def test_unrelated_questions_abstain(tram: Analysis) -> None:
    for question in (
        "Who won the football match?",
        "What is the capital of France?",
        "When was penicillin discovered?",
    ):
        ans = answer_question(tram, question)
        assert not ans.answerable, ans
        assert ans.text == DOES_NOT_SAY


def test_contiguous_according_to_is_kept_in_the_answer(tram: Analysis) -> None:
    ans = answer_question(tram, "What did the death toll of the storm rise to?")
    assert_grounded(ans, tram.article.text)
    assert ans.text is not None
    assert "42" in ans.text and ans.text.endswith("according to the health ministry")


def test_answers_never_consist_only_of_question_words(tram: Analysis) -> None:
    for question, *_ in TYPED:
        q = analyze_question(question)
        cands, _cover = candidates(tram, q)
        assert cands
        for cand in cands:
            words = {
                (t.lemma_.lower())
                for t in tram.doc[cand.start : cand.end]
                if not t.is_stop and not t.is_punct
            }
            assert not words or not words <= set(q.focus), tram.doc[cand.start : cand.end]


def test_ask_many_matches_answer_question(tram: Analysis) -> None:
    questions = [q for q, *_ in TYPED[:4]] + ["Who won the football match?"]
    many = ask_many(tram, questions)
    assert many == [answer_question(tram, q) for q in questions]


def test_ask_with_raw_text_and_article() -> None:
    text = "Ann Lee founded Acme Robotics in 1999 in Leeds. The firm now employs 300 people."
    by_text = ask(text, "When did Ann Lee found Acme Robotics?")
    by_article = ask(Article(text=text), "When did Ann Lee found Acme Robotics?")
    assert by_text.text == by_article.text == "1999"
    assert by_text.score >= by_text.score * 0 and 0.0 <= by_text.score <= 1.0


runner = CliRunner()


def test_cli_single_question_markdown(example_path: Path) -> None:
    result = runner.invoke(app, ["ask", str(example_path), "What is the capital of France?"])
    assert result.exit_code == 0, result.output
    assert DOES_NOT_SAY in result.output


def test_cli_questions_file_json(example_path: Path, tmp_path: Path) -> None:
    qfile = tmp_path / "q.txt"
    qfile.write_text(
        "How many Russian soldiers have died?\n\nWhat is the capital of France?\n", "utf-8"
    )
    result = runner.invoke(
        app, ["ask", str(example_path), "--questions-file", str(qfile), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["answerable"] for d in data] == [True, False]
    assert data[1]["text"] == "The article does not say."
    assert "120,000" in data[0]["text"]
    assert data[0]["evidence"][0]["text"] == data[0]["sentence"]


def test_cli_without_question_is_a_one_line_error(example_path: Path) -> None:
    result = runner.invoke(app, ["ask", str(example_path)])
    assert result.exit_code == 1
    assert "question" in result.output
    assert "Traceback" not in result.output


def test_cli_missing_questions_file(example_path: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ask", str(example_path), "--questions-file", str(tmp_path / "nope.txt")]
    )
    assert result.exit_code == 1
    assert "no such questions file" in result.output


@pytest.fixture()
def tram_url() -> Iterator[str]:
    """The test article served as plain text by a real HTTP server on 127.0.0.1."""
    body = TRAM.encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tram.txt"
    finally:
        server.shutdown()
        server.server_close()


def test_cli_url_needs_allow_private_urls(tram_url: str) -> None:
    blocked = runner.invoke(app, ["ask", tram_url, "How much will the project cost?"])
    assert blocked.exit_code == 1
    assert "Traceback" not in blocked.output
    allowed = runner.invoke(
        app, ["ask", tram_url, "How much will the project cost?", "--allow-private-urls"]
    )
    assert allowed.exit_code == 0, allowed.output
    assert "A: $2.3 billion" in allowed.output


SPEECH = (
    "The port of Elmhaven will close its old container terminal in May, officials said.\n"
    "Harbour master Tomas Lind, who opposed the closure, said the port would lose 300 jobs. "
    '"We are giving away our busiest quay," Lind said.\n'
    "Lind also warned that shipping fees would rise next year.\n"
    "Union leader Ada Brook said workers had not been consulted."
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did Tomas Lind say?", "the port would lose 300 jobs"),
        ("What did Lind say?", "the port would lose 300 jobs"),  # surname only
        ("What did Lind warn about shipping fees?", "shipping fees would rise next year"),
        ("What did Ada Brook say?", "workers had not been consulted"),
    ],
)
def test_what_did_x_say_gives_the_statement(question: str, expected: str) -> None:
    a = analyze(from_text(SPEECH))
    answer = answer_question(a, question)
    assert_grounded(answer, a.article.text)
    assert answer.text == expected, answer


BRIDGES = (
    "Lakeview council approved a $45 million plan on Monday to rebuild the town's two bridges. "
    "The town, home to 12,500 people, has no other crossing over the river.\n"
    "The state will pay 40 percent of the cost, or $18 million, and the rest will come from "
    "local bonds. Mayor Ruth Adler said 30 workers would be hired.\n"
    "Engineers will inspect the old bridges before demolition begins. Demolition is due to "
    "start in May 2026, and the repairs will take three years, the council said."
)

# no length of time anywhere: a rate, a distance, a point in time ("next year"), money
PIPES = (
    "Crews in Northfield will inspect the town's water pipes at a rate of 2 kilometres a day. "
    "The network has 300 kilometres of pipes, and the work will start next year.\n"
    "Inspectors will use small cameras to find cracks. The town spent $4 million on repairs "
    "after a main burst under the high street."
)


@pytest.fixture(scope="module")
def bridges() -> Analysis:
    """An article with money amounts, a share, head counts, a date and a duration."""
    return analyze(from_text(BRIDGES))


@pytest.fixture(scope="module")
def pipes() -> Analysis:
    """An article with no duration and no head count of people."""
    return analyze(from_text(PIPES))


_MONEY = re.compile(r"\$[\d.,]+(?: million| billion)?")
_COUNT = re.compile(r"\d|\b(?:one|two|three|four|five|ten|dozens?|hundreds?|several)\b", re.I)


def _states_a_count_besides_money(text: str) -> bool:
    """Whether ``text`` still has a number once its money amounts are removed."""
    return bool(_COUNT.search(_MONEY.sub(" ", text)))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many people live in Lakeview?", "12,500"),
        ("How many workers will be hired?", "30"),
        ("How many bridges will be rebuilt?", "two"),
    ],
)
def test_how_many_is_answered_by_a_count_never_by_money(
    bridges: Analysis, question: str, expected: str
) -> None:
    ans = answer_question(bridges, question, threshold=-1.0)
    assert_grounded(ans, bridges.article.text)
    assert ans.text == expected, ans
    # no candidate at all is only a money amount ("$45 million", "a $45 million plan")
    for cand in candidates(bridges, analyze_question(question))[0]:
        text = bridges.doc[cand.start : cand.end].text
        assert _states_a_count_besides_money(text), text


@pytest.mark.parametrize(
    "question", ["How many people live in Northfield?", "How many cameras will inspectors use?"]
)
def test_how_many_without_a_count_in_the_article_abstains(pipes: Analysis, question: str) -> None:
    # the article has money, distances and "next year", none of them a count of anything asked
    ans = answer_question(pipes, question)
    assert not ans.answerable and ans.text == DOES_NOT_SAY, ans


def test_how_many_units_may_be_answered_by_a_measurement(pipes: Analysis) -> None:
    ans = answer_question(pipes, "How many kilometres of pipes does the network have?")
    assert ans.text == "300 kilometres", ans


@pytest.mark.parametrize(
    "question",
    ["How long will it take to inspect the pipes?", "How long will the inspection take?"],
)
def test_how_long_with_no_duration_in_the_article_abstains(pipes: Analysis, question: str) -> None:
    ans = answer_question(pipes, question)
    assert not ans.answerable and ans.text == DOES_NOT_SAY, ans
    assert ans.expected_type == "date"
    assert candidates(pipes, analyze_question(question))[0] == []


def test_how_long_gets_a_duration(bridges: Analysis) -> None:
    ans = answer_question(bridges, "How long will the repairs take?", threshold=-1.0)
    assert_grounded(ans, bridges.article.text)
    assert ans.text == "three years", ans


@pytest.mark.parametrize(
    ("analysis", "question", "expected"),
    [
        ("bridges", "When will demolition start?", "May 2026"),
        ("pipes", "When will the work start?", "next year"),
    ],
)
def test_when_gets_a_date(
    request: pytest.FixtureRequest, analysis: str, question: str, expected: str
) -> None:
    a: Analysis = request.getfixturevalue(analysis)
    ans = answer_question(a, question)
    assert_grounded(ans, a.article.text)
    assert ans.text == expected, ans
    texts = {a.doc[c.start : c.end].text for c in candidates(a, analyze_question(question))[0]}
    # plain noun phrases with no time in them are not candidates
    assert not texts & {"Crews", "the town's water pipes", "Engineers", "the old bridges"}, texts


def test_how_much_cost_is_the_whole_not_a_share_of_it(bridges: Analysis) -> None:
    # "40 percent of the cost, or $18 million" is a part of the cost
    ans = answer_question(bridges, "How much will the plan cost?")
    assert_grounded(ans, bridges.article.text)
    assert ans.text == "$45 million", ans
    # ... but it is what the state pays
    assert answer_question(bridges, "How much will the state pay?").text == "$18 million"


def test_who_is_never_a_bare_figure(bridges: Analysis) -> None:
    ans = answer_question(bridges, "Who will pay for the plan?", threshold=-1.0)
    assert_grounded(ans, bridges.article.text)
    assert ans.text == "The state", ans
    for cand in candidates(bridges, analyze_question("Who will pay for the plan?"))[0]:
        text = bridges.doc[cand.start : cand.end].text
        assert text not in {"40 percent", "$18 million", "$45 million", "May 2026"}, text


def test_cli_how_long_without_duration_says_the_article_does_not_say(tmp_path: Path) -> None:
    path = tmp_path / "pipes.txt"
    path.write_text(PIPES, "utf-8")
    result = runner.invoke(app, ["ask", str(path), "How long will it take to inspect the pipes?"])
    assert result.exit_code == 0, result.output
    assert DOES_NOT_SAY in result.output


def test_a_typed_question_reads_down_the_pool_to_a_span_of_its_type() -> None:
    gallery = analyze(
        from_text(
            "Mara Quill opened the Quill Gallery in Dunmore on Friday. "
            "Mara Quill said the Quill Gallery would show local painters. "
            "The Quill Gallery cost Mara Quill her savings, she said. "
            "Visitors queued outside for an hour. "
            "The 72-year-old painter cut the ribbon herself."
        )
    )
    index = build_index(gallery)
    age = analyze_question("How old is Mara Quill?")
    assert 4 not in rerank(gallery, index, age)[1]  # the age is past the three best sentences
    found = candidates(gallery, age, index)[0]
    assert {gallery.doc[c.start : c.end].text for c in found} >= {"72", "72-year-old"}
    # a question with no type constraint keeps to the three best sentences
    what = analyze_question("What did Mara Quill open?")
    top = set(rerank(gallery, index, what)[1])
    assert {c.sentence for c in candidates(gallery, what, index)[0]} <= top

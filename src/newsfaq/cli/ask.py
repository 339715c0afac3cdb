"""``newsfaq ask``: answer a reader's questions from an article, or say it does not say."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsfaq.cli._common import (
    AllowPrivateOption,
    OutOption,
    SourceArgument,
    check_output,
    cli_source,
    handle_errors,
    write_output,
)

if TYPE_CHECKING:
    from newsfaq.models import Answer

__all__ = ["ask", "render_answers"]


class AskFormat(StrEnum):
    """Output formats of ``newsfaq ask``."""

    md = "md"
    json = "json"


@handle_errors
def ask(
    source: SourceArgument,
    question: Annotated[
        str | None, typer.Argument(help="The question (or use --questions-file).")
    ] = None,
    questions_file: Annotated[
        Path | None,
        typer.Option("--questions-file", "-q", help="File with one question per line."),
    ] = None,
    fmt: Annotated[
        AskFormat, typer.Option("--format", "-f", help="md (default) or json.")
    ] = AskFormat.md,
    out: OutOption = None,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Answer questions from the article with the shortest span and its sentence, or abstain."""
    from newsfaq.ask.answer import ask_many
    from newsfaq.errors import InputError
    from newsfaq.ingest.loader import load
    from newsfaq.text.nlp import analyze

    check_output(out)
    questions = _questions(question, questions_file)
    if not questions:
        raise InputError("give a question, or --questions-file with one question per line")
    article = load(cli_source(source), allow_private=allow_private)
    answers = ask_many(analyze(article), questions)
    write_output(render_answers(answers, fmt.value), out)


def _questions(question: str | None, path: Path | None) -> list[str]:
    """The question argument plus the non-blank lines of the questions file, under the caps
    the server applies (question length, number of questions, file size)."""
    from newsfaq import settings
    from newsfaq.errors import InputError, SourceNotFoundError
    from newsfaq.ingest.files import read_regular

    found = [question.strip()] if question and question.strip() else []
    if path is not None:
        if not path.expanduser().exists():
            raise SourceNotFoundError("no such questions file", source=str(path))
        data = read_regular(path.expanduser(), settings.MAX_QUESTIONS_FILE_BYTES)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the questions file is not UTF-8 text", source=str(path)) from None
        found.extend(line.strip() for line in text.splitlines() if line.strip())
    if len(found) > settings.MAX_QUESTIONS:
        raise InputError(
            f"{len(found)} questions, over the limit of {settings.MAX_QUESTIONS}",
            source=str(path) if path else None,
        )
    for i, q in enumerate(found, start=1):
        if len(q) > settings.MAX_QUESTION_CHARS:
            raise InputError(
                f"question {i} is {len(q):,} characters, over the limit of "
                f"{settings.MAX_QUESTION_CHARS:,}"
            )
    return found


def render_answers(answers: list[Answer], fmt: str) -> str:
    """Render answers as Markdown or JSON.

    >>> from newsfaq.models import Answer
    >>> print(render_answers([Answer(question="Why?", answerable=False)], "md"))
    **Q: Why?**
    <BLANKLINE>
    The article does not say.
    <BLANKLINE>
    """
    from newsfaq.ask.answer import DOES_NOT_SAY
    from newsfaq.render.markdown import md_text

    if fmt == "json":
        return (
            json.dumps([a.model_dump(mode="json") for a in answers], indent=2, ensure_ascii=False)
            + "\n"
        )
    lines: list[str] = []
    for a in answers:
        lines.append(f"**Q: {md_text(a.question)}**")
        lines.append("")
        if not a.answerable or a.text is None:
            lines.append(DOES_NOT_SAY)
        else:
            lines.append(f"A: {md_text(a.text)}")
            lines.append("")
            lines.append(f"> {md_text(a.sentence or '')}")
            for ev in a.evidence[:1]:
                lines.append(f"> — characters {ev.start}–{ev.end}, sentence {ev.sentence_id + 1}")
            for ev in a.evidence[1:]:
                lines.append(f"> — source of the claim: {md_text(ev.text)}")
            lines.append(f"> — confidence {a.score:.2f}")
        lines.append("")
    return "\n".join(lines)

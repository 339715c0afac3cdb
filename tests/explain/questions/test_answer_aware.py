"""Answer-aware mode: the question for a given answer span, with its fallbacks."""

from __future__ import annotations

import re

import pytest

from newsfaq.explain.questions import (
    Resolver,
    ask_in_doc,
)
from newsfaq.text.nlp import parse
from tests.explain.questions.helpers import _ask_doc


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # passive agent -> active question
        ("The tower was built by the Romans.", "the Romans", "Who built the tower?"),
        (
            "A new gallery, funded by Jane Roe, opened in May.",
            "Jane Roe",
            "Who funded a new gallery?",
        ),
        # a verb-phrase answer
        (
            "The investors eventually forced the founder out.",
            "forced the founder out",
            "What did the investors eventually do?",
        ),
        # a place inside the subject
        (
            "Some workers in Canada have earned more than $100,000.",
            "Canada",
            "Where have some workers earned more than $100,000?",
        ),
        # the appositive stands for its noun phrase in answer-aware mode
        ("His brother, Ariq Böke, challenged the claim.", "Ariq Böke", "Who challenged the claim?"),
    ],
)
def test_answer_aware_transformations(text: str, answer: str, question: str) -> None:
    assert _ask_doc(text, answer) == question


def test_answer_aware_always_asks_something() -> None:
    # no clause to transform: the in-place wh question is the last resort
    q = _ask_doc("Teachers, often in a school or academy.", "academy")
    assert q is not None and q.endswith("?") and "academy" not in q


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # a measure before an adjective asks "how <adjective>"
        ("Chopin was seven months old when the family moved to Warsaw.", "seven months old",
         "How old was Chopin?"),
        ("This section is nearly 86 km long.", "86 km", "How long is the section?"),
        # a counted plural noun, even a time unit, asks "how many"
        ("The drama lasted ten seasons on ABC.", "ten seasons",
         "How many seasons did the drama last on ABC?"),
        # manner phrases ask "how"
        ("Members vote by means of electronic consoles on their desks.",
         "electronic consoles on their desks", "How do members vote?"),
        ("Scientists observe replication via electron microscopy.", "electron microscopy",
         "How do scientists observe replication?"),
        # "the town of <name>": the class noun becomes the wh-phrase
        ("Jacksonville surrounds the town of Baldwin.", "Baldwin",
         "What town does Jacksonville surround?"),
        # an appositive that defines the answer
        ("Between Emmerich and Cleves the Emmerich Rhine Bridge, the longest suspension bridge "
         "in Germany, crosses the river.", "Emmerich Rhine Bridge",
         "What is the longest suspension bridge in Germany?"),
        # answer-aware mode may ask "when" about a reporting verb
        ("In 1993, Galor and Zeira showed that inequality has a lasting effect.", "1993",
         "When did Galor and Zeira show that inequality has a lasting effect?"),
        # a possessive whose antecedent is the subject stays a pronoun
        ("Harvard College ended its early admissions program in 2007.", "2007",
         "When did Harvard College end its early admissions program?"),
        # "such as <answer>" asks for an example
        ("The museum holds paintings by artists such as Turner and Constable.",
         "Turner and Constable", "Who is an example of artists?"),
        # a title makes a name a person's
        ("King Sigismund III Vasa moved his court from Krakow to Warsaw in 1596.",
         "King Sigismund III Vasa", "Who moved his court from Krakow to Warsaw in 1596?"),
        # a relative pronoun subject of a conjoined or embedded verb is replaced by its noun
        ("The index, which gauges the prevalence of corruption, was released in May.",
         "gauges the prevalence of corruption", "What does the index do?"),
        # a whole prepositional phrase as the answer: its preposition and object decide
        ("Ctenophores are extremely rare as fossils because of their soft, gelatinous bodies.",
         "because of their soft, gelatinous bodies",
         "Why are ctenophores extremely rare as fossils?"),
        ("Many hospital pharmacies can be found within the premises of the hospital.",
         "within the premises of the hospital", "Where can many hospital pharmacies be found?"),
        ("Proportionality has been recognised as a general principle since the 1950s.",
         "since the 1950s",
         "How long has proportionality been recognised as a general principle?"),
        ("He was bedridden for nine months.", "nine months", "How long was he bedridden?"),
        # a destination keeps its preposition
        ("Luther forwarded the theses to Rome.", "Rome", "Where did Luther forward the theses to?"),
        # a parenthetical is dropped from the question
        ("Baker made a cameo appearance in The Talons (as a Music hall conductor) in 1977.",
         "The Talons", "What did Baker make a cameo appearance in in 1977?"),
    ],
)  # fmt: skip
def test_answer_aware_wh_phrases_and_clauses(text: str, answer: str, question: str) -> None:
    assert _ask_doc(text, answer) == question


def test_answer_in_an_island_asks_about_the_phrase_around_it() -> None:
    text = (
        "Many centuries later Leonardo da Vinci built on Philo's work by observing that a "
        "portion of air is consumed during combustion."
    )
    doc = parse(text)
    start = text.index("air")
    assert ask_in_doc(doc, start, start + 3, Resolver(doc)) == (
        "What is consumed during combustion?",
        "widened",
    )


def test_widened_question_keeps_the_answer_type() -> None:
    # a date inside the phrase still asks "when", not "in what"
    text = "In the course of the border war of 1920, the battle was fought near the river."
    doc = parse(text)
    start = text.index("1920")
    assert ask_in_doc(doc, start, start + 4, Resolver(doc)) == (
        "When was the battle fought near the river?",
        "widened",
    )
    # a name inside a counted phrase is not asked with "what percentage"
    q = _ask_doc("A study found that 42% of Danish teachers reported stress.", "Danish")
    assert q is None or not q.lower().startswith(("what percentage", "how many", "how much"))


def test_passive_agent_question_leaves_out_a_trailing_relative_clause() -> None:
    text = (
        "The theory was first challenged by the work of the chemist Ana Ruiz in 1970, who "
        "noted that the rates were too low."
    )
    assert _ask_doc(text, "Ana Ruiz") == "Who challenged the theory in 1970?"


def test_fallback_inverts_the_clause() -> None:
    text = "A problem is regarded as inherently difficult if its solution requires resources."
    doc = parse(text)
    answer = "if its solution requires resources"
    start = text.index(answer)
    question, how = ask_in_doc(doc, start, start + len(answer), Resolver(doc))
    assert how == "inverted"
    assert question is not None and question.startswith("What is a problem regarded")


def test_topic_person_resolves_a_distant_pronoun_in_answer_aware_mode() -> None:
    text = (
        "Tesla worked in Graz. Tesla moved to Prague. The city had a university. "
        "It was old. Later, the family moved to Gospic. He patented the Tesla coil in 1891."
    )
    assert _ask_doc(text, "the Tesla coil") == "What did Tesla patent in 1891?"


def test_bare_number_keeps_its_of_phrase() -> None:
    text = "In May 2006, the broadcaster Setanta was awarded two of the six packages."
    question = "How many of the six packages was the broadcaster Setanta awarded in May 2006?"
    assert _ask_doc(text, "two") == question


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # a reported clause is compressed inside, not dropped whole ("Who announced?")
        ("In March, council leader Maria Olsen announced that the city would close three branch "
         "libraries to save money and that their staff would move to the central library.",
         "Maria Olsen",
         "Who announced that the city would close three branch libraries in March?"),
        # a short time phrase before the subject moves to the end of the question
        ("In 2019, the mayor opened a new library.", "a new library",
         "What did the mayor open in 2019?"),
        # a copula keeps its prepositional predicate
        ("Halden was among the largest of the twenty ports that the treaty of 1598 granted to "
         "the crown.", "Halden", "What was among the largest of the twenty ports?"),
        # the subject after the copula: "To the south is X"
        ("To the south is the old harbour.", "the old harbour", "What is to the south?"),
        # a thin question keeps the adverbial clause after its verb
        ("Flooding occurs when the river rises above its banks.", "Flooding",
         "What occurs when the river rises above the river's banks?"),
    ],
)  # fmt: skip
def test_answer_aware_questions_keep_enough_of_the_sentence(
    text: str, answer: str, question: str
) -> None:
    assert _ask_doc(text, answer) == question


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # an amount of money that modifies a noun asks about that noun
        ("A $50,000 prize was offered by the foundation.", "$50,000",
         "What prize was offered by the foundation?"),
        # a measured quantity counts its unit
        ("The trail will cover 22 miles between the lake and the dam.", "22 miles",
         "How many miles will the trail cover?"),
        ("The plant produced 40 tonnes of steel last year.", "40 tonnes",
         "How many tonnes of steel did the plant produce last year?"),
        # a bare number after a copula: an age for a person, else "what"
        ("The striker was 19 at the time.", "19", "How old was the striker at the time?"),
        ("The average household size was 2.4.", "2.4", "What was the average household size?"),
        # a place phrase after the counted noun stays in the question
        ("There are 40 beds in the new ward.", "40", "How many beds are there in the new ward?"),
        # and so does the period a count is for
        ("Michigan regained 34,185 factory jobs between 2010 and 2013.", "34,185",
         "How many factory jobs did Michigan regain between 2010 and 2013?"),
        # a number that names a singular noun does not count it
        ("The cameras were upgraded to 5K resolution for the final.", "5K",
         "What resolution were the cameras upgraded to?"),
        # "the age of N"
        ("The actor died at the age of 86 after a short illness.", "86",
         "At what age did the actor die after a short illness?"),
        # a role said of someone asks "what"; a person who is acted on, "who"
        ("Tom Rivera worked as a lawyer in Boston.", "a lawyer",
         "What did Tom Rivera work as in Boston?"),
        ("The council hired a new lawyer.", "a new lawyer", "Who did the council hire?"),
        # a place: "at" a named institution, "in" a square
        ("The team practised at Riverside College before the final.", "Riverside College",
         "Where did the team practise before the final?"),
        ("The pope celebrated Mass in Victory Square in 1979.", "Victory Square",
         "Where did the pope celebrate Mass in 1979?"),
        # a number that counts units of time asks "how many", not "when"
        ("The fair ran for ten days in the main square.", "ten",
         "How many days did the fair run in the main square?"),
        ("The workers stayed in the camp for the last six weeks.", "six",
         "How many weeks did the workers stay in the camp?"),
        # an organisation that acts, as the agent of a passive, asks "who"
        ("The report was published by the World Health Organization in May.",
         "the World Health Organization", "Who published the report in May?"),
        # a title before a name asks "who"
        ("The castle was sold to the city by Archduke Leopold in 1620.", "Archduke Leopold",
         "Who sold the castle to the city in 1620?"),
    ],
)  # fmt: skip
def test_answer_aware_wh_word_from_the_answer(text: str, answer: str, question: str) -> None:
    assert _ask_doc(text, answer) == question


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # cause, purpose and manner clauses ask why / how, not "What did X do?"
        ("The match was cancelled because the pitch was flooded.", "the pitch was flooded",
         "Why was the match cancelled?"),
        ("The council raised taxes to pay for the new school.", "to pay for the new school",
         "Why did the council raise taxes?"),
        ("The engineers tested the bridge using heavy trucks.", "using heavy trucks",
         "How did the engineers test the bridge?"),
        ("Unwilling to risk its fleet, the navy stayed in port.", "Unwilling to risk its fleet",
         "Why did the navy stay in port?"),
        ("Eggs are released via pores in the skin.", "via pores in the skin",
         "How are eggs released?"),
        # a verb whose object stays in the question: "do to"
        ("The farmers captured the wolf near the river.", "captured",
         "What did the farmers do to the wolf near the river?"),
        # an infinitival verb phrase keeps the verb that governs it
        ("The board decided to sell the stadium to a developer.",
         "sell the stadium to a developer", "What did the board decide to do?"),
        ("The court ordered the firm to repay the loan.", "repay the loan",
         "What did the court order the firm to do?"),
        # a relative pronoun stands for the noun its clause modifies
        ("There are two kinds of cells, red cells, which are arranged in stacks, and white "
         "cells.", "are arranged in stacks", "What happens to red cells?"),
        # do-support agrees with a plural subject
        ("Most beetles cling to leaves by gripping them with their claws.", "cling to leaves",
         "What do most beetles do by gripping them with their claws?"),
    ],
)  # fmt: skip
def test_answer_aware_clause_answers(text: str, answer: str, question: str) -> None:
    assert _ask_doc(text, answer) == question


def test_answer_aware_never_asks_without_content() -> None:
    # the answer sits in brackets inside an appositive: no "What is ?" and no stray bracket
    text = (
        "Lisbon, especially its old quarter (Alfama), is home to many small restaurants and "
        "also to several museums."
    )
    q = _ask_doc(text, "Alfama")
    assert q is None or (re.fullmatch(r"\w+ \w+ \w+.*\?", q) and ")" not in q), q


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # a whole prepositional phrase asks by its preposition's sense, never "What"
        ("The city was rebuilt after the great flood.", "after the great flood",
         "When was the city rebuilt?"),
        ("The old keys were stored in a locked cabinet.", "in a locked cabinet",
         "Where were the old keys stored?"),
        ("The doors were opened with a master key.", "with a master key",
         "How were the doors opened?"),
    ],
)  # fmt: skip
def test_prepositional_phrase_answer_asks_by_its_preposition(
    text: str, answer: str, question: str
) -> None:
    assert _ask_doc(text, answer) == question


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # the noun a participle clause modifies becomes the subject of its question, with
        # "a" made definite and the tense of the sentence
        ("A small river called the Ember flows past the mill.", "the Ember",
         "What is the small river called?"),
        ("The bakers working for the Harlow Mill Company went on strike.",
         "the Harlow Mill Company", "What did the bakers work for?"),
        ("Workers building the new dam found old coins.", "the new dam",
         "What did workers build?"),
        # a participle set off by commas: asked within it, in the past for a date; and left
        # out of a question about the rest of the sentence
        ("The town hall, built in 1820, is now a museum.", "1820",
         "When was the town hall built?"),
        ("The old mill, known locally as the Grey House, stands by the river.",
         "the Grey House", "What is the old mill known locally as?"),
        ("The company, founded by two brothers, sells garden tools.", "garden tools",
         "What does the company sell?"),
        # a gerund after a preposition has the subject of the verb the preposition belongs to
        ("After banishing the rebel captains, the duke faced a long siege.",
         "the rebel captains", "Who did the duke banish?"),
        # a bracketed aside in that noun phrase stays out
        ("The sign outside (painted in red) announcing the closure was ignored.",
         "the closure", "What did the sign outside announce?"),
    ],
)  # fmt: skip
def test_answer_in_a_participle_clause_asks_within_it(
    text: str, answer: str, question: str
) -> None:
    assert _ask_doc(text, answer) == question


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # examples after "such as", "like" and "including" stay out of the question, with the
        # commas that set them off
        ("Crops such as barley and oats grow well in the cool north.", "in the cool north",
         "Where do crops grow well?"),
        ("The museum bought paintings by artists like Turner and Constable in 1920.", "1920",
         "When did the museum buy paintings by artists?"),
        ("Several cities, including Leeds and York, opened new libraries in 1990.",
         "new libraries", "What did several cities open in 1990?"),
        # a stand-alone question has no "this" or "these" to point at
        ("Engineers studied this problem for nine years.", "nine years",
         "How long did engineers study the problem?"),
        ("Officials said these buses would run until midnight.", "until midnight",
         "How long would the buses run?"),
        # ... but "this week" and "this season" are dates
        ("The council approved this plan this week.", "The council",
         "What approved the plan this week?"),
        ("The striker has scored nine goals so far this season.", "nine",
         "How many goals has the striker scored so far this season?"),
    ],
)  # fmt: skip
def test_questions_leave_out_examples_and_pointing_words(
    text: str, answer: str, question: str
) -> None:
    assert _ask_doc(text, answer) == question


def test_compression_drops_later_list_members_last() -> None:
    # over budget: adjuncts go first, then the later members of a list
    text = (
        "On Friday the mayor of the northern city opened the new bridge, the old covered "
        "market, the public library and the river museum in the town centre."
    )
    assert _ask_doc(text, "On Friday") == (
        "When did the mayor of the northern city open the new bridge?"
    )
    # a list the parser glued together ("wine and food festival") is kept whole
    text = (
        "The city has a beer, wine and food festival in the park each summer after the "
        "harvest ends in the northern valleys of the region."
    )
    assert _ask_doc(text, "in the park") == (
        "Where does the city have a beer, wine and food festival each summer?"
    )


def test_most_of_a_reported_clause_asks_for_the_whole_clause() -> None:
    # the words of the clause the answer leaves out go with it (no "conclude that in places?")
    assert (
        _ask_doc(
            "The inspectors concluded that the old wall was unsafe in places.",
            "the old wall was unsafe",
        )
        == "What did the inspectors conclude?"
    )


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # a whole clause as the answer: "What happened" with the time the answer leaves out
        ("In May 1990, the old bridge collapsed into the river.",
         "the old bridge collapsed into the river", "What happened in May 1990?"),
        ("The number of visitors has risen sharply since 2010.",
         "The number of visitors has risen sharply", "What has happened since 2010?"),
    ],
)  # fmt: skip
def test_whole_clause_answer_asks_what_happened(text: str, answer: str, question: str) -> None:
    assert _ask_doc(text, answer) == question

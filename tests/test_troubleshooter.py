"""The decision tree's reader and checks, without MkDocs: every way a tree can strand a reader."""

from __future__ import annotations

import copy

import pytest
import yaml

from signinhelp.problems import report
from signinhelp.topics.model import AUDIENCES
from signinhelp.troubleshooter.check import check_tree
from signinhelp.troubleshooter.model import Tree, page_uri, parse_tree, topic_trails, visits

LABEL = "docs/troubleshooter.yml"
TOPICS = {"forgot-root-password", "forgot-iam-password", "lost-mfa-device", "contact-aws-support"}

# A small sound tree: two questions share a follow-up, so it is reached along two paths.
GOOD = {
    "start": "what",
    "questions": {
        "what": {
            "question": "What's going wrong?",
            "hint": "Pick one.",
            "answers": [
                {"answer": "Password", "question": "who"},
                {"answer": "MFA", "question": "mfa"},
                {"answer": "Support", "topic": "contact-aws-support"},
            ],
        },
        "mfa": {
            "question": "Have you tried another device?",
            "hint": "Any device registered to you.",
            "answers": [
                {"answer": "Yes", "topic": "lost-mfa-device"},
                {"answer": "No device left", "question": "who"},
            ],
        },
        "who": {
            "question": "How did you sign in?",
            "hint": "What you typed.",
            "answers": [
                {"answer": "Email", "note": "root user", "topic": "forgot-root-password"},
                {"answer": "User name", "topic": "forgot-iam-password"},
            ],
            "not_sure": {"topic": "lost-mfa-device"},
        },
    },
}


def tree_data(**edits) -> dict:
    """A deep copy of GOOD with questions replaced, added, or (value None) removed."""
    data = copy.deepcopy(GOOD)
    for qid, question in edits.items():
        if question is None:
            del data["questions"][qid]
        else:
            data["questions"][qid] = question
    return data


def problems_of(data: dict | str, topics: set[str] = TOPICS) -> list[str]:
    """Every problem the reader and the checks find, one line each, as the build prints them."""
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    tree, found = parse_tree(text, LABEL)
    if tree:
        found = check_tree(tree, topics, LABEL)
    return report(found).splitlines()


def good_tree() -> Tree:
    tree, problems = parse_tree(yaml.safe_dump(GOOD), LABEL)
    assert problems == []
    return tree


def question(*answers: dict, **fields) -> dict:
    return {"question": "Which one?", "hint": "Choose.", "answers": list(answers), **fields}


# ---- Reading the file ----


def test_good_tree_has_no_problems() -> None:
    assert problems_of(GOOD) == []


def test_not_sure_is_the_last_answer_with_fixed_wording() -> None:
    answers = good_tree().questions["who"].answers
    assert [(a.text, a.not_sure) for a in answers] == [
        ("Email", False),
        ("User name", False),
        ("I'm not sure", True),
    ]
    assert answers[0].note == "root user"


def test_file_that_is_not_yaml() -> None:
    [line] = problems_of("start: what\nquestions: [\n")
    assert line.startswith(f"{LABEL}: file: is not valid YAML (")


def test_question_id_used_twice_is_refused_not_overwritten() -> None:
    text = yaml.safe_dump(GOOD, sort_keys=False)
    pasted_at = len(text.splitlines()) + 1
    text += "  who:\n    question: Again?\n    hint: x\n    answers: []\n"
    assert problems_of(text) == [
        f"{LABEL}: file: is not valid YAML ('who' appears twice at line {pasted_at})"
    ]


def test_unknown_fields_are_named() -> None:
    data = tree_data()
    data["questions"]["what"]["answers"][0]["topc"] = "x"
    data["questions"]["what"]["help"] = "x"
    assert problems_of(data) == [
        f"{LABEL}: questions.what.answers[1].topc: is not a known field "
        "(known: answer, note, for, question, topic)",
        f"{LABEL}: questions.what.help: is not a known field "
        "(known: question, hint, answers, not_sure)",
    ]


def test_answer_needs_exactly_one_destination() -> None:
    data = tree_data()
    data["questions"]["what"]["answers"][0]["topic"] = "lost-mfa-device"
    del data["questions"]["mfa"]["answers"][0]["topic"]
    assert problems_of(data) == [
        f"{LABEL}: questions.mfa.answers[1]: needs exactly one of question "
        "(the next question's id) or topic (a slug)",
        f"{LABEL}: questions.what.answers[1]: needs exactly one of question "
        "(the next question's id) or topic (a slug)",
    ]


def test_missing_question_text_and_hint() -> None:
    data = tree_data(who={"answers": GOOD["questions"]["who"]["answers"]})
    assert problems_of(data) == [
        f"{LABEL}: questions.who.hint: is required: non-empty text",
        f"{LABEL}: questions.who.question: is required: non-empty text",
    ]


@pytest.mark.parametrize(
    ("qid", "message"),
    [
        ("Who_Is", "the id must be lowercase words joined by hyphens (it becomes part of a URL)"),
        ("overview", "the id 'overview' is taken by the overview page; choose another"),
    ],
)
def test_question_ids_that_cannot_be_page_addresses(qid: str, message: str) -> None:
    data = tree_data(
        **{qid: question({"answer": "A", "topic": "x"}, {"answer": "B", "topic": "y"})}
    )
    assert f"{LABEL}: questions.{qid}: {message}" in problems_of(data)


def test_missing_start_and_questions() -> None:
    assert problems_of("title: troubleshooter\n") == [
        f"{LABEL}: questions: is required: a mapping of question id to question",
        f"{LABEL}: start: is required: the id of the first question",
        f"{LABEL}: title: is not a known field (known: start, questions)",
    ]


# ---- Checking the tree ----


def test_decision_with_fewer_than_two_answers() -> None:
    # "I'm not sure" is not a choice of its own: one answer plus it is still no decision.
    one = question({"answer": "Only", "topic": "forgot-iam-password"}, not_sure={"topic": "x"})
    data = tree_data(mfa=one)
    assert f"{LABEL}: questions.mfa.answers: has 1; give at least 2 (not counting not_sure)" in (
        problems_of(data)
    )


def test_decision_with_more_than_seven_answers() -> None:
    answers = [{"answer": f"Answer {n}", "topic": "lost-mfa-device"} for n in range(1, 8)]
    data = tree_data(mfa=question(*answers, not_sure={"question": "who"}))
    assert problems_of(data) == [
        f"{LABEL}: questions.mfa.answers: has 8 (counting not_sure); give at most 7 "
        "or split the question in two"
    ]


def test_answer_leading_to_a_question_that_does_not_exist() -> None:
    data = tree_data()
    data["questions"]["what"]["answers"][1]["question"] = "mfaa"
    assert f"{LABEL}: questions.what.answers[2].question: 'mfaa' is not a question id" in (
        problems_of(data)
    )


def test_answer_leading_to_a_topic_that_does_not_exist() -> None:
    data = tree_data()
    data["questions"]["who"]["not_sure"]["topic"] = "lost-mfa"
    assert problems_of(data) == [
        f"{LABEL}: questions.who.not_sure.topic: 'lost-mfa' is not a topic slug "
        "(no docs/topics/lost-mfa.md)"
    ]


def test_answer_can_land_on_a_section_of_its_topic() -> None:
    data = tree_data()
    data["questions"]["who"]["answers"][0]["topic"] = "forgot-root-password#root-user"
    tree, problems = parse_tree(yaml.safe_dump(data), LABEL)
    assert problems == [] and check_tree(tree, TOPICS, LABEL) == []
    answer = tree.questions["who"].answers[0]
    assert (answer.topic, answer.section) == ("forgot-root-password", "root-user")


def test_answer_can_say_which_kinds_of_user_give_it() -> None:
    data = tree_data()
    data["questions"]["who"]["answers"][0]["for"] = "root"
    data["questions"]["who"]["answers"][1]["for"] = ["iam", "identity-center"]
    tree, problems = parse_tree(yaml.safe_dump(data), LABEL)
    assert problems == [] and check_tree(tree, TOPICS, LABEL) == []
    assert [a.readers for a in tree.questions["who"].answers] == [
        ("root",),
        ("iam", "identity-center"),
        (),  # "I'm not sure", and any answer without `for`: every reader's
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("iam-user", "'iam-user' is not one of " + ", ".join(AUDIENCES)),
        (["root", "sso"], "'sso' is not one of " + ", ".join(AUDIENCES)),
        ([], "is empty; list at least one of " + ", ".join(AUDIENCES) + ", or leave it out"),
        ({"iam": True}, "must be a list of non-empty text items"),
    ],
)
def test_answer_for_a_kind_of_user_that_does_not_exist(value: object, message: str) -> None:
    data = tree_data()
    data["questions"]["who"]["answers"][1]["for"] = value
    assert problems_of(data) == [f"{LABEL}: questions.who.answers[2].for: {message}"]


@pytest.mark.parametrize("target", ["lost-mfa-device#", "lost-mfa-device#Root User", "#root"])
def test_section_that_is_not_a_heading_id(target: str) -> None:
    data = tree_data()
    data["questions"]["who"]["answers"][0]["topic"] = target
    assert problems_of(data) == [
        f"{LABEL}: questions.who.answers[1].topic: '{target}': give a topic slug, and after # a "
        "heading id in that topic if you like, such as lost-mfa-device#root-user"
    ]


def test_start_that_is_not_a_question() -> None:
    data = tree_data()
    data["start"] = "begin"
    assert problems_of(data) == [f"{LABEL}: start: 'begin' is not a question id"]


def test_cycle() -> None:
    data = tree_data()
    data["questions"]["who"]["answers"][1] = {"answer": "User name", "question": "mfa"}
    assert problems_of(data) == [
        # Named where a reader from the start meets it: what -> who -> mfa, then back to who.
        f"{LABEL}: questions.mfa.answers[2].question: leads back to an earlier question, "
        "a circle: who -> mfa -> who; every path must end at a topic",
        f"{LABEL}: topic 'forgot-iam-password': can't be reached from question 'what'; "
        "add an answer with topic: forgot-iam-password",
    ]


def test_answer_leading_back_to_its_own_question() -> None:
    data = tree_data()
    data["questions"]["mfa"]["answers"][1]["question"] = "mfa"
    assert (
        f"{LABEL}: questions.mfa.answers[2].question: leads back to an earlier question, "
        "a circle: mfa -> mfa; every path must end at a topic"
    ) in problems_of(data)


def test_topic_nobody_can_reach() -> None:
    assert problems_of(GOOD, TOPICS | {"suspended-account"}) == [
        f"{LABEL}: topic 'suspended-account': can't be reached from question 'what'; "
        "add an answer with topic: suspended-account"
    ]


def test_question_nobody_is_asked() -> None:
    data = tree_data(orphan=question({"answer": "A", "topic": "x"}, {"answer": "B", "topic": "y"}))
    assert f"{LABEL}: questions.orphan: is never asked: no answer from 'what' leads to it" in (
        problems_of(data, TOPICS | {"x", "y"})
    )


def test_topic_more_than_four_questions_deep() -> None:
    # what -> mfa -> who is fine; two more questions before a topic is one too many.
    data = tree_data(
        deep1=question({"answer": "A", "question": "deep2"}, {"answer": "B", "topic": "x"}),
        deep2=question({"answer": "A", "topic": "x"}, {"answer": "B", "topic": "y"}),
    )
    data["questions"]["who"]["answers"][1] = {"answer": "User name", "question": "deep1"}
    data["questions"]["what"]["answers"].append({"answer": "IAM", "topic": "forgot-iam-password"})
    assert problems_of(data, TOPICS | {"x", "y"}) == [
        f"{LABEL}: topic 'x': is 5 questions deep (what -> mfa -> who -> deep1 -> deep2); "
        "at most 4: lead to it from a question nearer the start",
        f"{LABEL}: topic 'y': is 5 questions deep (what -> mfa -> who -> deep1 -> deep2); "
        "at most 4: lead to it from a question nearer the start",
    ]


def test_four_questions_deep_is_allowed() -> None:
    data = tree_data(
        deep=question(
            {"answer": "A", "topic": "x"}, {"answer": "B", "topic": "forgot-iam-password"}
        ),
    )
    data["questions"]["who"]["answers"][1] = {"answer": "User name", "question": "deep"}
    assert problems_of(data, TOPICS | {"x"}) == []


def test_two_answers_to_the_same_next_question() -> None:
    data = tree_data()
    data["questions"]["what"]["answers"][2] = {"answer": "Other", "question": "who"}
    assert problems_of(data, TOPICS - {"contact-aws-support"}) == [
        f"{LABEL}: questions.what.answers[3]: leads to question 'who' like "
        "questions.what.answers[1]; merge the two answers"
    ]


def test_two_answers_with_the_same_text() -> None:
    data = tree_data()
    data["questions"]["who"]["answers"][1]["answer"] = "email"
    assert problems_of(data) == [
        f"{LABEL}: questions.who.answers[2]: repeats the answer of questions.who.answers[1]"
    ]


# ---- Paths through the tree ----


def test_one_page_per_path_so_each_breadcrumb_is_exact() -> None:
    pages = {visit.src_uri: visit for visit in visits(good_tree())}
    assert sorted(pages) == [
        "troubleshooter/index.md",
        "troubleshooter/mfa/index.md",
        "troubleshooter/mfa/who/index.md",
        "troubleshooter/who/index.md",
    ]
    trail = pages["troubleshooter/mfa/who/index.md"].trail
    assert [step.answer.text for step in trail] == ["MFA", "No device left"]


def test_topic_trails_are_every_path_shortest_first() -> None:
    trails = topic_trails(good_tree())
    # Equally short trails keep the order of the answers on the pages.
    assert [[s.answer.text for s in t] for t in trails["lost-mfa-device"]] == [
        ["Password", "I'm not sure"],
        ["MFA", "Yes"],
        ["MFA", "No device left", "I'm not sure"],
    ]
    assert set(trails) == TOPICS


def test_page_uri_of_the_start() -> None:
    assert page_uri(()) == "troubleshooter/index.md"

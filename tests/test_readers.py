"""An organization's edition, without MkDocs: which topics, answers and links its readers get."""

from __future__ import annotations

import datetime

import yaml

from signinhelp.problems import report
from signinhelp.readers.edition import edition
from signinhelp.readers.links import unlink, without_pages
from signinhelp.readers.topics import for_readers
from signinhelp.readers.tree import prune_tree
from signinhelp.site import load_site, report_parts
from signinhelp.topics.model import AUDIENCES as USER_TYPES
from signinhelp.topics.model import TopicIndex
from signinhelp.troubleshooter.check import check_tree
from signinhelp.troubleshooter.model import Tree, parse_tree, topic_trails, visits
from signinhelp.values import ErrorMessage
from tests.support.sites import GOOD_TOPIC, make_topic

LABEL = "docs/troubleshooter.yml"
ORG = frozenset({"root", "identity-center"})
ALL_READERS = frozenset(USER_TYPES)
TODAY = datetime.date(2026, 6, 1)

# The shape of the real tree: a question per kind of user, and one they share.
TREE = """\
start: what
questions:
  what:
    question: What's going wrong?
    hint: Pick one.
    answers:
      - {answer: I can't sign in, question: who}
      - {answer: I need AWS Support, topic: support}
  who:
    question: How did you sign in?
    hint: What you typed.
    answers:
      - {answer: With an email address, note: root user, question: root}
      - {answer: With a user name, note: IAM user, question: iam}
      - {answer: With a Builder ID, question: builder}
    not_sure: {topic: support}
  root:
    question: What happens?
    hint: As the root user.
    answers:
      - {answer: Forgot it, topic: forgot-root}
      - {answer: Lost the device, topic: "lost-mfa#root-user"}
  iam:
    question: What happens as an IAM user?
    hint: With a user name.
    answers:
      - {answer: Forgot it, topic: forgot-iam}
      - {answer: Lost the device, topic: "lost-mfa#iam-user"}
  builder:
    question: What happens with your Builder ID?
    hint: A personal profile.
    answers:
      - {answer: Can't sign in, topic: builder-id}
      - {answer: Email in use, topic: "builder-id#email-in-use"}
    not_sure: {topic: support}
"""
AUDIENCES = {
    "support": ("root", "iam", "identity-center", "builder-id"),
    "forgot-root": ("root",),
    "forgot-iam": ("iam",),
    "lost-mfa": ("root", "iam", "identity-center"),
    "builder-id": ("builder-id",),
}


def the_tree() -> Tree:
    tree, problems = parse_tree(TREE, LABEL)
    assert tree and not problems
    assert check_tree(tree, AUDIENCES, LABEL) == []
    return tree


def the_index() -> TopicIndex:
    return TopicIndex(
        {slug: make_topic(slug, audience=audience) for slug, audience in AUDIENCES.items()}
    )


def answers(tree: Tree, qid: str) -> list[tuple[str, str]]:
    """Each answer of a question and where it leads: a question id, or topic#section."""
    return [
        (a.text, a.question or f"{a.topic}#{a.section}".rstrip("#"))
        for a in tree.questions[qid].answers
    ]


def test_a_topic_stays_when_any_of_its_readers_is_the_organizations() -> None:
    index = for_readers(the_index(), ORG)
    assert sorted(index.topics) == ["forgot-root", "lost-mfa", "support"]
    # Its header and the home page's groups name only the organization's readers.
    assert index.topics["lost-mfa"].audience == ("root", "identity-center")


def test_related_topics_and_messages_for_left_out_readers_go_with_them() -> None:
    topic = make_topic(
        "lost-mfa",
        audience=("root", "iam"),
        related=("forgot-iam", "forgot-root"),
        errors=(
            ErrorMessage("Everyone sees this"),
            ErrorMessage("Only IAM users see this", ("iam",)),
            ErrorMessage("Both see this", ("root", "iam")),
        ),
    )
    index = TopicIndex(
        {
            "lost-mfa": topic,
            "forgot-iam": make_topic("forgot-iam", audience=("iam",)),
            "forgot-root": make_topic("forgot-root"),
        }
    )
    kept = for_readers(index, ORG).topics["lost-mfa"]
    assert kept.related == ("forgot-root",)
    assert kept.errors == (
        ErrorMessage("Everyone sees this"),
        ErrorMessage("Both see this", ("root",)),
    )


def test_answers_to_left_out_topics_disappear_and_a_question_left_with_none_goes_too() -> None:
    pruned = prune_tree(the_tree(), for_readers(the_index(), ORG).topics, ORG)
    assert pruned is not None
    # The Builder ID question lost both answers; "I'm not sure" alone is no decision.
    assert "builder" not in pruned.questions
    assert "With a Builder ID" not in [text for text, _ in answers(pruned, "who")]


def test_a_question_left_with_one_answer_is_skipped() -> None:
    pruned = prune_tree(the_tree(), for_readers(the_index(), ORG).topics, ORG)
    assert pruned is not None
    # "iam" kept one answer (lost-mfa#iam-user): the answers that asked it lead there now.
    assert "iam" not in pruned.questions
    assert answers(pruned, "who") == [
        ("With an email address", "root"),
        ("With a user name", "lost-mfa#iam-user"),
        ("I'm not sure", "support"),
    ]
    # The reader's note stays with the words they chose.
    assert pruned.questions["who"].answers[1].note == "IAM user"
    assert check_tree(pruned, ["forgot-root", "lost-mfa", "support"], LABEL) == []


def test_a_start_question_left_with_one_answer_gives_way_to_the_next_question() -> None:
    # Without support, "what" keeps only "who": the troubleshooter starts there.
    slugs = {"forgot-root", "lost-mfa"}
    pruned = prune_tree(the_tree(), slugs, ORG)
    assert pruned is not None
    assert pruned.start == "who"
    assert list(pruned.questions) == ["who", "root"]
    assert check_tree(pruned, slugs, LABEL) == []


def test_answers_only_other_kinds_of_user_give_go_before_the_rest_is_pruned() -> None:
    tree, _ = parse_tree(
        TREE.replace(
            "{answer: With a user name, note: IAM user, question: iam}",
            "{answer: With a user name, note: IAM user, for: iam, question: iam}",
        ).replace(
            "{answer: With an email address, note: root user, question: root}",
            "{answer: With an email address, note: root user, for: [root, iam], question: root}",
        ),
        LABEL,
    )
    assert tree is not None
    made, problems = edition(the_index(), tree, ORG, LABEL)
    assert problems == []
    assert made is not None and made.tree is not None
    # The IAM user's answer went, though its question led to a kept topic (lost-mfa): "who"
    # is left with one answer, so "I can't sign in" leads straight to the root user's question.
    assert answers(made.tree, "what") == [
        ("I can't sign in", "root"),
        ("I need AWS Support", "support"),
    ]
    assert list(made.tree.questions) == ["what", "root"]
    # Where every organization has IAM users, nothing changes.
    assert prune_tree(tree, AUDIENCES, ALL_READERS) == tree


def test_not_sure_now_leading_where_an_answer_leads_goes() -> None:
    # Only Builder ID readers: both ways of finding out which user you are end at "builder".
    tree, _ = parse_tree(
        """start: what
questions:
  what:
    question: What's going wrong?
    hint: Pick one.
    answers:
      - {answer: I can't sign in, question: who}
      - {answer: I need AWS Support, topic: support}
    not_sure: {question: find-out}
  who:
    question: How did you sign in?
    hint: What you typed.
    answers:
      - {answer: With an email address, for: root, topic: forgot-root}
      - {answer: With a Builder ID, for: builder-id, question: builder}
  find-out:
    question: Which of these can you find?
    hint: Look in your email.
    answers:
      - {answer: I chose Root user, for: root, topic: forgot-root}
      - {answer: A tool such as Kiro, for: builder-id, question: builder}
      - {answer: None of these, topic: forgot-root}
  builder:
    question: What happens with your Builder ID?
    hint: A personal profile.
    answers:
      - {answer: Can't sign in, topic: builder-id}
      - {answer: Email in use, topic: "builder-id#email-in-use"}
""",
        LABEL,
    )
    assert tree is not None
    made, problems = edition(the_index(), tree, frozenset({"builder-id"}), LABEL)
    assert problems == []
    assert made is not None and made.tree is not None
    assert answers(made.tree, "what") == [
        ("I can't sign in", "builder"),
        ("I need AWS Support", "support"),
    ]


def test_no_question_left_means_no_tree() -> None:
    assert prune_tree(the_tree(), {"support"}, ORG) is None


def test_the_smaller_tree_has_one_page_per_path_and_trails_for_every_kept_topic() -> None:
    pruned = prune_tree(the_tree(), {"support", "forgot-root", "lost-mfa"}, ORG)
    assert pruned is not None
    assert [v.src_uri for v in visits(pruned)] == [
        "troubleshooter/index.md",
        "troubleshooter/who/index.md",
        "troubleshooter/who/root/index.md",
    ]
    assert sorted(topic_trails(pruned)) == ["forgot-root", "lost-mfa", "support"]


def test_a_public_tree_is_unchanged_when_every_topic_stays() -> None:
    tree = the_tree()
    assert prune_tree(tree, AUDIENCES, ALL_READERS) == tree


def test_the_edition_fails_with_the_checks_when_the_smaller_tree_is_unsound() -> None:
    # Both questions keep one answer, so both answers of "what" now lead to "shared".
    tree, _ = parse_tree(
        """\
start: what
questions:
  what:
    question: What's going wrong?
    hint: Pick one.
    answers:
      - {answer: Password, question: password}
      - {answer: MFA, question: mfa}
      - {answer: Support, topic: support}
  password:
    question: Which password?
    hint: Pick one.
    answers:
      - {answer: Root, question: shared}
      - {answer: IAM, topic: forgot-iam}
  mfa:
    question: Which device?
    hint: Pick one.
    answers:
      - {answer: Root, question: shared}
      - {answer: Builder ID, topic: builder-id}
  shared:
    question: Anything else?
    hint: Pick one.
    answers:
      - {answer: Forgot it, topic: forgot-root}
      - {answer: Lost it, topic: lost-mfa}
""",
        LABEL,
    )
    assert tree is not None
    made, problems = edition(the_index(), tree, ORG, LABEL)
    assert made is None
    assert report(problems) == (
        f"{LABEL}: questions.what.answers[2]: leads to question 'shared' like "
        "questions.what.answers[1]; merge the two answers"
    )


def test_the_edition_names_the_topics_it_leaves_out() -> None:
    made, problems = edition(the_index(), the_tree(), ORG, LABEL)
    assert problems == []
    assert made is not None
    assert made.left_out == {
        "topics/forgot-iam.md",
        "topics/builder-id.md",
    }


def test_a_link_to_a_left_out_topic_keeps_its_words() -> None:
    markdown = (
        "IAM users can't: see [I forgot my IAM user password](forgot-iam.md).\n"
        "Not sure? See [who administers it](forgot-iam.md#who-administers).\n"
        "Root users: [I forgot my root password](forgot-root.md), "
        "[AWS](https://docs.aws.amazon.com/forgot-iam.md).\n"
        "```markdown\n[kept in code](forgot-iam.md)\n```\n"
    )
    assert unlink(markdown, "topics/lost-mfa.md", {"topics/forgot-iam.md"}) == (
        "IAM users can't: see I forgot my IAM user password.\n"
        "Not sure? See who administers it.\n"
        "Root users: [I forgot my root password](forgot-root.md), "
        "[AWS](https://docs.aws.amazon.com/forgot-iam.md).\n"
        "```markdown\n[kept in code](forgot-iam.md)\n```\n"
    )


def test_a_link_from_another_folder_and_across_lines_is_found() -> None:
    markdown = "(see\n[I forgot my IAM\nuser password](../../topics/forgot-iam.md){ .x }). Next"
    assert unlink(markdown, "admin/policies/index.md", {"topics/forgot-iam.md"}) == (
        "(see\nI forgot my IAM\nuser password). Next"
    )


def test_the_menu_loses_left_out_pages_and_the_sections_they_empty() -> None:
    nav = [
        {"Home": "index.md"},
        {"Passwords": ["topics/forgot-root.md", "topics/forgot-iam.md"]},
        {"Builder ID": ["topics/builder-id.md"]},
        "topics/lost-mfa.md",
    ]
    assert without_pages(nav, {"topics/forgot-iam.md", "topics/builder-id.md"}) == [
        {"Home": "index.md"},
        {"Passwords": ["topics/forgot-root.md"]},
        "topics/lost-mfa.md",
    ]




def test_the_site_model_is_the_editions_and_reports_a_troubleshooter_left_empty() -> None:
    tree = yaml.safe_load(TREE)
    sources = {
        "troubleshooter.yml": yaml.safe_dump(tree).encode(),
        **{
            f"topics/{slug}.md": GOOD_TOPIC.replace(
                "audience: [root]", f"audience: [{', '.join(audience)}]"
            )
            .replace("I forgot my password", slug)
            .encode()
            for slug, audience in AUDIENCES.items()
        },
    }
    model, problems = load_site(sources, lambda uri: f"docs/{uri}", TODAY, ORG)
    assert problems == {}
    assert model is not None
    assert sorted(model.topics.topics) == ["forgot-root", "lost-mfa", "support"]
    assert model.left_out == {"topics/forgot-iam.md", "topics/builder-id.md"}
    assert sorted(model.trails) == ["forgot-root", "lost-mfa", "support"]

    model, problems = load_site(sources, lambda uri: f"docs/{uri}", TODAY, frozenset({"federated"}))
    assert model is None
    assert report_parts(problems) == (
        "1 problem(s) in the guided troubleshooter, for the organization's user types only:\n"
        "docs/troubleshooter.yml: questions: no question is left for the user types federated"
    )

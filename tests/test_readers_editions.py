"""The project's own troubleshooter, pruned for every organization: no reader left stranded.

An organization lists any of the six kinds of user, so its edition's tree is checked here for
each kind alone, each pair and Example Corp's, without MkDocs: every topic the edition keeps
is reachable, no path is deeper than the whole tree allows, and no answer leads nowhere. A
failure here is fixed in docs/troubleshooter.yml or a topic's audience, not in this test.
"""

from __future__ import annotations

import datetime
import itertools

import pytest
import yaml

from signinhelp.problems import report
from signinhelp.readers.edition import edition
from signinhelp.site import SiteModel, load_site
from signinhelp.topics.model import AUDIENCES
from signinhelp.troubleshooter.model import topic_trails, visits
from sitetools.paths import ROOT

DOCS = ROOT / "docs"
LABEL = "docs/troubleshooter.yml"
EXAMPLE_CORP = frozenset(
    yaml.safe_load((ROOT / "examples" / "example-corp" / "mkdocs.yml").read_text())["extra"][
        "organization"
    ]["user_types"]
)
ORGANIZATIONS = [
    *(frozenset({kind}) for kind in AUDIENCES),
    *(frozenset(pair) for pair in itertools.combinations(AUDIENCES, 2)),
    EXAMPLE_CORP,
]


@pytest.fixture(scope="module")
def public() -> SiteModel:
    """The public edition's topics and tree, read from docs/ as the build reads them."""
    paths = [*DOCS.glob("topics/*.md"), DOCS / "troubleshooter.yml"]
    sources = {path.relative_to(DOCS).as_posix(): path.read_bytes() for path in paths}
    model, problems = load_site(sources, lambda uri: f"docs/{uri}", datetime.date.today())
    assert problems == {}
    assert model is not None and model.tree is not None
    return model


@pytest.mark.parametrize("readers", ORGANIZATIONS, ids=lambda r: "+".join(sorted(r)))
def test_every_kept_topic_is_reachable_and_the_checks_hold(
    public: SiteModel, readers: frozenset[str]
) -> None:
    assert public.tree is not None
    made, problems = edition(public.topics, public.tree, readers, LABEL)
    assert report(problems) == ""
    assert made is not None and made.tree is not None
    assert sorted(topic_trails(made.tree)) == sorted(made.topics.topics)
    # No answer only other kinds of user give is left on any page.
    offered = [a for visit in visits(made.tree) for a in visit.question.answers]
    assert [a.text for a in offered if a.readers and not set(a.readers) & readers] == []


def test_example_corp_is_asked_nothing_for_iam_users_or_builder_id(public: SiteModel) -> None:
    assert public.tree is not None
    made, _ = edition(public.topics, public.tree, EXAMPLE_CORP, LABEL)
    assert made is not None and made.tree is not None
    assert not {"iam-user", "builder-id"} & set(made.tree.questions)
    # Each kind of user Example Corp has still says how they signed in.
    sign_in = made.tree.questions["how-you-sign-in"]
    assert [a.readers for a in sign_in.answers if not a.not_sure] == [
        ("root",),
        ("identity-center",),
        ("federated",),
    ]

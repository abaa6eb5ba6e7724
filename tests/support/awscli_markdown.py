"""Find code in a Markdown page, and the `aws ...` commands in that code.

Pages show AWS CLI commands in fenced code blocks (to paste) and in inline code (to name a
command in a sentence). Both are read from the Markdown source, so a problem can be reported
with the line an author has to edit.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from signinhelp.fences import blocks
from signinhelp.problems import Problem, source_label

# An inline code span: a run of backticks, then anything but a blank line, then the same run.
_INLINE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_TITLE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)')""")
# Only lines where "aws" starts a word followed by a space can hold a command; JSON output,
# ARNs ("arn:aws:...") and condition keys ("aws:SourceIp") never match.
_AWS_CALL = re.compile(r"(?:^|[\s|;&(])aws\s")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_OPERATOR_CHARS = set("|&;()<>")


@dataclass(frozen=True)
class Code:
    """One piece of code in a page: a fenced block, or an inline span in running text."""

    line: int
    text: str
    block: bool
    info: str = ""

    @property
    def language(self) -> str:
        """The fence's language, such as "bash" or "json"; empty for inline code."""
        return self.info.split()[0] if self.info.split() else ""

    @property
    def title(self) -> str:
        """The fence's title="..." attribute: the file name a reader saves the block as."""
        match = _TITLE.search(self.info)
        return (match.group(1) or match.group(2)) if match else ""


@dataclass(frozen=True)
class AwsCommand:
    """An `aws` invocation as shell words, without the leading "aws".

    ``complete`` is True for commands in code blocks, which readers paste and run as they are,
    and False for commands named in a sentence, which may leave out their parameters.
    """

    words: tuple[str, ...]
    line: int
    complete: bool

    def __str__(self) -> str:
        return shlex.join(("aws", *self.words))


def code_in_markdown(markdown: str) -> list[Code]:
    """Every fenced block and inline code span of a page, in page order, with its line."""
    lines = markdown.split("\n")
    skip = _after_front_matter(lines)
    codes: list[Code] = []
    for block in blocks("\n".join(lines[skip:])):
        first = skip + block.line
        if block.fence:
            codes.append(Code(first + 2, "\n".join(block.body), True, block.info))
        else:
            codes += _inline_code([line.rstrip("\r\n") for line in block.lines], first + 1)
    return codes


def code_in_pages(docs_dir: Path, project_dir: Path) -> list[tuple[str, Code]]:
    """The code of every Markdown page under docs_dir, each with the label that names its file."""
    return [
        (source_label(str(project_dir), str(docs_dir), path.relative_to(docs_dir).as_posix()), code)
        for path in sorted(docs_dir.rglob("*.md"))
        for code in code_in_markdown(path.read_text(encoding="utf-8"))
    ]


def aws_commands(code: Code, label: str) -> tuple[list[AwsCommand], list[Problem]]:
    """The `aws` commands in one piece of code, and a problem for each line that shell syntax
    can't split into words (an unclosed quote, say): that line would fail for a reader too."""
    commands: list[AwsCommand] = []
    problems: list[Problem] = []
    for line, text in _logical_lines(code):
        if not _AWS_CALL.search(text):
            continue
        try:
            tokens = _shell_words(text)
        except ValueError as error:
            problems.append(Problem(label, f"line {line}", f"can't be split into words ({error})"))
            continue
        for words in _simple_commands(tokens):
            if words[:1] == ["aws"]:
                commands.append(AwsCommand(tuple(words[1:]), line, code.block))
    return commands, problems


def _after_front_matter(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], 1):
            if line.strip() == "---":
                return number + 1
    return 0


def _inline_code(lines: list[str], first_line: int) -> list[Code]:
    text = "\n".join(lines)
    codes = []
    for match in _INLINE.finditer(text):
        content = match.group(2).replace("\n", " ")
        # As in CommonMark, one space padding both ends is not part of the code.
        if len(content) > 2 and content[0] == content[-1] == " ":
            content = content[1:-1]
        codes.append(Code(first_line + text.count("\n", 0, match.start()), content, False))
    return codes


def _logical_lines(code: Code) -> list[tuple[int, str]]:
    """Join lines ending in a backslash, as the shell does, and drop a leading "$ " prompt."""
    if not code.block:
        return [(code.line, code.text)]
    logical: list[tuple[int, str]] = []
    pending: list[str] = []
    start = code.line
    for number, line in enumerate(code.text.split("\n"), code.line):
        if not pending:
            start = number
            line = line.lstrip()
            line = line[2:] if line.startswith("$ ") else line
        if line.rstrip().endswith("\\"):
            pending.append(line.rstrip()[:-1])
            continue
        logical.append((start, " ".join([*pending, line])))
        pending = []
    if pending:
        logical.append((start, " ".join(pending)))
    return logical


def _shell_words(text: str) -> list[str]:
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    return list(lexer)


def _simple_commands(tokens: list[str]) -> list[list[str]]:
    """Split at pipes, `&&`, `;` and redirections; drop leading VAR=value assignments."""
    commands: list[list[str]] = [[]]
    for token in tokens:
        if set(token) <= _OPERATOR_CHARS:
            commands.append([])
        elif commands[-1] or not _ASSIGNMENT.match(token):
            commands[-1].append(token)
    return [words for words in commands if words]

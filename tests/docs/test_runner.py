"""The docs-example runner reads pages the way the convention says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs import _examples

PAGE = """---
docs_test:
  extend_schema: "extend type FolderAttribType { shotCode: String }"
---
# Title

```python
x = 1
```

```graphql title="queries/shots.graphql"
query Q { me { name } }
```

1. In a list:

    ```console
    $ ayon-gql check
    Checked 1 operations
    $ ayon-gql schema diff a.graphql \\
        b.graphql  # exit 1
    ```

```py
not_run()
```
"""


def test_blocks_titles_and_lines() -> None:
    found = list(_examples.blocks(PAGE))
    assert [(b.language, b.title, b.line, b.runs) for b in found] == [
        ("python", None, 8, True),
        ("graphql", "queries/shots.graphql", 12, True),
        ("console", None, 18, True),
        ("py", None, 25, False),
    ]
    assert found[1].text == "query Q { me { name } }\n"
    assert found[2].text.startswith("$ ayon-gql check\nChecked")


def test_console_lines_statuses_and_continuations() -> None:
    console = list(_examples.blocks(PAGE))[2]
    assert list(_examples.commands(console)) == [
        _examples.Command("ayon-gql check", 0, 18),
        _examples.Command("ayon-gql schema diff a.graphql  b.graphql", 1, 20),
    ]


def test_front_matter() -> None:
    meta = _examples.front_matter(PAGE)
    assert meta["docs_test"]["extend_schema"].startswith("extend type FolderAttribType")
    assert _examples.front_matter("# no front matter\n") == {}


def test_a_failing_example_names_page_and_line(tmp_path: Path) -> None:
    block = _examples.Block("python", None, "x = 1\nraise ValueError('boom')\n", 7)
    with pytest.raises(ValueError, match="boom") as raised:
        _examples.run_python("docs/page.md", block, {})
    assert (str(raised.traceback[-1].path), raised.traceback[-1].lineno + 1) == ("docs/page.md", 8)
    command = _examples.Command("exit 3", 0, 12)
    with pytest.raises(AssertionError, match=r"docs/page.md:12: `exit 3` exited 3, expected 0"):
        _examples.run_command("docs/page.md", command, tmp_path)
    _examples.run_command("docs/page.md", _examples.Command("exit 3", 3, 12), tmp_path)


def test_titled_blocks_stay_in_the_folder(tmp_path: Path) -> None:
    _examples.write_file(tmp_path, _examples.Block("toml", "a/b.toml", "x = 1\n", 1))
    assert (tmp_path / "a" / "b.toml").read_text() == "x = 1\n"
    with pytest.raises(AssertionError, match="leaves the folder"):
        _examples.write_file(tmp_path, _examples.Block("toml", "../x.toml", "", 3))

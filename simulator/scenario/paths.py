"""Naming a place in a scenario (or round) file the way a trainer would: by id or title, counting from one.

A data path such as `('story', 0, 'unlocked_by', 1)` is how code finds a value; a trainer
reading an error wants `story item 'vision' (1st), unlocked_by (2nd)`. Items of a list of
records are named by their id when they have one (`hot button 'audit' (2nd)`), otherwise
by their number and the start of their title or text (`goal 3 'Hear what kind of nurse...'`);
items of a list of words by their place (`words (2nd)`). The data is the raw YAML data, so a
path is named even when the schema refused the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from simulator.text import strip_control

DataPath = tuple[str | int, ...]
"""Where a value stands in a file's data: mapping keys and list indices, outermost first."""

ITEM_NOUNS = {
    "story": "story item",
    "goals": "goal",
    "tests": "test conversation",
    "hot_buttons": "hot button",
    "more_replies": "reply",
    "first_replies": "first reaction",
    "tellings": "telling",
    "topics": "topic",
}
"""What one item of each list of records is called; replies under `replies:` are each a 'reply'."""

TITLE_KEYS = ("name", "text", "title")
"""Keys whose value identifies a record that has no id, in the order they are tried."""

TITLE_CHARS = 32
"""Titles are cut to about this many characters (at a word) so one error stays on one line."""


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st."""
    teens = 10 <= number % 100 <= 20
    return f"{number}{'th' if teens else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def short_title(text: str) -> str:
    """The start of a title or text, cut at a word and quoted, for naming the record it belongs to."""
    flat = " ".join(strip_control(text).split())
    if len(flat) > TITLE_CHARS:
        cut = flat[: TITLE_CHARS + 1].rsplit(" ", 1)[0] if " " in flat[:TITLE_CHARS] else flat[:TITLE_CHARS]
        flat = cut.rstrip(" ,.;:") + "..."
    return f"'{flat}'"


def _item_phrase(noun: str, number: int, item: Any) -> str:
    if isinstance(item, Mapping):
        item_id = item.get("id")
        if isinstance(item_id, str | int) and not isinstance(item_id, bool) and str(item_id).strip():
            return f"{noun} {short_title(str(item_id))} ({ordinal(number)})"
        for key in TITLE_KEYS:
            title = item.get(key)
            if isinstance(title, str) and title.strip():
                return f"{noun} {number} {short_title(title)}"
    return f"{noun} {number}"


def describe_path(path: DataPath, data: Any = None) -> str:
    """`path` in words, e.g. `goal 3 'Hear what kind of nurse...', reveal`; `(top level)` for the root."""
    segments: list[str] = []
    keys: list[str] = []
    node = data
    for part in path:
        if isinstance(part, int) and keys:
            item = _child(node, part)
            list_key = keys[-1]
            number = part + 1
            if list_key in ITEM_NOUNS:
                keys.pop()
                if list_key == "hot_buttons" and keys == ["coachee"]:
                    keys.clear()  # 'hot button' says whose: the coachee is the only one with buttons
                phrase = _item_phrase(ITEM_NOUNS[list_key], number, item)
            elif keys[0] == "replies" and isinstance(item, Mapping):
                phrase = _item_phrase("reply", number, item)
            elif isinstance(item, Mapping):
                keys.pop()
                phrase = _item_phrase(f"{list_key} item", number, item)
            else:
                keys.pop()
                phrase = f"{list_key} ({ordinal(number)})"
            if keys:
                segments.append(".".join(keys))
                keys = []
            segments.append(phrase)
        else:
            keys.append(str(part))
        node = _child(node, part)
    if keys:
        segments.append(".".join(keys))
    return ", ".join(segments) or "(top level)"


def _child(node: Any, part: str | int) -> Any:
    if isinstance(part, int) and isinstance(node, Sequence) and not isinstance(node, str):
        return node[part] if -len(node) <= part < len(node) else None
    if isinstance(node, Mapping):
        return node.get(part)
    return None

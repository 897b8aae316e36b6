"""Hypothesis strategies shared by the test modules."""

from hypothesis import strategies as st

from simulator.scenario.model import Persona
from simulator.vocabulary import Attractor, Focus, Form, Move

ESCAPES = ["\x1b[2J", "\x1b[31m", "\x1b]0;title\x07", "\x9b1;1H", "\x00", "\r", "\t", "\u202e", "\x1bc"]

COMPLIANCE_LINES = [
    "Did you finish your charting yesterday?",
    "You need to get this sorted by Friday.",
    "Why didn't you ask for help?",
    "You should just make a checklist and stick to it.",
    "Have you done what we agreed last time?",
    "Honestly, that's not good enough.",
    "Why are you always behind?",
    "Have you tried just working faster?",
    "I'm going to need you to improve this.",
    "The numbers don't lie. You're behind.",
]

COMPASSION_LINES = [
    "What would make this conversation worthwhile for you?",
    "It sounds like the last few weeks have been exhausting.",
    "What matters most to you in this work?",
    "If things were going really well two years from now, what would you be doing?",
    "Tell me about a time you were at your best.",
    "It's your call what we focus on.",
    "You care a great deal about the people you look after.",
    "Which small step would you most like to try first?",
]

REPAIRED_START = [
    "Grace, your notes are late again and the audit is next week.",
    "You need to get them done before you go home, every shift.",
    "Sorry. That came out all wrong, and it isn't why I asked to see you.",
    "Can we start again? How are you doing, honestly?",
    "That sounds exhausting, carrying bay three and the students at once.",
    "What do you love most about nursing?",
    "If the next year went really well for you, what would it look like?",
    "You light up when you talk about teaching.",
    "What matters most to you in that picture?",
    "Where are things now, compared with that?",
    "What would you like to try first? It's your call.",
]
"""A bad start with Grace, owned and repaired, that asks after her vision and values but never hears
the vision: the kind of conversation the coachee's day moves most."""

trainee_text = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES, *ESCAPES, "🙂", "日本語の文", "   "])
    ).map(" ".join),
    st.just("x" * 10_000),
    st.just(""),
)

trainee_names = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=3, max_size=40)
    .map(lambda name: " ".join(name.split()))
    .filter(lambda name: len(name) >= 3)
)
"""Names as a trainee might give them once cleaned (`round_file.trainee_name`): any script, single spaces."""

coaching_lines = st.lists(st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES]), min_size=1, max_size=8)
"""A short conversation's trainee lines, warm and cold mixed."""

moves = st.builds(
    Move, form=st.sampled_from(Form), focus=st.sampled_from(Focus), attractor=st.sampled_from(Attractor)
)

# --- conversations to score (the scorecard's consistency) ----------------------------------

STOCK_LINES = [
    "What's your vision for the future?",
    "That sounds really hard.",
    "What matters most to you?",
    "You're really good at what you do.",
    "It's your choice.",
    "What's your next step?",
    "How are you doing?",
]
"""Lines a trainee can say without listening: the ones a rota of stock phrases is made of."""

COACHEE_WORDS = [
    "I'm fine. It's just been busy.",
    "We're two nurses down most nights, and I'm tired of it.",
    "I love teaching the students, honestly. That's the best bit.",
    "I could try charting at the bedside next week.",
    "I don't see why I should change anything.",
    "Maybe. I don't know.",
    "",
]
"""What a real coachee might say between two coach lines ("" for nothing)."""

practice_conversations = st.lists(
    st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES, *STOCK_LINES]), max_size=16
)
"""A practice conversation's trainee lines: warm, cold and stock lines in any order, repeats included."""


@st.composite
def external_conversations(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A conversation of two real people as (speaker, text) pairs: coach lines of any kind, coachee replies between."""
    pairs: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(1, 14))):
        pairs.append(("coach", draw(st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES, *STOCK_LINES]))))
        reply = draw(st.sampled_from(COACHEE_WORDS))
        if reply:
            pairs.append(("client", reply))
    return pairs


def persona(**temperament: object) -> Persona:
    """A minimal persona with the given temperament parameters, for testing the dynamics."""
    return Persona.model_validate(
        {"name": "Sam", "role": "tester", "background": "A test persona.", "temperament": temperament}
    )


# --- scenarios (trainer tools) --------------------------------------------------------------

_STATES = ["defensive", "guarded", "neutral", "reflective", "open", "energised"]
_FOCI = ["vision", "values", "strengths", "feelings", "real_self", "deficit", "plan", "none"]
_KINDS = ["vision", "values", "strengths", "worries", "next_step"]
_BANDS = ["closed", "middle", "open", "any"]

_prose = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)
_words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)
_spoken = st.fixed_dictionaries({"text": _prose}, optional={"cue": _prose})


def _subset(values: list[str], min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), min_size=min_size, max_size=len(values), unique=True)


def _number_or_range(low: float, high: float) -> st.SearchStrategy[object]:
    """A temperament value: a number, or a range [low, high] that each seed draws from."""
    return st.one_of(st.floats(low, high), st.tuples(st.floats(low, high), st.floats(low, high)).map(sorted))


_temperament = st.fixed_dictionaries(
    {},
    optional={
        "warm_up": _number_or_range(0.5, 5),
        "negativity_bias": st.floats(0, 4),
        "sensitivity": _number_or_range(0, 3),
        "recovery": st.floats(0.1, 1),
        "repair": st.floats(0, 3),
        "vision_boost": st.floats(0, 3),
        "deficit_before_vision": st.floats(0, 3),
        "deficit_after_vision": st.floats(0, 2),
        "drift": st.floats(0, 1),
        "drift_after": st.integers(1, 5),
        "shuts_down_on": _subset(["confront", "advice", "compliance_check"]),
        "open_needs": _subset(_FOCI[:-1]),
        "energised_needs": _subset(_KINDS, 0).map(lambda kinds: kinds[:2]),
    },
)


@st.composite
def scenario_data(draw: st.DrawFn) -> dict[str, object]:
    """Plain data of a valid scenario (what a trainer's YAML holds), varied in every parameter."""
    story = [
        {
            "id": f"item-{index}",
            "kind": draw(st.sampled_from(_KINDS)),
            "needs": draw(st.sampled_from(_STATES)),
            "unlocked_by": draw(_subset(_FOCI, 1)),
            "text": draw(_prose),
        }
        for index in range(draw(st.integers(1, 5)))
    ]
    buttons = [
        {
            "id": f"button-{index}",
            "words": draw(st.lists(_words, min_size=1, max_size=3)),
            "effect": draw(st.sampled_from(["drop", "shutdown"])),
            "reply": draw(_spoken),
        }
        for index in range(draw(st.integers(0, 2)))
    ]
    replies = {state: {"default": draw(st.lists(_spoken, min_size=1, max_size=3))} for state in _STATES}
    bands = st.fixed_dictionaries({}, optional={band: st.lists(_spoken, max_size=2) for band in _BANDS})
    topics = [
        {
            "id": f"topic-{index}",
            "words": draw(st.lists(_words, min_size=1, max_size=3)),
            "replies": draw(bands),
        }
        for index in range(draw(st.integers(0, 3)))
    ]
    pools = draw(
        st.fixed_dictionaries(
            {}, optional={pool: bands for pool in ("confirm", "correct", "unclear", "repeat")}
        )
    )
    # Items needing at most reflective are always revealable (no gate guards them): goals may name them.
    revealable = [item for item in story if item["needs"] in _STATES[:4]]
    goals = [{"text": draw(_prose), "reveal": item["id"]} for item in revealable[: draw(st.integers(0, 2))]]
    tests = [
        {
            "name": "anything goes",
            "style": "mixed",
            "seed": draw(st.integers(0, 9)),
            "lines": draw(
                st.lists(st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES]), min_size=1, max_size=5)
            ),
            "expect": {},
        }
    ]
    return {
        "id": draw(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True)),
        "title": draw(_prose),
        "summary": draw(_prose),
        "situation": draw(_prose),
        "opening": draw(_spoken),
        "coachee": {
            "name": draw(_prose),
            "role": draw(_prose),
            "background": draw(_prose),
            "starting_state": draw(st.sampled_from(_STATES)),
            "temperament": draw(_temperament),
            "hot_buttons": buttons,
        },
        "story": story,
        "replies": replies,
        "topics": topics,
        "pools": pools,
        "closing": draw(_spoken),
        "goals": goals,
        "turn_limit": draw(st.integers(1, 40)),
        "tests": tests,
    }


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    """`text` with one to three edits a trainer's slip could make: lines dropped, doubled,
    swapped or re-indented, characters replaced, junk inserted, values retyped."""
    for _ in range(draw(st.integers(1, 3))):
        lines = text.splitlines(keepends=True)
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        edit = draw(st.sampled_from(["drop", "double", "swap", "indent", "char", "junk", "retype"]))
        if edit == "drop" and lines:
            del lines[at]
        elif edit == "double" and lines:
            lines.insert(at, lines[at])
        elif edit == "swap" and len(lines) > at + 1:
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif edit == "indent" and lines:
            lines[at] = draw(st.sampled_from([" ", "  ", "\t", ""])) + lines[at].lstrip(" ")
        elif edit == "char" and lines and lines[at]:
            col = draw(st.integers(0, len(lines[at]) - 1))
            lines[at] = (
                lines[at][:col] + draw(st.sampled_from(list(":-[]{}&*!|>'\"#% x0"))) + lines[at][col + 1 :]
            )
        elif edit == "junk":
            lines.insert(at, draw(st.text(max_size=30)) + "\n")
        elif edit == "retype" and lines and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = (
                f"{key}: {draw(st.sampled_from(['[]', '{}', '-1', 'true', 'null', 'gaurded', '99999']))}\n"
            )
        text = "".join(lines)
    return text


json_values: st.SearchStrategy[object] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=20,
)
"""Any value a JSON file can hold: what a damaged or foreign cache file may contain."""

"""The interactive practice app (prompt-toolkit): a prompt, the conversation above it, a toolbar below.

Small factories build the pieces (`practice_bindings`, `toolbar_text`, `opening_panel`); the
loop only reads a line, hands it to the `Conversation` and prints the outcome. Input
history lives in memory only, so one trainee's lines never surface for the next on a
shared machine. This is the only module that imports prompt-toolkit.

Everything is wrapped at spaces to the terminal's width at the moment it is shown, so a
resized terminal gets replies that fit it from the next line on, and no word is split. The
typed line is erased when sent and shown again wrapped the same way (a prompt wraps what is
typed at the edge of the screen, mid-word). The toolbar is laid out again on every redraw.
"""

from __future__ import annotations

from collections.abc import Callable

from prompt_toolkit import PromptSession, print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.output import Output
from prompt_toolkit.styles import Style

from simulator.engine.session import Session
from simulator.shell.conversation import Conversation, Outcome, OutcomeKind
from simulator.shell.render import (
    coachee_line,
    ending_lines,
    fit,
    hint_lines,
    meter,
    move_label,
    resume_lines,
    state_change,
)
from simulator.vocabulary import Attractor

TOOLBAR_SEPARATOR = "  |  "

STYLE = Style.from_dict(
    {
        "title": "bold",
        "label": "bold",
        "coachee": "ansicyan",
        "cue": "italic ansibrightblack",
        "note": "ansibrightblack",
        "hint": "ansigreen",
        "bottom-toolbar": "noreverse bg:ansiblack ansiwhite",
    }
)


def practice_bindings() -> KeyBindings:
    """Ctrl-C clears the line being typed instead of ending the app (Ctrl-D ends it)."""
    bindings = KeyBindings()

    @bindings.add("c-c")
    def _clear_line(event: KeyPressEvent) -> None:
        event.app.current_buffer.reset()

    return bindings


def toolbar_text(conversation: Conversation, show_meter: bool, width: int | None = None) -> str:
    """The bottom toolbar: meter, turn count, PEA/NEA tally and the commands this round allows.

    With the meter hidden the tally goes too: it would tell the trainee how each line was
    read. Given a `width`, the parts are laid out on as many lines as they need, breaking
    only between parts (or, for a part wider than the screen, between its words).
    """
    session = conversation.session
    counts = session.attractor_counts()
    commands = ["/hint"] * conversation.allow_hints + ["/undo"] * conversation.allow_undo + ["/help", "/quit"]
    parts = [f"turn {len(session.turns)}/{session.scenario.turn_limit}", " ".join(commands)]
    if show_meter:
        parts[1:1] = [f"PEA {counts[Attractor.PEA]} · NEA {counts[Attractor.NEA]}"]
        parts.insert(0, f"openness {meter(session.openness, session.state)}")
    if width is None:
        return "  " + TOOLBAR_SEPARATOR.join(parts)
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]}{TOOLBAR_SEPARATOR}{part}" if lines else ""
        if lines and len(joined) <= width:
            lines[-1] = joined
        else:
            lines.extend(fit("  " + part, width, "    "))
    return "\n".join(lines)


def wrapped(text: str, width: int, indent: str = "") -> str:
    """Untrusted text made safe and wrapped at spaces to the terminal width, ending in a newline."""
    return "\n".join(fit(text, width, indent)) + "\n"


def screen_width(output: Output) -> int:
    """The columns to wrap to now: one less than the terminal's, so no line lands on its last column."""
    return output.get_size().columns - 1


def opening_panel(conversation: Conversation, width: int = 80) -> FormattedText:
    """Who the coachee is, the situation, the goals and the keys, shown before the first line."""
    scenario = conversation.session.scenario
    person = scenario.coachee
    goals = [("", wrapped(f"  - {goal.text}", width, "    ")) for goal in scenario.goals]
    keys = (
        "Type what you would say and press Enter. "
        + "/hint suggests a move, " * conversation.allow_hints
        + "/undo takes back your last line, " * conversation.allow_undo
        + "/help lists commands. Ctrl-C clears the line; Ctrl-D or /quit ends and saves."
    )
    return FormattedText(
        [
            ("class:title", wrapped(scenario.title, width) + "\n"),
            *labelled("Coachee: ", f"{person.name}, {person.role}", width),
            ("", wrapped(person.background, width) + "\n"),
            *labelled("Situation: ", scenario.situation, width),
            ("", "\n"),
            ("class:label", "Your goals:\n"),
            *goals,
            ("class:note", "\n" + wrapped(keys, width)),
        ]
    )


def outcome_text(session: Session, outcome: Outcome, show_meter: bool, width: int = 80) -> FormattedText:
    """What to print for one outcome of a typed line."""
    name = session.scenario.coachee.name
    if outcome.kind is OutcomeKind.TURN and outcome.turn is not None:
        turn = outcome.turn
        pieces = [("class:coachee", wrapped(coachee_line(name, turn.coachee, turn.cue), width, "  "))]
        if show_meter:
            pieces.append(
                ("class:note", wrapped(f"  [{move_label(turn)}] {state_change(turn)}", width, "    "))
            )
        for kind, text in ending_lines(session):
            pieces.append((f"class:{kind}", wrapped(text, width, "  ")))
        return FormattedText(pieces)
    if outcome.kind is OutcomeKind.UNDO and outcome.turn is not None:
        return FormattedText(
            [
                (
                    "class:note",
                    wrapped(f"  (took back turn {outcome.turn.n}: {outcome.turn.trainee})", width, "    "),
                )
            ]
        )
    if outcome.kind is OutcomeKind.HINT and outcome.hint is not None:
        return FormattedText(
            [
                (
                    "class:hint",
                    "".join(wrapped(f"  {line}", width, "    ") for line in hint_lines(outcome.hint)),
                )
            ]
        )
    if outcome.kind is OutcomeKind.HELP:
        return FormattedText(
            [("class:note", "".join(wrapped(row, width) for row in outcome.message.splitlines()))]
        )
    return FormattedText([("class:note", wrapped(f"  {outcome.message}", width, "  "))])


def labelled(label: str, text: str, width: int, indent: str = "") -> list[tuple[str, str]]:
    """A bold label and its text, wrapped together at spaces as one paragraph."""
    joined = "\n".join(fit(label + text, width, indent))
    # The label's own space may have become the line break when the first word did not fit.
    rest = joined[len(label) :] if joined.startswith(label) else joined[len(label.rstrip()) :]
    return [("class:label", label), ("", rest + "\n")]


def echo_text(line: str, width: int) -> FormattedText:
    """The line the trainee sent, shown again after its prompt, wrapped at spaces."""
    return FormattedText(labelled("You: ", line, width, "  "))


def run_interactive(
    conversation: Conversation,
    *,
    show_meter: bool = True,
    input: Input | None = None,
    output: Output | None = None,
) -> str:
    """Run the app until Ctrl-D, /quit or the turn limit; return which of those ended it."""
    session = conversation.session
    show: Callable[[FormattedText], None] = lambda text: print_formatted_text(  # noqa: E731
        text, style=STYLE, output=output
    )
    prompt: PromptSession[str] = PromptSession(
        message=[("class:label", "You: ")],
        history=InMemoryHistory(),
        bottom_toolbar=lambda: toolbar_text(conversation, show_meter, screen_width(prompt.output)),
        key_bindings=practice_bindings(),
        style=STYLE,
        input=input,
        output=output,
        enable_history_search=False,
        erase_when_done=True,  # the sent line is shown again below, wrapped at spaces
    )
    width = screen_width(prompt.output)
    show(opening_panel(conversation, width))
    opening = session.scenario.opening
    first_line = coachee_line(session.scenario.coachee.name, opening.text, opening.cue)
    show(FormattedText([("class:coachee", wrapped(first_line, width, "  ").rstrip("\n"))]))
    for line in resume_lines(session):
        show(FormattedText([("class:note", wrapped(line, width, "  ").rstrip("\n"))]))
    while True:
        try:
            line = prompt.prompt()
        except EOFError:
            return "eof"
        except KeyboardInterrupt:
            continue
        width = screen_width(prompt.output)  # the terminal may have been resized while the trainee typed
        if line.strip():
            show(echo_text(line, width))
        try:
            outcome = conversation.handle(line)
        except Exception as error:  # a trainee's line must never end the session
            problem = f"  could not handle that line ({type(error).__name__}); the conversation so far is saved, carry on"
            show(FormattedText([("class:note", wrapped(problem, width, "  "))]))
            continue
        if outcome.kind is OutcomeKind.QUIT:
            return "quit"
        show(outcome_text(session, outcome, show_meter, width))
        if session.end_reason is not None:
            return session.end_reason.value

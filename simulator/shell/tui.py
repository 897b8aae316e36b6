"""The interactive practice app (prompt-toolkit): a prompt, the conversation above it, a toolbar below.

Small factories build the pieces (`practice_bindings`, `toolbar_text`, `opening_panel`); the
loop only reads a line, hands it to the `Conversation` and prints the outcome. Input
history lives in memory only, so one trainee's lines never surface for the next on a
shared machine. This is the only module that imports prompt-toolkit.

Everything is wrapped at spaces to the terminal's width at the moment it is shown, so a
resized terminal gets replies that fit it from the next line on, and no word is split. The
typed line is erased when sent and shown again wrapped the same way (a prompt wraps what is
typed at the edge of the screen, mid-word). The toolbar is laid out again on every redraw.

The first screen needs only the scenario's `Opening`: it is drawn, with the prompt, while the
run is still being made (`warm_start.PendingRun`), which starts once that screen is on the
terminal; the first line sent waits for it. Nothing of the engine is imported here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from prompt_toolkit import PromptSession, print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.output import Output
from prompt_toolkit.styles import Style

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
from simulator.shell.warm_start import Opening, PendingRun, PracticeRun
from simulator.vocabulary import Attractor, State

if TYPE_CHECKING:
    from simulator.engine.session import Session
    from simulator.shell.conversation import Conversation, Outcome

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
    return toolbar_for(
        Standing(
            session.openness,
            session.state,
            len(session.turns),
            session.scenario.turn_limit,
            counts[Attractor.PEA],
            counts[Attractor.NEA],
        ),
        show_meter,
        width,
        allow_hints=conversation.allow_hints,
        allow_undo=conversation.allow_undo,
    )


class Standing(NamedTuple):
    """Where a conversation stands, as the toolbar shows it."""

    openness: float
    state: State
    turns: int
    turn_limit: int
    pea: int
    nea: int

    @classmethod
    def at_start(cls, opening: Opening) -> Standing:
        """Before the first line: the coachee in their starting state, nothing said."""
        return cls(opening.starting_state.rank + 0.5, opening.starting_state, 0, opening.turn_limit, 0, 0)


def toolbar_for(
    standing: Standing, show_meter: bool, width: int | None = None, *, allow_hints: bool, allow_undo: bool
) -> str:
    """The toolbar for a standing (see `toolbar_text`)."""
    commands = ["/hint"] * allow_hints + ["/undo"] * allow_undo + ["/help", "/quit"]
    parts = [f"turn {standing.turns}/{standing.turn_limit}", " ".join(commands)]
    if show_meter:
        parts[1:1] = [f"PEA {standing.pea} · NEA {standing.nea}"]
        parts.insert(0, f"openness {meter(standing.openness, standing.state)}")
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


def opening_panel(source: Conversation | PendingRun, width: int = 80) -> FormattedText:
    """Who the coachee is, the situation, the goals and the keys, shown before the first line."""
    opening = source.opening if isinstance(source, PendingRun) else Opening.of(source.session.scenario)
    goals = [("", wrapped(f"  - {goal}", width, "    ")) for goal in opening.goals]
    keys = (
        "Type what you would say and press Enter. "
        + "/hint suggests a move, " * source.allow_hints
        + "/undo takes back your last line, " * source.allow_undo
        + "/help lists commands. Ctrl-C clears the line; Ctrl-D or /quit ends and saves."
    )
    return FormattedText(
        [
            ("class:title", wrapped(opening.title, width) + "\n"),
            *labelled("Coachee: ", f"{opening.name}, {opening.role}", width),
            ("", wrapped(opening.background, width) + "\n"),
            *labelled("Situation: ", opening.situation, width),
            ("", "\n"),
            ("class:label", "Your goals:\n"),
            *goals,
            ("class:note", "\n" + wrapped(keys, width)),
        ]
    )


def outcome_text(session: Session, outcome: Outcome, show_meter: bool, width: int = 80) -> FormattedText:
    """What to print for one outcome of a typed line."""
    from simulator.shell.conversation import OutcomeKind  # loaded with the run, before any line is sent

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
    conversation: Conversation | PendingRun,
    *,
    show_meter: bool = True,
    input: Input | None = None,
    output: Output | None = None,
) -> str:
    """Run the app until Ctrl-D, /quit or the turn limit; return which of those ended it.

    Given a `PendingRun`, the first screen is drawn from its opening and the run made in the
    background from the moment that screen is on the terminal (see the module's docstring).
    """
    if isinstance(conversation, PendingRun):
        pending = conversation
    else:
        pending = PendingRun.of(PracticeRun(conversation, None), warm=False)
    opening = pending.opening
    show: Callable[[FormattedText], None] = lambda text: print_formatted_text(  # noqa: E731
        text, style=STYLE, output=output
    )

    def toolbar() -> str:
        width = screen_width(prompt.output)
        made = pending.made
        if made is None:
            start = Standing.at_start(opening)
            return toolbar_for(
                start, show_meter, width, allow_hints=pending.allow_hints, allow_undo=pending.allow_undo
            )
        return toolbar_text(made.conversation, show_meter, width)

    prompt: PromptSession[str] = PromptSession(
        message=[("class:label", "You: ")],
        history=InMemoryHistory(),
        bottom_toolbar=toolbar,
        key_bindings=practice_bindings(),
        style=STYLE,
        input=input,
        output=output,
        enable_history_search=False,
        erase_when_done=True,  # the sent line is shown again below, wrapped at spaces
    )
    start_when_shown(pending, prompt)
    width = screen_width(prompt.output)
    first_line = coachee_line(opening.name, opening.line, opening.cue)
    coachee = ("class:coachee", wrapped(first_line, width, "  ").rstrip("\n"))
    show(FormattedText([*opening_panel(pending, width), coachee]))  # one write: the first screen at once
    made = pending.made
    for line in resume_lines(made.session) if made is not None else []:
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
        conversation = pending.result().conversation  # waits only if the trainee typed before it was ready
        session = conversation.session
        from simulator.shell.conversation import OutcomeKind  # loaded with the run

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


def start_when_shown(pending: PendingRun, prompt: PromptSession[str]) -> None:
    """Start making the run once the first screen and prompt are on the terminal, not before.

    Started earlier, the work would share the interpreter with drawing that screen and delay
    it. Should making the run fail, the prompt ends with that error at once, rather than when
    the first line is sent.
    """
    app = prompt.app

    def begin(_: object) -> None:
        pending.start()  # does nothing after the first time

    def check() -> None:
        error = pending.error
        if error is not None and app.is_running and not app.is_done:
            app.exit(exception=error)

    def done() -> None:
        loop = app.loop
        if loop is not None and app.is_running:
            loop.call_soon_threadsafe(check)

    app.after_render += begin
    pending.on_done(done)

"""Hypothesis strategies shared by the test modules."""

from hypothesis import strategies as st

from simulator.scenario import Persona
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

trainee_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES, *ESCAPES, "🙂", "日本語の文", "   "])).map(
        " ".join
    ),
    st.just("x" * 10_000),
    st.just(""),
)

moves = st.builds(Move, form=st.sampled_from(Form), focus=st.sampled_from(Focus), attractor=st.sampled_from(Attractor))


def persona(**temperament: object) -> Persona:
    """A minimal persona with the given temperament parameters, for testing the dynamics."""
    return Persona.model_validate(
        {"name": "Sam", "role": "tester", "background": "A test persona.", "temperament": temperament}
    )

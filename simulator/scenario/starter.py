"""A commented starter scenario for `coach new ID`: valid, tested, and meant to be copied from.

The text is a template rather than a dump of a model, because its comments are the
point: they tell a trainer what each part does and what to change first. A test checks
that every starter validates without problems and passes its own test conversations.
"""

from __future__ import annotations

import re

import yaml

from simulator.errors import BadScenarioId

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def starter_scenario(scenario_id: str) -> str:
    """The YAML text of a new scenario called `scenario_id`, commented for a first-time author."""
    if not ID_PATTERN.match(scenario_id):
        raise BadScenarioId(
            f"{scenario_id!r} is not a scenario id: use lowercase letters, digits, '-' and '_' "
            "(at most 64, starting with a letter or digit), e.g. 'night-shift-handover'"
        )
    # An id such as '0', 'true' or '1e3' would be read back as a number or a flag unless quoted.
    as_yaml = scenario_id if yaml.safe_load(scenario_id) == scenario_id else f"'{scenario_id}'"
    return _TEMPLATE.replace("id: __ID__", f"id: {as_yaml}").replace("__ID__", scenario_id)


_TEMPLATE = """\
# yaml-language-server: $schema=./scenario.schema.json
# A new compassion-coach scenario. Change the words, keep the shape; then run:
#   coach schema > scenario.schema.json   once per folder: the first line above points at
#                                  it, so an editor with a YAML language server completes keys
#   coach validate __ID__.yaml     every problem, with its line and column
#   coach test __ID__.yaml         replays the test conversations at the bottom
#   coach explore __ID__.yaml      can a compassion-led trainee energise this coachee?
#   coach practice __ID__.yaml     hold the conversation yourself
id: __ID__
title: A first conversation with Alex
summary: >-
  Alex Morgan, a capable team member, has started missing deadlines. You are their
  manager and have set up a one-to-one.
situation: >-
  You manage Alex. Two reports were late this month and a colleague has complained.
  Alex knows the meeting is about "how things are going".

# The coachee's first line, and the nonverbal cue shown beside it.
opening:
  text: Hi. You wanted a chat?
  cue: sits down, notebook closed
  # The first hint: how a good manager might answer this opening (optional).
  coach_lines:
    answer:
      - I did. Nothing's wrong; I'd just like to hear how things are going for you at the moment.

coachee:
  name: Alex Morgan
  role: Analyst, three years in the team
  background: >-
    Joined from a smaller firm, quickly became the person others ask for help.
    Has been covering for a colleague on leave and is quietly worn out.
  # defensive, guarded, neutral, reflective, open or energised
  starting_state: guarded
  # Every parameter has a default (see the README); change only what makes this persona.
  temperament:
    sensitivity: 1.0          # how hard NEA moves hit this person
    shuts_down_on: []         # any of: confront, advice, compliance_check
  # Words that hit a nerve whatever move carries them. `drop` costs states; `shutdown`
  # sends the coachee straight to defensive. List the narrowest words first.
  hot_buttons:
    - id: performance-review
      words: [performance review, PIP]
      effect: drop
      drop: 1.0
      reply:
        text: Is this going on my review?
        cue: goes still

# What the coachee reveals once open enough (`needs`) and asked about the right focus
# (`unlocked_by`: vision, values, strengths, feelings, real_self, deficit, plan, none).
story:
  - id: strengths
    kind: strengths
    needs: neutral
    unlocked_by: [strengths]
    text: I'm the one people come to when a model breaks. I like untangling things.
    cue: a small smile
  - id: values
    kind: values
    needs: reflective
    unlocked_by: [values, feelings]
    text: I care about doing work people can trust. Rushing it feels like lying.
    cue: looks up
  - id: vision
    kind: vision
    needs: open
    unlocked_by: [vision]
    text: >-
      In two years I'd like to lead a small team, the kind where people ask
      questions without feeling stupid.
    cue: leans forward
  - id: next-step
    kind: next_step
    needs: open
    unlocked_by: [plan]
    text: I could pair with the new starter on Thursdays. It would help us both.
    cue: counts on their fingers

# Replies for each state: `default` is required; add lines under a form (affirmation,
# advice, ...) or a focus (vision, deficit, ...) where the coachee should answer in kind.
replies:
  defensive:
    default:
      - text: I don't know what you want me to say.
        cue: arms folded
      - text: Fine. Put it in writing if you need to.
        cue: looks away
      - text: Can we just get this over with?
        cue: glances at the door
  guarded:
    default:
      - text: It's been busy. I'm handling it.
        cue: tight smile
      - text: Everyone's stretched at the moment.
        cue: shrugs
      - text: I get the work done.
        cue: looks at the table
      - text: I'm fine, honestly.
        cue: shifts in the chair
    vision:
      - text: Two years from now? I'd settle for a quiet week.
        cue: half a laugh
    deficit:
      - text: Yes, the reports were late. I know.
        cue: jaw tightens
  neutral:
    default:
      - text: Covering two jobs means the reports slip to the evening.
        cue: matter-of-fact
      - text: Mornings are fine. It's the afternoons that run away.
        cue: nods slowly
      - text: The new starter asks a lot of questions. I don't mind.
        cue: relaxes a little
  reflective:
    default:
      - text: I think I've been saying yes to everything.
        cue: thinking it through
      - text: Part of me likes being needed. Part of me is tired of it.
        cue: rubs their neck
  open:
    default:
      - text: It helps to say this out loud.
        cue: leans forward
      - text: I want to be good at the job and still have evenings.
        cue: warmer voice
  energised:
    default:
      - text: I'm going to try it this week and tell you how it went.
        cue: grinning
        # Said only once Alex has chosen a step (see AUTHORING.md for every event name).
        requires: [plan_agreed]
      - text: I feel lighter than when I came in.
        cue: shoulders down

# Subjects Alex knows and cares about. A line with one of the `words` (whole words; 'report*'
# for any ending) raises the topic, and Alex answers from it at their openness now: `closed`
# (defensive, guarded), `middle` (neutral, reflective) or `open` (open, energised).
topics:
  - id: new-starter
    words: [new starter, starter, pair*, mentor*]
    # What a good manager might say next, offered as the better line and by /hint (optional).
    coach_lines:
      reflect:
        - Bringing the new starter on matters to you, even when there's no time to do it properly.
      vision:
        - If mentoring had a proper place in your week, what would that look like?
    replies:
      closed:
        - text: The new starter's fine. They're not the problem.
          cue: shrugs
      middle:
        - text: They ask good questions. I'd like more time to answer them properly.
          cue: relaxes a little
      open:
        - text: Teaching them is the best part of my week, honestly.
          cue: smiles

# Replies for moments: an accurate reflection (`confirm`), one that missed (`correct`), a
# line Alex cannot make out (`unclear`), a line heard before (`repeat`), the trainee handing over
# the agenda (`agenda`), offering help (`offer`) or a drink (`welcome`), owning a bad start
# (`apology`) or wrapping up (`parting`). `any` fits every band.
pools:
  confirm:
    any:
      - text: Yes. That's it, really.
        cue: nods
  correct:
    any:
      - text: It's not that, exactly. It's more that there's no time to do it well.
        cue: shakes their head
  unclear:
    any:
      - text: Sorry, I'm not with you. What do you mean?
        cue: tilts their head
  repeat:
    any:
      - text: I think you asked me that already.
        cue: a small shrug
  agenda:
    closed:
      - text: You called this. You tell me.
        cue: arms folded
    any:
      - text: The rota, I suppose. Let's get it over with.
        cue: a small shrug
  offer:
    closed:
      - text: More staff. Can you do that?
        cue: a flat look
    any:
      - text: Let me think about it.
        cue: considering
  welcome:
    closed:
      - text: I'm fine, thanks. Let's just get on with it.
        cue: stays standing a moment, then sits
    any:
      - text: Go on, then. It's been a long one.
        cue: sits down, a small smile
  apology:
    closed:
      - text: Right. Well. We'll see.
        cue: arms still folded
    any:
      - text: Thanks for saying that.
        cue: a small nod
  parting:
    closed:
      - text: Fine. Send it over.
        cue: doesn't look up
    any:
      - text: Okay. Thanks.
        cue: a small nod

closing:
  text: I should get back. Thanks for this.
  cue: picks up the notebook

# What the trainee is asked to achieve: reveal a story item, or reach a state.
goals:
  - text: Hear what kind of colleague Alex wants to become
    reveal: vision
  - text: Leave with a step Alex chose
    reveal: next-step
turn_limit: 30

# Conversations replayed by `coach test`. Keep one compassion-led and one
# compliance-led conversation: they prove the persona rewards the right coaching.
tests:
  - name: compassion-led conversation reaches the vision and a step
    style: compassion
    lines:
      - Thanks for making time, Alex. What would make this half hour useful for you?
      - It sounds like the last few weeks have been exhausting.
      - What are you proudest of in your work here?
      - People come to you when things break. That's a real strength.
      - What matters most to you about the work you do?
      - If work were going really well two years from now, what would you be doing?
      - Leading a team where people feel safe to ask. Your voice lifts when you talk about it.
      - Which small step would you most like to try first?
    expect:
      final_at_least: open
      reveals: [vision, next-step]
  - name: compliance-led conversation closes Alex down
    style: compliance
    lines:
      - Alex, two reports were late this month.
      - Did you finish the report yesterday?
      - You need to get these in on time.
      - Why didn't you ask for help?
      - You should just block out your afternoons.
    expect:
      final_at_most: guarded
      never_reveals: [vision, next-step]
"""

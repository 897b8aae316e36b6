"""The one exception hierarchy of the project.

    CoachError                 anything a user can be told about in one line
    ├── ScenarioError          a scenario, phrases file or other YAML file that cannot be used,
    │                          with every problem located             (simulator.scenario_file)
    ├── ScenarioNotFound       no bundled scenario or file by that name (simulator.catalogue)
    ├── BadScenarioId          an id `coach new` cannot use           (simulator.starter)
    ├── NothingSaid            a trainee line that is blank once cleaned (simulator.session)
    ├── ConversationOver       a line said past the turn limit         (simulator.session)
    ├── TranscriptError        a practice transcript that cannot be read (simulator.transcript)
    ├── TranscriptMismatch     a transcript drawn against another scenario (simulator.graph)
    ├── UnreadableTranscript   a transcript file that cannot be scored (simulator.scoring_files)
    ├── ExternalTranscriptError  a two-person transcript with a wrong line (scoring.external)
    ├── RoundError             a round or rubric file that cannot be used, a trainee with nothing to resume
    │                                                                 (simulator.round)
    └── GradebookError         a gradebook that cannot be opened or written, an unknown round
                                                                      (simulator.gradebook)

The core raises these with the context a user needs (file, line, field, how to fix);
only the command line turns them into messages, and never prints a traceback.
"""


class CoachError(Exception):
    """Base of every error the command line reports as one line and exit status 1."""

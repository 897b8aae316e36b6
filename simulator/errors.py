"""The one exception hierarchy of the project.

    CoachError                 anything a user can be told about in one line
    ├── ScenarioError          a scenario file that cannot be used   (simulator.scenario_file)
    ├── ScenarioNotFound       no bundled scenario or file by that name (simulator.catalogue)
    ├── TranscriptError        a transcript that cannot be read      (simulator.transcript)
    ├── RoundError             a round or rubric file that cannot be used, a trainee with nothing to resume
    │                                                                 (simulator.round)
    └── GradebookError         a gradebook that cannot be opened or written, an unknown round
                                                                      (simulator.gradebook)

The core raises these with the context a user needs (file, line, field, how to fix);
only the command line turns them into messages, and never prints a traceback.
"""


class CoachError(Exception):
    """Base of every error the command line reports as one line and exit status 1."""

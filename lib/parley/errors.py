"""parley's own error: one line that says what was wrong and what to do."""


class ParleyError(Exception):
    """A problem with the input or the output folder, reported to the user in one line."""

"""The one error a knowledge folder raises when it cannot be used: the message names the file (and the
line or entry) and what to change, so the command line can print it as it is."""


class KnowledgeError(ValueError):
    """A knowledge file that cannot be used."""

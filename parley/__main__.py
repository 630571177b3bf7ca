"""`python -m parley`: the `parley` command (parley/entry.py), for where its script is not on PATH."""

from parley.entry import console

if __name__ == "__main__":
    console()

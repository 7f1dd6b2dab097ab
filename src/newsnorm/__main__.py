"""``python -m newsnorm``: the same as the ``newsnorm`` command."""

from newsnorm.cli import run

run()

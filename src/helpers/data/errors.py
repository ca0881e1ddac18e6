"""One error type for bad data, so every failure names the dataset, the file and the row."""

from __future__ import annotations


class DataError(Exception):
    """A dataset could not be loaded or refreshed.

    The message names the dataset, the file (or origin URL), what is wrong and, where it
    applies, the first offending row (1-based line number in the file, header = line 1).
    """

    def __init__(self, dataset: str, where: str, problem: str, hint: str = ""):
        self.dataset, self.where, self.problem, self.hint = dataset, where, problem, hint
        message = f"dataset '{dataset}' ({where}): {problem}"
        if hint:
            message += f". {hint}"
        super().__init__(message)

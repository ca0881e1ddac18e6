"""US-China Trade Watch helpers."""

import logging
import sys

LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"
# libraries whose debug lines would drown the kit's own under --verbose
NOISY_LOGGERS = ("matplotlib", "PIL", "urllib3", "asyncio", "traitlets", "papermill", "filelock",
                 "fontTools")


def log_to_stderr(level: int) -> None:
    """Log at ``level`` to stderr, one ``LOG_FORMAT`` line each (the command line and the
    brief workers); the noisy libraries stay at WARNING."""
    logging.basicConfig(level=level, format=LOG_FORMAT, stream=sys.stderr)
    if level < logging.WARNING:
        for noisy in NOISY_LOGGERS:
            logging.getLogger(noisy).setLevel(logging.WARNING)

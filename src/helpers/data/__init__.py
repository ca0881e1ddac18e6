"""The data layer: the dataset registry, validated loaders, status and live refresh.

Only this package knows where files live and where data comes from. Heavy parts are
imported on first use: ``refresh`` (network clients, progress bars) when called, and
pandera when the first table is validated.
"""

from helpers.data.errors import DataError
from helpers.data.inventory import status
from helpers.data.loader import load
from helpers.data.views import soybean_imports

__all__ = ["DataError", "load", "refresh", "soybean_imports", "status"]


def __getattr__(name: str):
    if name == "refresh":
        from helpers.data.live import refresh

        return refresh
    raise AttributeError(f"module 'helpers.data' has no attribute {name!r}")

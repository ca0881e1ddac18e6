"""The data layer: catalog, validated loaders, status and live refresh.

Only this package knows where files live and where data comes from. ``refresh`` (network
clients, progress bars) is imported on first use, so notebooks that only load data stay light.
"""

from helpers.data.errors import DataError
from helpers.data.load import load, soybean_imports
from helpers.data.status import status

__all__ = ["DataError", "load", "refresh", "soybean_imports", "status"]


def __getattr__(name: str):
    if name == "refresh":
        from helpers.data.live import refresh

        return refresh
    raise AttributeError(f"module 'helpers.data' has no attribute {name!r}")

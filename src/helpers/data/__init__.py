"""The data layer: the dataset registry, validated loaders, status and live refresh.

Only this package knows where files live and where data comes from. Heavy parts are
imported on first use: ``refresh`` (network clients, progress bars) when called, and
pandera with the dataset declarations when the first table is loaded.
"""

from helpers.data.errors import DataError
from helpers.data.load import load
from helpers.data.status import status

__all__ = ["DataError", "load", "refresh", "soybean_imports", "status"]


def __getattr__(name: str):
    if name == "refresh":
        from helpers.data.live import refresh

        return refresh
    if name == "soybean_imports":
        from helpers.data.datasets.china_soybean_imports import soybean_imports

        return soybean_imports
    raise AttributeError(f"module 'helpers.data' has no attribute {name!r}")

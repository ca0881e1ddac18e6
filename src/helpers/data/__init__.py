"""The data layer: catalog, validated loaders, status and live refresh.

Only this package knows where files live and where data comes from.
"""

from helpers.data.errors import DataError
from helpers.data.load import load, soybean_imports
from helpers.data.status import status
from helpers.data.refresh import refresh

__all__ = ["DataError", "load", "refresh", "soybean_imports", "status"]

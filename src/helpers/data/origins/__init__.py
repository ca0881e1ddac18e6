"""Clients for the official origins, one module per origin. Each returns tidy frames."""

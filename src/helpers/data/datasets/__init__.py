"""The kit's dataset declarations, one module per dataset (see ``helpers.data.registry``)."""

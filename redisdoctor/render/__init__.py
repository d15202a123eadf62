"""Report -> rich renderables, one module per command. Pure functions: nothing here prints."""

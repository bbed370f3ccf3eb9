"""The reader's widgets: they receive data and post messages, never reach into each other."""

"""The Textual reader: a view of a Comparison (model/ holds view state, widgets/ draws it, app.py
wires them, alignment.py runs the core off the UI thread)."""

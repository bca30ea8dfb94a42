"""Preferences: the reading font, size and line length, the theme, the highlight colour,
where and as what exports go, and the notes' author; each applied when it changes."""

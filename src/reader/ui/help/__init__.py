"""Help: the user guide, the keyboard shortcuts (made from the actions themselves) and the
search syntax with examples that search when clicked."""

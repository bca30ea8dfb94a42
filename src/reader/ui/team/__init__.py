"""The team library in the window: background sync, its state, Preferences → Team."""

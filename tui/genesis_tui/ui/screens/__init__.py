"""The reader's screens and modals."""

"""Under Textual: the terminal driver, the output filter, the GC pause and the crash report."""

"""Pages as terminal lines, laid out without Textual: the article's sections, the timeline and
who's who, all made with one builder (``page.PageBuilder``) and drawn by one widget."""

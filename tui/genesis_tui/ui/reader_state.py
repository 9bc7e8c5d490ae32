"""The saved state and the reader, both ways: the reader made from where it was left (and as
it was shown: the view, readings, the section list), and where it is now noted in the state
(``GenesisApp.remember``, at whatever ends the app)."""

from __future__ import annotations

from genesis_tui.content.edition import Edition
from genesis_tui.storage.state import SavedState
from genesis_tui.storage.statuses import WordStatuses
from genesis_tui.ui.screens.reader import ReaderScreen
from genesis_tui.ui.screens.study import Study


def reader_from_state(content: Edition, state: SavedState, statuses: WordStatuses) -> ReaderScreen:
    """The reader at the saved section, view, places and learner's settings."""
    assert state.section is not None
    places = {
        section.id: place
        for section in content.article.sections
        if (place := state.anchor(section.id)) is not None
    }
    study = Study(statuses, state.readings_mode, state.readings_above, state.mark_new)
    reader = ReaderScreen(
        content,
        state.section,
        state.view,
        anchors=places,
        readings=state.readings,
        study=study,
        english_hidden=state.english_hidden,
    )
    # The reader's own choice of the section list (``s``), laid out at the first fit.
    reader.set_reactive(ReaderScreen.sections_shown, state.sections_shown)
    return reader


def note_reader(state: SavedState, reader: ReaderScreen) -> None:
    """Note in ``state`` where ``reader`` is and how it shows the article."""
    state.section = reader.section_id
    state.view = reader.view
    state.readings = reader.readings
    state.readings_mode = reader.learner.study.readings_mode
    state.readings_above = reader.learner.study.readings_above
    state.mark_new = reader.learner.study.mark_new
    state.english_hidden = reader.sentences.english_hidden
    state.sections_shown = reader.sections_shown
    state.anchors.update(reader.places.remember())
    state.scroll[reader.section_id] = round(reader.article.scroll_y)

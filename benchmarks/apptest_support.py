"""Running the dashboard under Streamlit's AppTest the way a server runs it once it is warm, for the benchmark.

AppTest re-detects the pages/ folder before every run, so each of its runs takes Streamlit's legacy router and
the hand-over to dashboard.py (ui.page_setup) that a server takes once, on its first request; and it compiles the
scripts again on every run, which a server does once (its script cache). The tests keep both in every run; the
benchmark measures the server's steady state instead.
"""
from contextlib import contextmanager

import streamlit.testing.v1.app_test as app_test
import streamlit.testing.v1.local_script_runner as local_script_runner
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner.script_cache import ScriptCache


@contextmanager
def navigation_router_only():
    """Streamlit's own flag for 'st.navigation has run in this process', set as a warm server has it."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    shared = ScriptCache()  # one per process, as a server has it
    for module in (app_test, local_script_runner):
        module.ScriptCache = lambda: shared
    try:
        yield
    finally:
        PagesManager.__init__ = original
        for module in (app_test, local_script_runner):
            module.ScriptCache = ScriptCache

"""Running the dashboard under Streamlit's AppTest the way a server runs it once it is warm, for the benchmark.

AppTest re-detects the pages/ folder before every run, so each of its runs takes Streamlit's legacy router and
the hand-over to dashboard.py (ui.page_setup) that a server takes once, on its first request. The tests keep that
hand-over in every run; the benchmark measures the server's steady state instead.
"""
from contextlib import contextmanager

from streamlit.runtime.pages_manager import PagesManager


@contextmanager
def navigation_router_only():
    """Streamlit's own flag for 'st.navigation has run in this process', set as a warm server has it."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    try:
        yield
    finally:
        PagesManager.__init__ = original

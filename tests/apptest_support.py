"""Running the dashboard under Streamlit's AppTest the way a server runs it."""
from contextlib import contextmanager

from streamlit.runtime.pages_manager import PagesManager


@contextmanager
def navigation_router_only():
    """AppTest re-detects the pages/ folder before every run and would take Streamlit's legacy router each time;
    a real server does so only until st.navigation first runs (that hand-over is covered by the browser tests)."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    try:
        yield
    finally:
        PagesManager.__init__ = original

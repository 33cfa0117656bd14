"""SCO relations dashboard: data, figures and strings, free of Streamlit so that each is testable alone."""

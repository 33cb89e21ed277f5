"""Account tests read messages in English, whatever the catalogue holds."""
import pytest
from flask import g


@pytest.fixture
def english(app):
    """Translate lazy messages outside a request to English (as the operator commands do)."""
    g.forced_locale = "en"

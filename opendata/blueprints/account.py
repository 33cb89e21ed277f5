"""Being built: see the publishing issue."""
from flask import Blueprint

bp = Blueprint("account", __name__)

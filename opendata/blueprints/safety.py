"""Being built: see the publishing issue."""
from flask import Blueprint

bp = Blueprint("safety", __name__)

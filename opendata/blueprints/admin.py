"""Being built: see the publishing issue."""
from flask import Blueprint

bp = Blueprint("admin", __name__)

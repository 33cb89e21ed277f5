"""Being built: see the publishing issue."""
from flask import Blueprint

bp = Blueprint("workspace", __name__)

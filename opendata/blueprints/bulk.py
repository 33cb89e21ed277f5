"""Being built: see the publishing issue."""
from flask import Blueprint

bp = Blueprint("bulk", __name__)

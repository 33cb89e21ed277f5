"""SQLAlchemy models, one module per aggregate. Import from here."""
from .activity import Activity
from .api_token import ApiToken
from .base import utcnow
from .dataset import Dataset, DatasetState, Resource, ResourceKind, ResourceVersion, dataset_tag, dataset_topic
from .licence import Licence
from .organization import AgencyType, Organization
from .tag import Tag
from .topic import Topic
from .safety import ReviewStatus, SafetyReview
from .user import AccountKind, LoginAttempt, Membership, Role, User

__all__ = [
    "AccountKind", "LoginAttempt", "ResourceVersion", "ReviewStatus", "SafetyReview",
    "Activity", "AgencyType", "ApiToken", "Dataset", "DatasetState", "Licence", "Membership", "Organization",
    "Resource", "ResourceKind", "Role", "Tag", "Topic", "User", "dataset_tag", "dataset_topic", "utcnow",
]

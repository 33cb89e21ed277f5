"""Licences come from plugins once; afterwards the Department owns them."""
from opendata.catalogue.licences import sync_licences
from opendata.extensions import db
from opendata.models import Licence


def test_sync_adds_missing_licences_and_keeps_the_departments_choices(app):
    licence = db.session.get(Licence, "cc-by-4.0")
    default = db.session.get(Licence, "vn-open-data-default")
    licence.title = "CC BY 4.0 (bản dịch của Sở)"
    default.is_default, licence.is_default = False, True
    db.session.delete(db.session.get(Licence, "odc-odbl"))
    db.session.commit()
    assert sync_licences() == 1
    assert db.session.get(Licence, "odc-odbl") is not None
    assert db.session.get(Licence, "cc-by-4.0").title == "CC BY 4.0 (bản dịch của Sở)"
    defaults = db.session.scalars(db.select(Licence.id).where(Licence.is_default.is_(True))).all()
    assert defaults == ["cc-by-4.0"]

"""The web side: a read-only JSON API and one page over it (``create_app``), and the
same page as a self-contained HTML file (``build_report``)."""
from talentflow.web.app import create_app
from talentflow.web.report import build_report

__all__ = ["build_report", "create_app"]

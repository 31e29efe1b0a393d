"""The page and its static files, served from the installed package (no CDN, offline).

plotly.js comes from the installed ``plotly`` Python package; the page's own HTML, JS
and CSS from ``talentflow/web/static`` through importlib.resources.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response

from talentflow.core.errors import NotFoundError

STATIC_FILES = {"app.js": "text/javascript; charset=utf-8",
                "app.css": "text/css; charset=utf-8"}

# The interactive docs load Swagger UI / ReDoc from their CDN with an inline script;
# only these two pages get a policy that allows it, and they never show article text.
DOCS_POLICY = ("default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
               "style-src 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
               "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
               "font-src https://fonts.gstatic.com; connect-src 'self'; worker-src blob:")


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A file of the page (index.html, app.js, app.css) as shipped in the package."""
    return resources.files("talentflow.web").joinpath("static", name).read_text("utf-8")


@lru_cache(maxsize=1)
def plotly_js() -> bytes:
    """plotly.min.js from the installed plotly package."""
    import plotly

    return resources.files(plotly).joinpath("package_data", "plotly.min.js").read_bytes()


def install_pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(static_text("index.html"))

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_script() -> Response:
        return Response(plotly_js(), media_type="text/javascript; charset=utf-8",
                        headers={"cache-control": "public, max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in STATIC_FILES:
            raise NotFoundError(f"no static file {name!r}", item=name)
        return Response(static_text(name), media_type=STATIC_FILES[name])

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(openapi_url=app.openapi_url, title="talentflow API")
        page.headers["content-security-policy"] = DOCS_POLICY
        return page

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(openapi_url=app.openapi_url, title="talentflow API")
        page.headers["content-security-policy"] = DOCS_POLICY
        return page

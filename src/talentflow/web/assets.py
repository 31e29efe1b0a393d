"""The page and its static files, served from the installed package (no CDN, offline).

plotly.js comes from the installed ``plotly`` Python package, Swagger UI for ``/docs``
from ``fastapi-offline``; the page's own HTML, JS and CSS from ``talentflow/web/static``
through importlib.resources.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from talentflow.core.errors import NotFoundError

STATIC_FILES = {"app.js": "text/javascript; charset=utf-8",
                "charts.js": "text/javascript; charset=utf-8",
                "app.css": "text/css; charset=utf-8",
                "docs.js": "text/javascript; charset=utf-8"}

DOCS_FILES = {"swagger-ui-bundle.js": "text/javascript; charset=utf-8",
              "swagger-ui.css": "text/css; charset=utf-8",
              "favicon.png": "image/png"}

# Swagger UI sets inline style attributes and shows data: images; scripts stay 'self'
# only, as on the main page.
DOCS_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; connect-src 'self'")


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A file of the page (index.html, app.js, app.css) as shipped in the package."""
    return resources.files("talentflow.web").joinpath("static", name).read_text("utf-8")


@lru_cache(maxsize=1)
def plotly_js() -> bytes:
    """plotly.min.js from the installed plotly package."""
    import plotly

    return resources.files(plotly).joinpath("package_data", "plotly.min.js").read_bytes()


@lru_cache(maxsize=None)
def docs_file(name: str) -> bytes:
    """A Swagger UI file from the installed fastapi-offline package."""
    import fastapi_offline

    return resources.files(fastapi_offline).joinpath("static", name).read_bytes()


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

    @app.get("/static/swagger/{name}", include_in_schema=False)
    def docs_static(name: str) -> Response:
        if name not in DOCS_FILES:
            raise NotFoundError(f"no API docs file {name!r}", item=name)
        return Response(docs_file(name), media_type=DOCS_FILES[name],
                        headers={"cache-control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(static_text("docs.html"),
                            headers={"content-security-policy": DOCS_POLICY})

    # ReDoc's bundle loads its vendor's logo from the network, which the policy would block
    # with a console error on every visit; one offline docs page serves both names.
    @app.get("/redoc", include_in_schema=False)
    def redoc() -> RedirectResponse:
        return RedirectResponse("/docs")

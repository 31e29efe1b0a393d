// Kept out of docs.html so the docs page runs under the same script-src 'self' policy
// as the rest of the site.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
});

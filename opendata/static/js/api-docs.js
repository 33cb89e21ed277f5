/* Starts the vendored Swagger UI on /api (a file, not an inline script: the
   portal's Content-Security-Policy allows scripts from 'self' only). The
   online validator badge is off so the page contacts no other site. */
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-url"),
    domNode: root,
    layout: "BaseLayout",
    presets: [window.SwaggerUIBundle.presets.apis],
    validatorUrl: null,
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    supportedSubmitMethods: ["get", "post"],
    persistAuthorization: false,
    queryConfigEnabled: false
  });
})();

// Signed-in people get the same cached page as everybody. What is theirs alone (a link to
// their space; for editors, Wagtail's user bar) comes from a small private fragment, asked
// for only by a browser that may be signed in: one that holds the CSRF cookie, which every
// sign-in form sets. Without JavaScript the footer still links to the ambassadors' space.
(function () {
  var slot = document.getElementById("session-bar");
  if (!slot || !window.fetch || !("content" in document.createElement("template"))) return;
  var hint = slot.dataset.cookie;
  var cookies = "; " + document.cookie;
  if (hint && cookies.indexOf("; " + hint + "=") === -1) return;
  fetch(slot.dataset.src, { credentials: "same-origin", headers: { Accept: "text/html" } })
    .then(function (response) {
      return response.status === 200 ? response.text() : "";
    })
    .then(function (html) {
      if (!html.trim()) return;
      var template = document.createElement("template");
      template.innerHTML = html;
      // Scripts inserted as HTML never run: load the user bar's own files again, in order
      // (same origin, as the Content-Security-Policy requires).
      template.content.querySelectorAll("script[src]").forEach(function (inert) {
        var script = document.createElement("script");
        script.src = inert.getAttribute("src");
        script.async = false;
        inert.replaceWith(script);
      });
      slot.replaceChildren(template.content);
      slot.hidden = false;
    })
    .catch(function () {}); // the page stays as everybody sees it
})();

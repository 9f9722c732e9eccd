// Contributor space, progressive enhancement only: autosave while typing, in-browser recording.
(function () {
  "use strict";

  function setStatus(node, text) { if (node) node.textContent = text; }

  function initAutosave(form) {
    var url = form.dataset.autosave;
    var status = form.querySelector(".autosave-status");
    var version = form.querySelector("input[name=version]");
    var timer = null, pending = false, stopped = false, busy = false;

    // Only a network failure means "offline": any answer from the server says why the text
    // was not saved (sent testimony, other window, session ended, server error).
    function refused(response, data) {
      if (data && data.message) return data.message;
      if (response.redirected) return "Non enregistré : votre session a pris fin. Copiez votre texte, reconnectez-vous dans un autre onglet, puis enregistrez.";
      if (response.status === 400) return "Certains champs sont à corriger : enregistrez avec le bouton pour voir le détail.";
      return "Non enregistré : le serveur a refusé l'enregistrement (erreur " + response.status + "). Votre texte reste dans la page : copiez-le, puis rechargez la page.";
    }

    function save() {
      if (stopped || busy) return;
      busy = true;
      fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin",
                   headers: { "Accept": "application/json" } })
        .then(function (response) {
          busy = false;
          return response.json().catch(function () { return null; }).then(function (data) {
            if (response.ok && data && data.saved) {
              pending = false;
              version.value = data.version;
              setStatus(status, "Enregistré à " + new Date().toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" }));
              return;
            }
            // A sent testimony (403) or a newer version (409) will refuse every later try.
            if (response.status === 403 || response.status === 409) stopped = true;
            setStatus(status, refused(response, data));
          });
        }, function () {
          busy = false;
          setStatus(status, "Hors connexion : votre texte reste dans la page et sera enregistré au retour de la connexion.");
        });
    }

    form.addEventListener("input", function () {
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(save, 1500);
    });
    window.addEventListener("online", function () { if (pending) save(); });
    setInterval(function () { if (pending && navigator.onLine !== false) save(); }, 15000);
    window.addEventListener("beforeunload", function (event) {
      if (pending) { event.preventDefault(); event.returnValue = ""; }
    });
    form.addEventListener("submit", function () { pending = false; });
  }

  function initRecorder(box) {
    if (!window.MediaRecorder || !navigator.mediaDevices) return;  // the upload form stays
    box.hidden = false;
    var buttons = {};
    box.querySelectorAll("button[data-action]").forEach(function (b) { buttons[b.dataset.action] = b; });
    var status = box.querySelector(".recorder__status");
    var recorder = null, chunks = [];
    var csrf = document.querySelector("input[name=csrfmiddlewaretoken]");

    function enable(names) {
      Object.keys(buttons).forEach(function (k) { buttons[k].disabled = names.indexOf(k) === -1; });
    }
    function upload(blob) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrf ? csrf.value : "");
      data.append("file", blob, "enregistrement.webm");
      setStatus(status, "Envoi de l'enregistrement…");
      fetch(box.dataset.upload, { method: "POST", body: data, credentials: "same-origin",
                                  headers: { "Accept": "application/json" } })
        .then(function (r) {
          if (r.ok) { setStatus(status, "Enregistrement envoyé."); window.location.reload(); }
          else { setStatus(status, "L'enregistrement a été refusé : essayez d'envoyer un fichier."); enable(["start"]); }
        })
        .catch(function () { setStatus(status, "Envoi impossible : vérifiez votre connexion puis réessayez."); enable(["start"]); });
    }
    buttons.start.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.ondataavailable = function (e) { if (e.data.size) chunks.push(e.data); };
        recorder.onstop = function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          upload(new Blob(chunks, { type: recorder.mimeType || "audio/webm" }));
        };
        recorder.start(1000);
        enable(["pause", "stop"]);
        setStatus(status, "Enregistrement en cours…");
      }).catch(function () {
        setStatus(status, "Micro indisponible : vous pouvez envoyer un fichier audio ci-dessous.");
      });
    });
    buttons.pause.addEventListener("click", function () { recorder.pause(); enable(["resume", "stop"]); setStatus(status, "En pause."); });
    buttons.resume.addEventListener("click", function () { recorder.resume(); enable(["pause", "stop"]); setStatus(status, "Enregistrement en cours…"); });
    buttons.stop.addEventListener("click", function () { recorder.stop(); enable([]); });
  }

  document.querySelectorAll("form[data-autosave]").forEach(initAutosave);
  document.querySelectorAll("[data-recorder]").forEach(initRecorder);
})();

// The self-diagnostic, one question per screen (progressive enhancement of the page that
// shows them all). Back and Next move between questions; the last one sends the answers.
// The question's legend takes the focus, so screen readers read it; the progress text is
// announced (aria-live). Without this script every question shows and the form still works.
// Each Next adds a history entry (the question's number in its state, the address unchanged),
// so the browser's Back button goes to the previous question, as on pages of their own.
(function () {
  "use strict";

  function setUpSteps(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("fieldset"));
    if (steps.length < 2) return;
    var back = form.querySelector("[data-back]");
    var next = form.querySelector("[data-next]");
    var submit = form.querySelector("[data-submit]");
    var progress = form.querySelector("[data-progress]");
    var progressText = form.querySelector("[data-progress-text]");
    var stepError = form.querySelector("[data-step-error]");
    var template = form.dataset.progressTemplate || "Question {number} sur {total}";
    var current = firstUnanswered();
    var depth = 0; // history entries this page added, so the page's Back can undo one
    var saved = window.history.state;
    if (saved && typeof saved.diagnosticStep === "number" && saved.diagnosticStep < steps.length) {
      current = saved.diagnosticStep; // back here from the result: the last question shown
      depth = saved.depth || 0;
    }

    function answered(step) {
      return step.querySelector("input:checked") !== null;
    }

    function firstUnanswered() {
      for (var i = 0; i < steps.length; i++) {
        if (!answered(steps[i])) return i;
      }
      return 0;
    }

    function show(index, moveFocus) {
      current = index;
      steps.forEach(function (step, i) { step.hidden = i !== index; });
      back.hidden = index === 0;
      next.hidden = index === steps.length - 1;
      submit.hidden = index !== steps.length - 1;
      stepError.hidden = true;
      progress.value = index + 1;
      progressText.textContent = template
        .replace("{number}", index + 1)
        .replace("{total}", steps.length);
      if (moveFocus) {
        // On a phone the question and its buttons then fill the screen, under the progress.
        form.querySelector(".diagnostic__progress").scrollIntoView({ block: "start" });
        steps[index].querySelector("legend").focus({ preventScroll: true });
      }
    }

    function refuseEmpty() {
      if (answered(steps[current])) return false;
      stepError.hidden = false;
      var first = steps[current].querySelector("input");
      if (first) first.focus();
      return true;
    }

    function forward() {
      show(current + 1, true);
      depth += 1;
      window.history.pushState({ diagnosticStep: current, depth: depth }, "");
    }

    window.addEventListener("popstate", function (event) {
      var state = event.state;
      if (!state || typeof state.diagnosticStep !== "number") return;
      depth = state.depth || 0;
      show(Math.min(state.diagnosticStep, steps.length - 1), true);
    });

    next.addEventListener("click", function () {
      if (!refuseEmpty()) forward();
    });
    back.addEventListener("click", function () {
      if (depth > 0) {
        window.history.back(); // the popstate above shows the previous question
      } else {
        show(current - 1, true);
      }
    });
    form.addEventListener("submit", function (event) {
      // Enter in a radio button sends the form: before the last question, it means Next.
      if (refuseEmpty()) {
        event.preventDefault();
      } else if (current < steps.length - 1) {
        event.preventDefault();
        forward();
      }
    });
    // A link of the error summary leads to a question that may be on another screen.
    document.querySelectorAll(".form-errors a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        var step = target ? steps.indexOf(target.closest("fieldset")) : -1;
        if (step < 0) return;
        event.preventDefault();
        show(step, false);
        target.focus();
      });
    });
    var summary = document.querySelector(".form-errors");
    if (summary) summary.focus(); // answers were missing: say which ones first
    form.querySelector(".diagnostic__progress").hidden = false;
    form.classList.add("diagnostic__form--steps");
    window.history.replaceState({ diagnosticStep: current, depth: depth }, "");
    show(current, false);
  }

  function setUpPrint() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.querySelectorAll("form[data-diagnostic]").forEach(setUpSteps);
  setUpPrint();
})();

/* Passage screen of the admin: words selected with the mouse in the source become the
   passage (the ticked sentences do the same work without JavaScript). */
(function () {
  "use strict";
  var form = document.querySelector("[data-passage-form]");
  if (!form) { return; }
  var source = form.querySelector("[data-passage-source]");
  var field = form.querySelector("input[name=selection]");
  var box = form.querySelector("[data-passage-selection-box]");
  var shown = form.querySelector("[data-passage-selection]");
  var help = form.querySelector("[data-passage-help]");
  help.hidden = false;

  function show(text) {
    field.value = text;
    shown.textContent = text;
    box.hidden = !text;
  }

  document.addEventListener("selectionchange", function () {
    var selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      return; // clicking the button collapses the selection: keep the one made before
    }
    var range = selection.getRangeAt(0);
    if (!source.contains(range.commonAncestorContainer)) { return; }
    var text = selection.toString().replace(/\s+/g, " ").trim();
    if (text) { show(text); }
  });

  form.querySelector("[data-passage-forget]").addEventListener("click", function () {
    show("");
  });
})();

/* Clausecam report: search and filters for the index. The list works without this script. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var list = document.getElementById("entries");
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.children);
  var text = {};
  (window.CLAUSECAM_INDEX || []).forEach(function (e) {
    text[e.href] = [e.service, e.type, e.title, e.words].join(" ").toLowerCase();
  });
  var shown = document.getElementById("shown");
  form.hidden = false;

  function apply() {
    var words = form.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var changesOnly = form.changes.checked;
    var service = form.service.value;
    var type = form.type.value;
    var from = form.from.value;
    var to = form.to.value;
    var count = 0;
    items.forEach(function (item) {
      var d = item.dataset;
      var day = d.date ? d.date.slice(0, 10) : "";
      var haystack = text[d.href] || item.textContent.toLowerCase();
      var match = (!changesOnly || d.kind === "change")
        && (!service || d.service === service)
        && (!type || d.type === type)
        && (!from || (day && day >= from))
        && (!to || (day && day <= to))
        && words.every(function (w) { return haystack.indexOf(w) >= 0; });
      item.hidden = !match;
      if (match) count++;
    });
    shown.textContent = count + " of " + items.length + " shown";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  apply();
})();

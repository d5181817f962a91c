// Progressive enhancement for the form editor: shows and hides conditional questions
// while the person answers, using the conditions the server wrote into data-*
// attributes. Without this script the server shows a question once its condition
// holds after saving. No inline scripts (CSP script-src 'self').
(function () {
  "use strict";

  function controls(form, id) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === id; });
  }

  // The current answer of question `id` on this page: a string, an array or null
  // when the question is not on this page.
  function answer(form, id) {
    var els = controls(form, id);
    if (els.length === 0) return null;
    if (els[0].type === "checkbox") {
      return els.filter(function (el) { return el.checked; }).map(function (el) { return el.value; });
    }
    if (els[0].type === "radio") {
      var on = els.filter(function (el) { return el.checked; });
      return on.length ? on[0].value : "";
    }
    return els[0].value;
  }

  function visible(form, id) {
    var box = form.querySelector('[data-question="' + id + '"]');
    return !box || !box.hidden;
  }

  function holds(form, box) {
    var kind = box.getAttribute("data-cond-kind");
    var id = box.getAttribute("data-cond-id");
    var token = box.getAttribute("data-cond-token");
    var value = answer(form, id);
    if (value === null) return !box.hidden;  // controller on another chapter: keep the server's decision
    if (!visible(form, id)) return false;    // conditions chain
    var list = Array.isArray(value) ? value : (value ? [value] : []);
    switch (kind) {
      case "is_true": return value === "true";
      case "not_true": return value !== "true";
      case "equals": return token.split("|").indexOf(value) >= 0;
      case "includes": return list.indexOf(token) >= 0;
      case "includes_other_than": return list.some(function (v) { return v !== token; });
      default: return true;
    }
  }

  function update(form) {
    var boxes = form.querySelectorAll("[data-cond-kind]");
    // Repeat so that chained conditions settle (a chain is at most a few long).
    for (var pass = 0; pass < 4; pass++) {
      Array.prototype.forEach.call(boxes, function (box) { box.hidden = !holds(form, box); });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
      if (!form.querySelector("[data-cond-kind]")) return;
      form.addEventListener("change", function () { update(form); });
      update(form);
    });
  });
})();

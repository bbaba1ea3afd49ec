// An action's page, enhanced: copy the message in one tap, the deadline in the reader's own time, the
// count of participants as it is now (the page itself may be a cached copy), and a print button on
// the letter. Loaded as a file: the site's Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var scratch = document.createElement("textarea");
      scratch.value = text;
      scratch.setAttribute("readonly", "");
      scratch.style.position = "fixed";
      scratch.style.opacity = "0";
      document.body.appendChild(scratch);
      scratch.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(scratch);
      if (copied) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    var status = document.getElementById("copy-status");
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(source.value).then(function () {
        if (status) { status.textContent = button.dataset.copied; }
      }, function () {
        source.focus();
        source.select();
        if (status) { status.textContent = button.dataset.failed; }
      });
    });
  });

  // The deadline in the reader's time zone, when it is not the campaign's.
  document.querySelectorAll("[data-local-time]").forEach(function (element) {
    var moment = new Date(element.dataset.localTime);
    var here;
    try {
      here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      return;
    }
    if (isNaN(moment.getTime()) || !here || here === element.dataset.tz) { return; }
    var shown = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      dateStyle: "long", timeStyle: "short"
    }).format(moment);
    element.textContent = "(" + element.dataset.label + " " + shown + ")";
    element.hidden = false;
  });

  var count = document.getElementById("participants");
  if (count && count.dataset.url && window.fetch) {
    fetch(count.dataset.url, { cache: "no-store", credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && typeof data.participants === "number") {
          count.textContent = String(data.participants);
        }
      })
      .catch(function () { /* the count as the page was rendered stays */ });
  }

  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

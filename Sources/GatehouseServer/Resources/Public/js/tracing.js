// Contact tracing: a contact's phone is shown in place after the stated reason, so the trace stays on the screen
// while the health worker calls contact after contact. Without the script, the form opens a page with the phone.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("reveal-form") || !window.fetch) return;
    event.preventDefault();
    var error = form.querySelector(".reveal-error");
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST", credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (res) {
      return res.json().then(function (data) { return { ok: res.ok, data: data }; });
    }).then(function (answer) {
      button.disabled = false;
      if (!answer.ok) {
        error.textContent = answer.data.error ? answer.data.error.message : button.textContent;
        error.hidden = false;
        return;
      }
      var phone = form.parentNode.querySelector(".phone");
      phone.textContent = answer.data.shown || answer.data.phone;
      phone.className = "phone revealed-phone";
      form.parentNode.removeChild(form);
    }).catch(function () {
      button.disabled = false;
      error.textContent = document.documentElement.lang === "en" ? "The server did not answer: try again." : "服务器没有响应，请重试。";
      error.hidden = false;
    });
  });
})();

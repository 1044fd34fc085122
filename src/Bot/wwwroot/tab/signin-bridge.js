// The redirect page of the tab's browser sign-in: MSAL.js's bridge returns to the page that asked, with the answer.
(function () {
  "use strict";
  const say = (message) => { document.querySelector("p").textContent = message; };
  if (!window.msalRedirectBridge) { say("Thiếu MSAL.js (chạy scripts/setup.sh) / MSAL.js is missing (run scripts/setup.sh)"); return; }
  window.msalRedirectBridge.broadcastResponseToMainFrame().catch((e) => say("Đăng nhập không thành công / Sign-in failed: " + e.message));
})();

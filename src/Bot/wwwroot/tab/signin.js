// Entra sign-in in a browser, outside Teams (issue 16): MSAL.js (@azure/msal-browser, bundled at build into tab/lib, no
// CDN) signs in by redirect with the app, authority and scope the server writes into <meta name="teamsplans-signin">
// (Tab/Auth/BrowserSignIn.cs: the manifest's webApplicationInfo, the same API scope as Teams SSO), and the access token is
// sent as in Teams, "Authorization: Bearer". Without the meta (local mode) it does nothing: the page offers the
// roster's identity switcher instead.
(function () {
  "use strict";
  let app = null;
  let request = null;

  function settings() {
    const m = document.querySelector('meta[name="teamsplans-signin"]');
    if (!m) return null;
    const d = m.dataset;
    return { clientId: d.clientId, authority: d.authority, scope: d.scope, redirect: new URL(d.redirect, location.origin).href };
  }

  async function silent(interactive) {
    const account = app.getActiveAccount();
    try {
      return (await app.acquireTokenSilent({ ...request, account })).accessToken;
    } catch (e) {
      if (!interactive) return null;
      await app.acquireTokenRedirect({ ...request, account, redirectStartPage: location.href });
      return null;
    }
  }

  // The access token, or null while the page goes to Entra to sign in (it comes back here with the answer).
  async function signIn() {
    const s = settings();
    if (!window.msal) throw new Error("MSAL.js chưa được cài (scripts/setup.sh) / MSAL.js is not installed (scripts/setup.sh)");
    app = await window.msal.createStandardPublicClientApplication({
      auth: { clientId: s.clientId, authority: s.authority, redirectUri: s.redirect },
      cache: { cacheLocation: "sessionStorage" },
    });
    request = { scopes: [s.scope] };
    const back = await app.handleRedirectPromise();
    const account = (back && back.account) || app.getAllAccounts()[0];
    if (!account) {
      await app.loginRedirect({ ...request, redirectStartPage: location.href });
      return null;
    }
    app.setActiveAccount(account);
    if (back && back.accessToken) return back.accessToken;
    return silent(true);
  }

  window.TeamsPlansSignIn = {
    available: () => settings() !== null,
    signIn,
    // A fresh token from MSAL's cache or its silent renewal (after a 401), or null.
    refresh: () => (app ? silent(false) : Promise.resolve(null)),
  };
})();

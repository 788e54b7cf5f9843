if ("serviceWorker" in navigator) navigator.serviceWorker.register("/me/sw.js", { scope: "/me/" }).catch(function () {});

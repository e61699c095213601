// Applies the reader's saved light/dark choice before the page paints.
(function () {
  try {
    var saved = localStorage.getItem("attune-theme");
    if (saved === "light" || saved === "dark") document.documentElement.setAttribute("data-theme", saved);
  } catch (e) { /* storage unavailable: follow the system */ }
})();

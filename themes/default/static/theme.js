// Applies the reader's saved light/dark choice before the page paints.
(function () {
  // Marks that scripts run, so small screens can fold menus before the first paint.
  document.documentElement.classList.add("js");
  try {
    var saved = localStorage.getItem("attune-theme");
    if (saved === "light" || saved === "dark") document.documentElement.setAttribute("data-theme", saved);
  } catch (e) { /* storage unavailable: follow the system */ }
})();

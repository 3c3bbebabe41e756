/* Make every sidebar toggle work, on phones and desktops.
 *
 * The theme binds its handlers to the first ".primary-toggle" on the page, which is a hidden
 * duplicate in this layout, so the visible buttons did nothing. Here every toggle gets one handler:
 * on a narrow screen it opens the sidebar as a modal dialog (the theme's own <dialog>, which the
 * theme closes on Escape and on a click outside); on a wide screen the primary toggle shows or hides
 * the left sidebar.
 */
(function () {
  "use strict";
  function move(from, to) {
    Array.from(from.childNodes).forEach(function (node) { to.appendChild(node); });
    Array.from(from.classList).forEach(function (name) { from.classList.remove(name); to.classList.add(name); });
  }
  function bind(selector, sidebarId, modalId, desktopToggle) {
    var sidebar = document.getElementById(sidebarId);
    var modal = document.getElementById(modalId);
    if (!sidebar || !modal) { return; }
    modal.addEventListener("close", function () {
      if (modal.childNodes.length) { move(modal, sidebar); }
    });
    document.querySelectorAll(selector).forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (desktopToggle && window.matchMedia("(min-width: 992px)").matches) {
          sidebar.classList.toggle("pst-sidebar-hidden");
          return;
        }
        if (modal.open) { modal.close(); return; }
        var back = document.activeElement;
        move(sidebar, modal);
        modal.showModal();
        modal.addEventListener("close", function () { if (back && back.focus) { back.focus(); } }, { once: true });
      }, true);
    });
  }
  function setUp() {
    bind(".primary-toggle", "pst-primary-sidebar", "pst-primary-sidebar-modal", true);
    bind(".secondary-toggle", "pst-secondary-sidebar", "pst-secondary-sidebar-modal", false);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); } else { setUp(); }
})();

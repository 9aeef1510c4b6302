/* The Python picker's events (issue 22). overrides/main.html puts the picker
   in the header and defines window.__python, which shows each page's version
   tabs for the chosen Python before the page is painted; this file reacts to
   the reader:

   - a choice in the picker is remembered and applied to the page;
   - a click (or arrow key) on a version tab chooses the version in that
     tab's range nearest to the chosen one (3.12, then "Python 3.13+":
     3.13), so the picker always names what every tab set shows. Material's
     content.tabs.link has by then switched the tab sets with the same label;
     the picker switches the others, marking each so that content.tabs.link
     does not link it again: no loop, and the clicked tab set stays where it
     was on the screen;
   - instant navigation: each new page is applied again (Material's
     document$), which changes nothing when the page's own pass already ran;
   - a link that set the version (?python=3.12) is kept up to date, so the
     address names what the page shows.

   Nothing is announced: the tabs switch as if clicked, quietly. */
(function (api) {
  if (!api) return;
  var select = document.getElementById("__python");
  var clicked = null;

  function choose(version, keep) {
    var top = keep && keep.getBoundingClientRect().top;
    api.version = select.value = version;
    api.store(version);
    api.apply(true, true);
    // A link that set the version (?python=3.12) now names the new one.
    if (/[?&]python=/.test(location.search)) {
      var url = new URL(location.href);
      url.searchParams.set("python", version);
      history.replaceState(history.state, "", url);
    }
    if (keep) window.scrollBy(0, keep.getBoundingClientRect().top - top);
  }

  select.addEventListener("change", function () {
    choose(select.value);
  });

  function versionTab(input) {
    var set = input.closest && input.closest(".md-content .tabbed-set");
    var label = set && set.querySelector('.tabbed-labels > label[for="' + input.id + '"]');
    var range = label && api.range(label);
    return range && { set: set, label: label, range: range };
  }

  /* Capture: see the change before the theme's handler. A label marked
     data-md-switching is being switched by content.tabs.link or by us. */
  document.addEventListener("change", function (event) {
    var tab = event.target.type === "radio" && versionTab(event.target);
    if (tab && !tab.label.hasAttribute("data-md-switching")) clicked = event;
  }, true);

  /* Bubble: the same change after the theme has linked same-label tabs. */
  document.addEventListener("change", function (event) {
    if (event !== clicked) return;
    clicked = null;
    var tab = versionTab(event.target);
    var minor = +api.version.split(".")[1];
    var nearest = Math.min(Math.max(minor, tab.range[0]), tab.range[1]);
    var version = "3." + nearest;
    if (version !== api.version && [].some.call(select.options, function (o) {
      return o.value === version;
    })) choose(version, tab.set);
  });

  function page() {
    api.read();
    api.apply(true);
  }
  if (window.document$) window.document$.subscribe(page);
  else page();
})(window.__python);

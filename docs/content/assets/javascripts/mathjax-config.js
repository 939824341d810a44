/* MathJax 4 configuration for the Amiq site.
 *
 * - Local only: MathJax's default font path is a CDN, so point loader.paths.fonts at the copy that
 *   docs/scripts/vendor.sh vendors. Paths are built from this script's own URL, so the same file
 *   works from "/" (Arabic) and "/en/" (English) pages alike.
 * - Only the spans/divs that pymdownx.arithmatex (generic mode) emits are typeset, with its \( \)
 *   and \[ \] delimiters, plus search previews (they quote the pages' TeX source).
 * - Opened from disk (file://), the speech worker cannot start and would stall the page: turn it off.
 */
(function () {
  "use strict";
  var here = document.currentScript ? document.currentScript.src : location.href;
  var vendor = new URL("../vendor/", here).href;
  var fromDisk = location.protocol === "file:";

  window.MathJax = {
    loader: {
      paths: {
        mathjax: vendor + "mathjax",
        fonts: vendor + "mathjax-fonts"
      }
    },
    tex: {
      inlineMath: [["\\(", "\\)"]],
      displayMath: [["\\[", "\\]"]],
      processEscapes: false,
      processEnvironments: true
    },
    output: {
      // Text inside \text{} takes the page font (Arabic letters stay shaped and readable).
      mtextInheritFont: true,
      // Break a display formula that is wider than the column instead of clipping it.
      displayOverflow: "linebreak",
      // Never split an inline formula across lines: in a right-to-left paragraph the second half
      // would land at the wrong end of the next line.
      linebreaks: { inline: false }
    },
    options: {
      // Page math from arithmatex, and the TeX that search previews copy from the pages. Only the
      // element carrying the class is processed (ignoreHtmlClass matches its children again).
      processHtmlClass: "arithmatex|amiq-search-math",
      ignoreHtmlClass: ".*|",
      menuOptions: fromDisk
        ? { settings: { enrich: false, speech: false, braille: false, assistiveMml: true } }
        : {}
    }
  };

  function typeset(elements) {
    var mj = window.MathJax;
    if (!(mj && mj.startup && mj.startup.promise && mj.typesetPromise)) return;
    mj.startup.promise = mj.startup.promise.then(function () {
      return mj.typesetPromise(elements);
    });
  }

  // Search results are added as children of the result list while the reader types or scrolls.
  var results = document.querySelector(".md-search-result__list");
  if (results && "MutationObserver" in window) {
    var pending = null;
    var BACKSLASH = String.fromCharCode(92);
    new MutationObserver(function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        var parts = results.querySelectorAll(".md-search-result__article > *");
        for (var i = 0; i < parts.length; i++) {
          var text = parts[i].textContent;
          if (text.indexOf(BACKSLASH + "(") !== -1 || text.indexOf(BACKSLASH + "[") !== -1) {
            parts[i].classList.add("amiq-search-math");
          }
        }
        typeset([results]);
      }, 50);
    }).observe(results, { childList: true });
  }

  // Material's document$ emits on every page load; re-typeset if pages are ever swapped in place.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(function () {
      var mj = window.MathJax;
      if (mj && mj.startup && mj.startup.promise && mj.typesetPromise) {
        mj.startup.promise.then(function () {
          mj.typesetClear();
          mj.texReset();
          return mj.typesetPromise();
        });
      }
    });
  }
})();

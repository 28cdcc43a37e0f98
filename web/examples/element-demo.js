// Host-page script of web/examples/element.html: listens to the element's events (they cross the
// shadow root) and shows the `articles` property. No inline script: the page runs under a strict CSP.
'use strict';
(function () {
  var el = document.getElementById('demo');
  var log = document.getElementById('log');
  function note(text) { log.textContent += text + '\n'; }
  document.addEventListener('parallax-analysis', function (e) {
    var r = e.detail.report;
    note('parallax-analysis: ' + r.articles.length + ' articles, ' + r.claims.filter(function (c) { return c.support > 1; }).length + ' shared claims');
  });
  document.addEventListener('parallax-select', function (e) {
    note('parallax-select: ' + e.detail.source + ' — ' + e.detail.text);
  });
  document.getElementById('swap').addEventListener('click', function () {
    el.articles = [
      { name: 'a.txt', source: 'Wire A', text: 'The bridge reopened on Friday after repairs.\n\nThe mayor thanked the engineers.' },
      { name: 'b.txt', source: 'Wire B', text: 'After repairs, the bridge reopened on Friday.\n\nTraffic was light on the first day.' },
    ];
  });
})();

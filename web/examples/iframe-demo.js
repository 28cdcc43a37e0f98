// Host side of web/examples/iframe.html: the postMessage protocol of index.html?embed.
'use strict';
(function () {
  var frame = document.getElementById('frame');
  var log = document.getElementById('log');
  var ARTICLES = [
    { name: 'a.txt', source: 'Wire A', text: 'The bridge reopened on Friday after repairs.\n\nThe mayor thanked the engineers.' },
    { name: 'b.txt', source: 'Wire B', text: 'After repairs, the bridge reopened on Friday.\n\nTraffic was light on the first day.' },
  ];
  window.parallaxMessages = [];
  function send(message) {
    message.parallax = 1;
    // A page opened from disk has the opaque origin "null": '*' is the only target that reaches it.
    frame.contentWindow.postMessage(message, location.protocol === 'file:' ? '*' : location.origin);
  }
  window.addEventListener('message', function (e) {
    if (e.source !== frame.contentWindow || !e.data || e.data.parallax !== 1) return;
    window.parallaxMessages.push(e.data);
    var d = e.data;
    var summary = d.type === 'analysis' ? d.articles + ' articles, ' + d.shared + ' shared claims'
      : d.type === 'select' ? d.source + ': ' + d.text
      : d.type === 'export' ? d.format + ', ' + d.text.length + ' characters'
      : d.type === 'ready' ? 'engine ' + d.version : (d.code || '') + ' ' + (d.message || '');
    log.textContent += d.type + ': ' + summary + '\n';
    if (d.type === 'ready' && !window.parallaxSent) { window.parallaxSent = true; send({ type: 'load', articles: ARTICLES }); }
  });
  document.getElementById('load').addEventListener('click', function () { send({ type: 'load', articles: ARTICLES }); });
  document.getElementById('export').addEventListener('click', function () { send({ type: 'export', format: 'csv' }); });
})();

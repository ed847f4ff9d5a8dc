/*
 * Expiry-aware display. A static page outlives its build: every published record carries its last
 * day of disclosure in data-end (YYYY-MM-DD). On the visitor's date, records past that day are hidden
 * and a short neutral note says how many. Without JavaScript the page shows what was public when built.
 */
(function () {
  var d = new Date();
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var today = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  document.documentElement.setAttribute('data-today', today);
  var hidden = 0;
  var items = document.querySelectorAll('[data-end]');
  for (var i = 0; i < items.length; i++) {
    var end = items[i].getAttribute('data-end');
    if (end && end < today) {
      items[i].hidden = true;
      items[i].setAttribute('data-expired', '');
      if (items[i].hasAttribute('data-record')) hidden++;
    }
  }
  var note = document.getElementById('expiry-note');
  if (note && hidden > 0) {
    note.textContent = '本页生成后，有 ' + hidden + ' 条信息的公示期已届满，依规不再显示。';
    note.hidden = false;
  }
})();

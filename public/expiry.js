/*
 * The visitor's date. A static page outlives its build, so what depends on the date is settled here, in the
 * browser; the page as built is the reading without JavaScript.
 *  - Records past their last day of disclosure (data-end, YYYY-MM-DD) are hidden, with a neutral note.
 *  - Counts (data-count=kind) count the records still shown, and those of a long section that are on its own
 *    pages (data-more, with their data-end-counts: [end, n] pairs); badges and notes show or hide with them
 *    (data-show-if / data-show-unless=kind); list totals subtract what has ended (data-total + data-end-counts).
 *  - A state badge moves from 公示中 to 可申请修复 on its day (data-repair-from); repair text follows
 *    (data-repair-now / data-repair-later); a licence past its validity says so (data-valid-to).
 *  - A record's permalink whose record has ended stops naming the subject (data-page-end, data-names-subject).
 *  - The citation's 检索日期 is the reader's date (data-retrieved).
 *  - A page whose data is older than the district allows says so (/data/build.json).
 */
(function () {
  var d = new Date();
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var today = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  var root = document.documentElement;
  root.setAttribute('data-today', today);
  var all = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };

  function run() {
    var hidden = 0;
    all('[data-end]').forEach(function (el) {
      var end = el.getAttribute('data-end');
      if (end && end < today) {
        el.hidden = true;
        el.setAttribute('data-expired', '');
        if (el.hasAttribute('data-record')) hidden++;
      }
    });

    var shown = {};
    all('[data-record]').forEach(function (el) {
      if (el.hidden) return;
      var k = el.getAttribute('data-kind');
      shown[k] = (shown[k] || 0) + 1;
    });
    all('[data-more]').forEach(function (el) {
      var k = el.getAttribute('data-kind');
      JSON.parse(el.getAttribute('data-end-counts')).forEach(function (p) {
        if (p[0] < today) hidden += p[1];
        else shown[k] = (shown[k] || 0) + p[1];
      });
    });
    if (hidden > 0) {
      all('[data-count]').forEach(function (el) { el.textContent = String(shown[el.getAttribute('data-count')] || 0); });
      all('[data-show-if]').forEach(function (el) { el.hidden = !shown[el.getAttribute('data-show-if')]; });
      all('[data-show-unless]').forEach(function (el) { el.hidden = !!shown[el.getAttribute('data-show-unless')]; });
    }

    all('[data-end-counts]').forEach(function (el) {
      var total = Number(el.getAttribute('data-total'));
      var ended = 0;
      JSON.parse(el.getAttribute('data-end-counts')).forEach(function (p) { if (p[0] < today) ended += p[1]; });
      if (ended > 0) el.textContent = el.textContent.replace(String(total), String(total - ended));
    });

    all('[data-repair-from]').forEach(function (el) {
      if (el.getAttribute('data-repair-from') <= today) {
        el.textContent = '可申请修复';
        el.className = el.getAttribute('data-repairable-class') || el.className;
      }
    });
    all('[data-repair-now]').forEach(function (el) { el.hidden = el.getAttribute('data-repair-now') > today; });
    all('[data-repair-later]').forEach(function (el) { el.hidden = el.getAttribute('data-repair-later') <= today; });
    all('[data-valid-to]').forEach(function (el) { if (el.getAttribute('data-valid-to') < today) el.textContent = '有效期届满'; });

    var pageEnd = root.getAttribute('data-page-end');
    if (pageEnd && pageEnd < today) {
      var site = document.querySelector('meta[name="SiteName"]');
      document.title = '该信息已停止公示' + (site ? ' - ' + site.getAttribute('content') : '');
      all('[data-names-subject]').forEach(function (el) {
        var text = el.getAttribute('data-ended-text');
        if (text) el.textContent = text;
        else el.hidden = true;
      });
    }

    var retrieved = document.querySelector('[data-retrieved]');
    var citation = document.querySelector('[data-citation]');
    if (retrieved && citation) {
      citation.value = citation.value.replace('检索日期：' + retrieved.textContent, '检索日期：' + today);
      retrieved.textContent = today;
    }
    var permalink = document.querySelector('[data-permalink]');
    if (permalink && citation && permalink.textContent.indexOf('http') !== 0) {
      var abs = location.origin + permalink.getAttribute('href');
      citation.value = citation.value.replace('链接：' + permalink.textContent, '链接：' + abs);
      permalink.textContent = abs;
    }

    var note = document.getElementById('expiry-note');
    if (note && hidden > 0) {
      note.textContent = '本页生成后，有 ' + hidden + ' 条信息的公示期已届满，依规不再显示。';
      note.hidden = false;
    }
    staleness(note);
  }

  // Data older than the district's limit: say so, once, on every page.
  function staleness(note) {
    if (!note || !window.fetch) return;
    fetch('/data/build.json').then(function (r) { return r.ok ? r.json() : null; }).then(function (b) {
      if (!b || !b.dataDate || !b.staleAfterDays) return;
      var age = Math.round((Date.parse(today) - Date.parse(b.dataDate)) / 86400000);
      if (age <= b.staleAfterDays) return;
      var p = document.createElement('p');
      p.setAttribute('data-stale', '');
      p.textContent = '本站数据更新于 ' + b.dataDate + '，距今已 ' + age + ' 天，可能未反映此后的变化。';
      note.parentNode.insertBefore(p, note);
      p.className = note.className;
    }).catch(function () {});
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();

// The page's one small script ("按诉求查找"): it never reads the page's data into code, only
// compares the resident's words with each row's data-find text. The page works without it.
export const SEARCH_SCRIPT = `
(function () {
  var box = document.getElementById('search');
  var q = document.getElementById('q');
  var clear = document.getElementById('clear');
  var status = document.getElementById('search-status');
  var none = document.getElementById('search-none');
  if (!box || !q || !status || !none) return;
  var rows = [].slice.call(document.querySelectorAll('#timetable tbody tr[data-find]'));
  var weeks = [].slice.call(document.querySelectorAll('#timetable tbody.week'));
  var marks = [].slice.call(document.querySelectorAll('.grid li[data-find]'));
  function words(s) { return s.split(/[\\s,，、;；。.:：]+/).filter(function (w) { return w; }); }
  function hit(el, ws) {
    var text = el.getAttribute('data-find') || '';
    return ws.some(function (w) { return text.indexOf(w) >= 0; });
  }
  function run() {
    var ws = words(q.value);
    var n = 0;
    rows.forEach(function (r) { var show = !ws.length || hit(r, ws); r.hidden = !show; if (show) n++; });
    weeks.forEach(function (w) { w.hidden = !w.querySelector('tr[data-find]:not([hidden])'); });
    marks.forEach(function (m) { m.classList.toggle('match', ws.length > 0 && hit(m, ws)); });
    status.textContent = ws.length && n ? '找到 ' + n + ' 天，已在下表列出。' : '';
    none.hidden = !(ws.length && !n);
  }
  q.addEventListener('input', run);
  clear.addEventListener('click', function () { q.value = ''; run(); q.focus(); });
  box.hidden = false;
  run();
})();
`.trim();

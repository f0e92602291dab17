// gongwen report.html — the page script (inlined; plain ES2020, no imports, no network).
// Boxes in #gw-data are PDF points [x0, top, x1, bottom] from the top-left of the displayed page;
// the page view draws them as percentages of the page, so they follow any zoom.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('gw-data').textContent);
  var pages = new Map();
  data.pages.forEach(function (p) { pages.set(p.page, p); });
  var cards = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var viewer = document.getElementById('viewer');
  var vPage = viewer.querySelector('.page');
  var vImg = viewer.querySelector('.page-img');
  var vHls = viewer.querySelector('.hls');
  var vBody = viewer.querySelector('.viewer-body');
  var vTitle = viewer.querySelector('.viewer-title');
  var vNoImg = viewer.querySelector('.no-image');
  var vFind = viewer.querySelector('.viewer-finding');
  // labels in the report's language: L('r.reviewed', { n: 1, total: 4 })
  function L(key, params) {
    var s = (data.labels && data.labels[key]) || key;
    return s.replace(/\{(\w+)\}/g, function (m, k) { return params && k in params ? String(params[k]) : m; });
  }
  function methodName(m) { return data.labels && data.labels['r.m.' + m] ? L('r.m.' + m) : m; }

  // ---- selection of findings -------------------------------------------------------------
  var sel = -1;
  function select(i, scroll) {
    if (cards.length === 0) return;
    i = Math.max(0, Math.min(cards.length - 1, i));
    if (sel >= 0 && cards[sel]) cards[sel].classList.remove('selected');
    sel = i;
    var card = cards[sel];
    card.classList.add('selected');
    if (scroll !== false) {
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'nearest' });
    }
  }
  function findingIndex(card) { return Number(card.getAttribute('data-i')); }
  /** the next shown card from `sel` in direction d (the filters hide some) */
  function step(d) {
    if (sel < 0) { for (var i = 0; i < cards.length; i++) if (!cards[i].hidden) return i; return -1; }
    for (var j = sel + d; j >= 0 && j < cards.length; j += d) if (!cards[j].hidden) return j;
    return sel;
  }

  // ---- page view -------------------------------------------------------------------------
  var zoom = 1;
  var current = null; // { page, focus: [{bbox, kind}], finding }
  function place(el, bbox, p) {
    el.style.left = (bbox[0] / p.w) * 100 + '%';
    el.style.top = (bbox[1] / p.h) * 100 + '%';
    el.style.width = ((bbox[2] - bbox[0]) / p.w) * 100 + '%';
    el.style.height = ((bbox[3] - bbox[1]) / p.h) * 100 + '%';
  }
  function addBox(bbox, p, cls, title, attrs) {
    var d = document.createElement('div');
    d.className = 'hl ' + cls + (bbox[3] - bbox[1] > 80 ? ' big' : '');
    if (title) d.title = title;
    Object.keys(attrs || {}).forEach(function (k) { d.setAttribute(k, attrs[k]); });
    place(d, bbox, p);
    vHls.appendChild(d);
    return d;
  }
  function scale(p) {
    // CSS px per point: about the image's own resolution, never wider than the window
    var fit = (vBody.clientWidth - 32) / p.w;
    return Math.max(0.3, Math.min(1.35, fit > 0 ? fit : 1.35) * zoom);
  }
  function openPage(view) {
    var p = pages.get(view.page);
    if (!p) return;
    current = view;
    viewer.hidden = false;
    document.body.style.overflow = 'hidden';
    var s = scale(p);
    vPage.style.width = Math.round(p.w * s) + 'px';
    vPage.style.height = Math.round(p.h * s) + 'px';
    vPage.setAttribute('data-page', String(p.page));
    vPage.setAttribute('data-w', String(p.w));
    vPage.setAttribute('data-h', String(p.h));
    if (p.img) { vImg.src = p.img; vImg.hidden = false; vNoImg.hidden = true; }
    else { vImg.removeAttribute('src'); vImg.hidden = true; vNoImg.hidden = false; }
    vHls.textContent = '';
    var focusEls = [];
    data.marks.forEach(function (m) { if (m.page === p.page) addBox(m.bbox, p, 'lowconf', m.label); });
    data.findings.forEach(function (f, fi) {
      f.ev.forEach(function (e, ei) {
        if (e.page !== p.page) return;
        var isFocus = view.finding === fi && (view.evidence === undefined || view.evidence === ei);
        var el = addBox(e.bbox, p, isFocus ? 'focus' : 'other', f.rule + ': ' + f.message, { 'data-f': fi, 'data-e': ei });
        if (isFocus) focusEls.push(el);
      });
    });
    (view.focus || []).forEach(function (b) { focusEls.push(addBox(b.bbox, p, b.kind, b.title || '')); });
    vTitle.textContent = L('r.v.title', { page: p.page, pages: data.pages.length, method: methodName(p.method) }) +
      (p.method !== 'text' ? L('r.v.confidence', { c: p.conf.toFixed(2) }) : '') +
      (view.finding !== undefined ? ' · ' + data.findings[view.finding].rule : '') + (view.label ? ' · ' + view.label : '');
    showViewerFinding(view.finding);
    // bring the first focused box into view
    var first = focusEls[0];
    requestAnimationFrame(function () {
      if (!first) { vBody.scrollTop = 0; return; }
      var top = first.offsetTop + vPage.offsetTop;
      var left = first.offsetLeft + vPage.offsetLeft;
      vBody.scrollTop = Math.max(0, top - vBody.clientHeight / 3);
      vBody.scrollLeft = Math.max(0, left - 40);
    });
  }
  // the finding shown in the page view: severity, rule, message, expected and actual, review state
  function showViewerFinding(fi) {
    var f = fi === undefined ? null : data.findings[fi];
    vFind.hidden = !f;
    if (!f) return;
    var sev = vFind.querySelector('.vf-sev');
    sev.className = 'vf-sev sev-badge ' + f.severity;
    sev.textContent = cards[fi] ? cards[fi].querySelector('.sev-badge').textContent : f.severity;
    vFind.querySelector('.vf-rule').textContent = f.rule;
    vFind.querySelector('.vf-msg').textContent = f.message;
    var xa = vFind.querySelector('.vf-xa');
    xa.hidden = f.expected === null && f.actual === null;
    vFind.querySelector('.vf-expected').textContent = f.expected === null ? '—' : String(f.expected);
    vFind.querySelector('.vf-actual').textContent = f.actual === null ? '—' : String(f.actual);
    var d = decisions[f.key] || { status: 'open' };
    var st = vFind.querySelector('.vf-state');
    st.className = 'vf-state ' + d.status;
    st.textContent = L(d.status === 'confirmed' ? 'r.f.stateConfirmed' : d.status === 'dismissed' ? 'r.f.stateDismissed' : 'r.f.stateOpen') + (d.note ? ' — ' + d.note : '');
  }
  function closePage() {
    viewer.hidden = true;
    current = null;
    document.body.style.overflow = '';
    if (sel >= 0) cards[sel].focus({ preventScroll: true });
  }
  function openFinding(i, evidence) {
    var f = data.findings[i];
    if (!f || f.ev.length === 0) return;
    var e = evidence === undefined ? 0 : evidence;
    openPage({ page: f.ev[e].page, finding: i, evidence: evidence });
  }
  function stepPage(d) {
    if (!current) return;
    var n = current.page + d;
    while (pages.has(n) && !pages.get(n).img) n += d;
    if (pages.has(n)) openPage({ page: n });
  }
  function parseBox(s) { return s.split(',').map(Number); }

  viewer.addEventListener('click', function (ev) {
    var act = ev.target.closest('[data-act]');
    if (act) {
      var a = act.getAttribute('data-act');
      if (a === 'close') closePage();
      else if (a === 'prev-page') stepPage(-1);
      else if (a === 'next-page') stepPage(1);
      else if (a === 'zoom-in' || a === 'zoom-out') { zoom *= a === 'zoom-in' ? 1.25 : 0.8; if (current) openPage(current); }
      return;
    }
    if (ev.target === vBody) closePage();
  });

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    var crop = t.closest('figure.crop');
    if (crop) {
      var fi = Number(crop.getAttribute('data-f'));
      select(fi, false);
      openFinding(fi, Number(crop.getAttribute('data-e')));
      return;
    }
    var cell = t.closest('table.data [data-page]');
    if (cell) {
      openPage({ page: Number(cell.getAttribute('data-page')), focus: [{ bbox: parseBox(cell.getAttribute('data-bbox')), kind: 'cell', title: cell.textContent }], label: L('r.v.cellLabel', { text: cell.textContent.slice(0, 40) }) });
      return;
    }
    var chip = t.closest('.strip .chip');
    if (chip && !chip.disabled) { openPage({ page: Number(chip.getAttribute('data-page')) }); return; }
    var go = t.closest('[data-goto]');
    if (go) {
      var target = document.getElementById(go.getAttribute('data-goto'));
      if (target) { ev.preventDefault(); select(cards.indexOf(target)); }
      return;
    }
    var card = t.closest('.finding');
    if (card && !t.closest('.review')) select(cards.indexOf(card), false);
  });

  // ---- review decisions --------------------------------------------------------------------
  var decisions = {};
  Object.keys(data.decisions).forEach(function (k) { decisions[k] = data.decisions[k]; });
  function storageGet() {
    try { return JSON.parse(window.localStorage.getItem(data.storageKey) || 'null'); } catch (e) { return null; }
  }
  function storageSet() {
    try { window.localStorage.setItem(data.storageKey, JSON.stringify({ decisions: decisions })); } catch (e) { /* storage unavailable: the file download still works */ }
  }
  var stored = storageGet();
  if (stored && stored.decisions) Object.keys(stored.decisions).forEach(function (k) { decisions[k] = stored.decisions[k]; });

  function showDecision(card) {
    var key = card.getAttribute('data-key');
    var d = decisions[key] || { status: 'open', note: '' };
    card.classList.toggle('confirmed', d.status === 'confirmed');
    card.classList.toggle('dismissed', d.status === 'dismissed');
    var state = card.querySelector('.state');
    if (state) state.textContent = d.status === 'confirmed' ? L('r.f.stateConfirmed') : d.status === 'dismissed' ? L('r.f.stateDismissed') : '';
    var radio = card.querySelector('.review input[value="' + d.status + '"]');
    if (radio) radio.checked = true;
    var note = card.querySelector('.review .note');
    if (note && document.activeElement !== note) note.value = d.note || '';
  }
  function progress() {
    var c = 0, x = 0;
    cards.forEach(function (card) {
      var d = decisions[card.getAttribute('data-key')];
      if (d && d.status === 'confirmed') c++;
      if (d && d.status === 'dismissed') x++;
    });
    document.getElementById('review-progress').textContent = L('r.reviewed', { n: c + x, total: cards.length }) + (c + x ? L('r.reviewedDetail', { confirmed: c, dismissed: x }) : '');
  }
  function decide(card, status, note) {
    var key = card.getAttribute('data-key');
    var old = decisions[key] || { status: 'open', note: '' };
    decisions[key] = { status: status || old.status, note: note === undefined ? old.note || '' : note, decidedAt: new Date().toISOString() };
    storageSet();
    showDecision(card);
    progress();
    applyFilters();
    if (current && current.finding === findingIndex(card)) showViewerFinding(current.finding);
  }
  document.addEventListener('change', function (ev) {
    var t = ev.target;
    if (t.matches('.review input[type=radio]')) decide(t.closest('.finding'), t.value);
  });
  document.addEventListener('input', function (ev) {
    var t = ev.target;
    if (t.matches('.review .note')) decide(t.closest('.finding'), undefined, t.value);
  });

  function reviewFile() {
    var out = [];
    data.findings.forEach(function (f) {
      var d = decisions[f.key];
      if (!d || (d.status !== 'confirmed' && d.status !== 'dismissed')) return;
      out.push({ key: f.key, rule: f.rule, status: d.status, note: d.note || '', decidedAt: d.decidedAt, message: f.message, expected: f.expected, actual: f.actual });
    });
    return { gongwen: { version: data.version }, document: data.doc, decisions: out };
  }
  // Save: where the browser can write files (File System Access API, Chromium) the reviewer picks
  // review.json in the document's output folder once and later saves rewrite it; elsewhere a download,
  // with the exact folder it must be moved to
  var saveNote = document.getElementById('save-note');
  // the output folder is where this report.html lies, read from its own address when opened from
  // disk (so a moved folder stays right and the file holds no path of the machine that wrote it)
  var folder = location.protocol === 'file:' ? decodeURIComponent(location.pathname.replace(/\/[^/]*$/, '')).replace(/^\/([A-Za-z]:)/, '$1') : L('r.thisFolder');
  var saveHandle = null;
  function reviewJson() { return JSON.stringify(reviewFile(), null, 2) + '\n'; }
  function download() {
    var blob = new Blob([reviewJson()], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'review.json';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    saveNote.textContent = L('r.downloaded', { dir: folder });
  }
  function writeTo(handle) {
    return handle.createWritable().then(function (w) {
      return w.write(reviewJson()).then(function () { return w.close(); });
    }).then(function () {
      saveHandle = handle;
      saveNote.textContent = L('r.saved', { file: handle.name, dir: folder });
    });
  }
  document.getElementById('save-review').addEventListener('click', function () {
    if (saveHandle) { writeTo(saveHandle).catch(function () { saveHandle = null; download(); }); return; }
    if (typeof window.showSaveFilePicker !== 'function') { download(); return; }
    window.showSaveFilePicker({ suggestedName: 'review.json', id: 'gongwen-review', types: [{ description: 'review.json', accept: { 'application/json': ['.json'] } }] })
      .then(writeTo)
      .catch(function (e) { if (!e || e.name !== 'AbortError') download(); });
  });
  document.getElementById('load-review').addEventListener('change', function (ev) {
    var file = ev.target.files && ev.target.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var parsed = JSON.parse(text);
      var matched = 0, total = 0;
      (parsed.decisions || []).forEach(function (d) {
        total++;
        if (!data.findings.some(function (f) { return f.key === d.key; })) return;
        matched++;
        decisions[d.key] = { status: d.status, note: d.note || '', decidedAt: d.decidedAt };
      });
      storageSet();
      cards.forEach(showDecision);
      progress();
      document.getElementById('review-progress').title = L('r.loaded', { matched: matched, total: total, file: file.name });
      applyFilters();
    }).catch(function (e) { window.alert(L('r.notReview') + e.message); });
    ev.target.value = '';
  });
  // ---- filters: severity, rule, page, review state -------------------------------------------
  var filters = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  function applyFilters() {
    if (filters.length === 0) return;
    var want = {};
    filters.forEach(function (f) { want[f.getAttribute('data-filter')] = f.value; });
    var shown = 0;
    cards.forEach(function (card) {
      var d = decisions[card.getAttribute('data-key')];
      var state = d ? d.status : 'open';
      var ok = (!want.severity || card.getAttribute('data-severity') === want.severity) &&
        (!want.rule || card.getAttribute('data-rule') === want.rule) &&
        (!want.page || card.getAttribute('data-pages').split(',').indexOf(want.page) >= 0) &&
        (!want.state || state === want.state);
      card.hidden = !ok;
      if (ok) shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.sev-group'), function (g) {
      var n = g.querySelectorAll('.finding:not([hidden])').length;
      g.hidden = n === 0;
      g.querySelector('.group-count').textContent = String(n);
    });
    document.getElementById('filter-count').textContent = L('r.f.showing', { n: shown, total: cards.length });
  }
  filters.forEach(function (f) { f.addEventListener('change', applyFilters); });

  cards.forEach(showDecision);
  progress();
  applyFilters();

  // ---- keyboard ------------------------------------------------------------------------------
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    var typing = t && (t.tagName === 'INPUT' && t.type === 'text' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');
    if (typing) {
      if (ev.key === 'Escape' || ev.key === 'Enter') { t.blur(); ev.preventDefault(); }
      return;
    }
    var k = ev.key;
    if (!viewer.hidden) {
      if (k === 'Escape') { closePage(); ev.preventDefault(); }
      else if (k === 'j' || k === 'ArrowDown' || k === 'k' || k === 'ArrowUp') {
        var to = step(k === 'j' || k === 'ArrowDown' ? 1 : -1);
        if (to >= 0) { select(to, false); openFinding(findingIndex(cards[sel])); }
        ev.preventDefault();
      } else if (current && current.finding !== undefined && (k === 'c' || k === 'd' || k === 'u')) {
        // review keys in the page view act on the finding it shows
        decide(cards[current.finding], k === 'c' ? 'confirmed' : k === 'd' ? 'dismissed' : 'open');
        ev.preventDefault();
      } else if (current && current.finding !== undefined && k === 'n') {
        var card = cards[current.finding];
        var old = (decisions[card.getAttribute('data-key')] || {}).note || '';
        var note = window.prompt(L('r.f.noteLabel') || 'note', old);
        if (note !== null) decide(card, undefined, note);
        ev.preventDefault();
      } else if (k === 'ArrowLeft') { stepPage(-1); ev.preventDefault(); }
      else if (k === 'ArrowRight') { stepPage(1); ev.preventDefault(); }
      return;
    }
    if (cards.length === 0) return;
    if (k === 'j' || k === 'ArrowDown') { if (step(1) >= 0) select(step(1)); ev.preventDefault(); }
    else if (k === 'k' || k === 'ArrowUp') { if (step(-1) >= 0) select(step(-1)); ev.preventDefault(); }
    else if (k === 'Enter' && sel >= 0 && !(t && t.closest && t.closest('button, a, summary, input, select, label'))) { openFinding(findingIndex(cards[sel])); ev.preventDefault(); }
    else if (sel >= 0 && (k === 'c' || k === 'd' || k === 'u')) { decide(cards[sel], k === 'c' ? 'confirmed' : k === 'd' ? 'dismissed' : 'open'); ev.preventDefault(); }
    else if (sel >= 0 && k === 'n') { cards[sel].querySelector('.review .note').focus(); ev.preventDefault(); }
  });
  window.addEventListener('resize', function () { if (current) openPage(current); });
})();

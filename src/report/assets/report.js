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
  var METHOD = { text: 'text layer', ocr: 'OCR', both: 'text layer + OCR' };

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
    var method = METHOD[p.method] || p.method;
    vTitle.textContent = 'p. ' + p.page + ' of ' + data.pages.length + ' · ' + method +
      (p.method !== 'text' ? ' (confidence ' + p.conf.toFixed(2) + ')' : '') +
      (view.finding !== undefined ? ' · ' + data.findings[view.finding].rule : '') + (view.label ? ' · ' + view.label : '');
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
      openPage({ page: Number(cell.getAttribute('data-page')), focus: [{ bbox: parseBox(cell.getAttribute('data-bbox')), kind: 'cell', title: cell.textContent }], label: 'cell “' + cell.textContent.slice(0, 40) + '”' });
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
    document.getElementById('review-progress').textContent = (c + x) + ' of ' + cards.length + ' reviewed' + (c + x ? ' (' + c + ' confirmed, ' + x + ' dismissed)' : '');
  }
  function decide(card, status, note) {
    var key = card.getAttribute('data-key');
    var old = decisions[key] || { status: 'open', note: '' };
    decisions[key] = { status: status || old.status, note: note === undefined ? old.note || '' : note, decidedAt: new Date().toISOString() };
    storageSet();
    showDecision(card);
    progress();
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
  document.getElementById('save-review').addEventListener('click', function () {
    var blob = new Blob([JSON.stringify(reviewFile(), null, 2) + '\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'review.json';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
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
      document.getElementById('review-progress').title = matched + ' of ' + total + ' decisions in ' + file.name + ' match a finding of this report';
    }).catch(function (e) { window.alert('Not a review.json: ' + e.message); });
    ev.target.value = '';
  });
  cards.forEach(showDecision);
  progress();

  // ---- keyboard ------------------------------------------------------------------------------
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    var typing = t && (t.tagName === 'INPUT' && t.type === 'text' || t.tagName === 'TEXTAREA');
    if (typing) {
      if (ev.key === 'Escape' || ev.key === 'Enter') { t.blur(); ev.preventDefault(); }
      return;
    }
    var k = ev.key;
    if (!viewer.hidden) {
      if (k === 'Escape') { closePage(); ev.preventDefault(); }
      else if (k === 'j' || k === 'ArrowDown' || k === 'k' || k === 'ArrowUp') {
        if (cards.length) { select(sel + (k === 'j' || k === 'ArrowDown' ? 1 : -1)); openFinding(findingIndex(cards[sel])); }
        ev.preventDefault();
      } else if (k === 'ArrowLeft') { stepPage(-1); ev.preventDefault(); }
      else if (k === 'ArrowRight') { stepPage(1); ev.preventDefault(); }
      return;
    }
    if (cards.length === 0) return;
    if (k === 'j' || k === 'ArrowDown') { select(sel < 0 ? 0 : sel + 1); ev.preventDefault(); }
    else if (k === 'k' || k === 'ArrowUp') { select(sel < 0 ? 0 : sel - 1); ev.preventDefault(); }
    else if (k === 'Enter' && sel >= 0 && !(t && t.closest && t.closest('button, a, summary, input, select, label'))) { openFinding(findingIndex(cards[sel])); ev.preventDefault(); }
    else if (sel >= 0 && (k === 'c' || k === 'd' || k === 'u')) { decide(cards[sel], k === 'c' ? 'confirmed' : k === 'd' ? 'dismissed' : 'open'); ev.preventDefault(); }
    else if (sel >= 0 && k === 'n') { cards[sel].querySelector('.review .note').focus(); ev.preventDefault(); }
  });
  window.addEventListener('resize', function () { if (current) openPage(current); });
})();

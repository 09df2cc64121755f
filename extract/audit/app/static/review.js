// aidfacts review app: keyboard first, the mouse does the same. Verdicts are POSTed with the page's token and
// written at once to verdicts.csv; undo keeps, per tab, what each fact's verdict was before.
(function () {
  'use strict';
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var main = document.getElementById('review');
  var flash = document.getElementById('flash');
  var UNDO = 'aidfacts-undo', FLASH = 'aidfacts-flash';

  function say(message, isError) {
    flash.textContent = message;
    flash.className = isError ? 'error' : 'ok';
  }
  var pending = sessionStorage.getItem(FLASH);
  if (pending) { say(pending, false); sessionStorage.removeItem(FLASH); }

  function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || ('HTTP ' + response.status)); }
        return data;
      });
    });
  }
  function stack() { return JSON.parse(sessionStorage.getItem(UNDO) || '[]'); }
  function keep(items) { sessionStorage.setItem(UNDO, JSON.stringify(items.slice(-200))); }
  function go(url) { if (url) { window.location.href = url; } }
  function here(factId) {
    var query = main ? main.dataset.query : '';
    return '/fact/' + encodeURIComponent(factId) + (query ? '?' + query : '');
  }

  function act(action, extra) {
    var body = {fact_id: main.dataset.fact, action: action, note: document.getElementById('note').value};
    Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
    return post('/verdict', body).then(function (data) {
      var items = stack();
      items.push({fact_id: data.fact_id, before: data.before, after: data.verdict});
      keep(items);
      var shown = data.verdict ? data.verdict.verdict : 'unreviewed';
      var badge = document.getElementById('verdict');
      badge.textContent = shown;
      badge.className = 'badge v-' + shown;
      main.dataset.verdict = shown;
      if (data.verdict && data.verdict.value !== null) { document.getElementById('value').textContent = data.verdict.value; }
      var message = shown + (data.verdict && data.verdict.value ? ' ' + data.verdict.value : '') +
        (data.verdict && data.verdict.attributes ? ' ' + data.verdict.attributes : '') + ': ' + data.fact_id;
      if (action !== 'note' && main.dataset.next) {
        sessionStorage.setItem(FLASH, message + ' (saved; u undoes)');
        go(main.dataset.next);
      } else {
        say(message + ' (saved)', false);
      }
    }).catch(function (error) { say(error.message, true); });
  }

  function undo() {
    var items = stack();
    var last = items.pop();
    if (!last) { say('nothing to undo', true); return; }
    post('/restore', {fact_id: last.fact_id, verdict: last.before, replaces: last.after}).then(function () {
      keep(items);
      sessionStorage.setItem(FLASH, 'undone: ' + last.fact_id + ' is ' + (last.before ? last.before.verdict : 'unreviewed') + ' again');
      go(here(last.fact_id));
    }).catch(function (error) { say(error.message, true); });
  }

  var correctForm = document.getElementById('correct-form');
  function openCorrection() {
    correctForm.hidden = false;
    var first = correctForm.querySelector('input, select');
    if (first) { first.focus(); if (first.select) { first.select(); } }
  }
  function submitCorrection(event) {
    event.preventDefault();
    var value = document.getElementById('correct-value');
    var body = {value: '', attributes: {}};
    if (value && value.value.trim() !== value.defaultValue.trim()) { body.value = value.value.trim(); }
    correctForm.querySelectorAll('[data-attribute]').forEach(function (field) {
      var initial = field.tagName === 'SELECT' ?
        (Array.prototype.find.call(field.options, function (o) { return o.defaultSelected; }) || {value: ''}).value :
        field.defaultValue;
      if (field.value.trim() && field.value.trim() !== initial.trim()) { body.attributes[field.dataset.attribute] = field.value.trim(); }
    });
    if (!body.value && !Object.keys(body.attributes).length) { say('nothing changed: edit the value or an attribute', true); return; }
    act('correct', body);
  }

  var handlers = {
    'accept': function () { act('accept'); },
    'reject': function () { act('reject'); },
    'accept-suggestion': function () {
      if (!document.getElementById('suggestion')) { say('this fact has no suggestion', true); return; }
      act('accept-suggestion');
    },
    'correct': openCorrection,
    'undo': undo,
    'next': function () { if (main.dataset.next) { go(main.dataset.next); } else { say('end of the queue', true); } },
    'prev': function () { if (main.dataset.prev) { go(main.dataset.prev); } else { say('start of the queue', true); } },
    'note': function () { var n = document.getElementById('note'); n.focus(); n.select(); },
    'search': function () { var s = document.getElementById('search'); s.focus(); s.select(); }
  };
  var keys = {a: 'accept', r: 'reject', s: 'accept-suggestion', c: 'correct', u: 'undo', j: 'next', ArrowRight: 'next',
              k: 'prev', ArrowLeft: 'prev', n: 'note', '/': 'search'};

  if (main) {
    document.querySelectorAll('[data-action]').forEach(function (button) {
      button.addEventListener('click', function () { handlers[button.dataset.action](); });
    });
    correctForm.addEventListener('submit', submitCorrection);
    document.getElementById('note-form').addEventListener('submit', function (event) {
      event.preventDefault();
      act('note');
    });
  }
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
    if (event.key === 'Escape') {
      if (typing) { target.blur(); }
      if (correctForm) { correctForm.hidden = true; }
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var name = keys[event.key];
    if (name === 'search') { event.preventDefault(); handlers.search(); return; }
    if (!main || !name) { return; }
    event.preventDefault();
    handlers[name]();
  });
})();

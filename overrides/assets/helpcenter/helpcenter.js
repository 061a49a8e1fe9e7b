/* Help center troubleshooters: one step at a time, a trail of answers that can be
   changed, and a URL (#tree/option/option) that reproduces the exact path. Without this
   script every step is still reachable through plain links. Writer text is only ever
   set with textContent. Events: see docs/troubleshooter-events.md.
   overrides/main.html inlines this file (a Jinja include: no Jinja delimiters here). */
(function () {
  "use strict";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function el(tag, cls, text, lang) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }
  function find(options, id) {
    for (var i = 0; i < options.length; i++) if (options[i].id === id) return options[i];
    return null;
  }
  /* Material's analytics, when a site configures it (nothing is sent otherwise). */
  function analytics(name, params) {
    if (typeof window.gtag === "function") window.gtag("event", name, params);
    else if (window.dataLayer && window.dataLayer.push) (function () { window.dataLayer.push(arguments); })("event", name, params);
  }

  function setup(root) {
    if (root.hcReady) return;
    root.hcReady = true;
    var data = JSON.parse(root.querySelector(".hc-ts__data").textContent);
    var tree = data.tree, ui = data.ui, nodes = {};
    var steps = {};
    /* The graph, titles and labels come from the steps' HTML (there for readers without
       JavaScript), not from the JSON: no writer text is sent twice. */
    function plain(e) { return e.textContent.replace(/\s+/g, " ").trim(); }
    each(root.querySelectorAll(".hc-step"), function (s) {
      var id = s.getAttribute("data-node"), title = s.querySelector(".hc-step__title");
      var node = nodes[id] = { t: plain(title), l: title.getAttribute("lang") || "" };
      var links = s.querySelectorAll("a[data-option]");
      if (!s.hasAttribute("data-outcome")) node.o = [];
      each(links, function (a) {
        node.o.push({ id: a.getAttribute("data-option"), label: plain(a), l: a.getAttribute("lang") || "",
          next: a.getAttribute("href").slice(tree.length + 3) });
      });
      steps[id] = s;
    });
    var trail = root.querySelector(".hc-trail"), list = trail.querySelector("ol");
    var live = root.querySelector(".hc-live");
    var path = [], visited = [data.start];
    var remembered = {}; /* question -> option: kept when an earlier answer changes */

    function walk(answers) {
      var node = data.start, seen = [node], ok = [];
      for (var i = 0; i < answers.length; i++) {
        var option = nodes[node] && nodes[node].o && find(nodes[node].o, answers[i]);
        if (!option || !nodes[option.next]) break;
        ok.push(option.id); node = option.next; seen.push(node);
      }
      return { answers: ok, nodes: seen };
    }
    /* Follow remembered answers from where `answers` leads, as far as they still fit. */
    function extend(answers) {
      var node = walk(answers).nodes.pop(), guard = 0, option;
      while (guard++ < 500 && nodes[node].o && (option = find(nodes[node].o, remembered[node]))) {
        answers = answers.concat(option.id); node = option.next;
      }
      return answers;
    }
    /* The shortest path to a node, for no-JavaScript links (#tree--node) opened here. */
    function pathTo(target) {
      var queue = [[data.start, []]], seen = {};
      while (queue.length) {
        var item = queue.shift(), node = item[0];
        if (node === target) return item[1];
        if (seen[node] || !nodes[node] || !nodes[node].o) continue;
        seen[node] = true;
        nodes[node].o.forEach(function (o) { queue.push([o.next, item[1].concat(o.id)]); });
      }
      return [];
    }
    function fromHash(hash) {
      var h = decodeURIComponent(hash.replace(/^#/, ""));
      if (h === tree) return [];
      if (h.indexOf(tree + "/") === 0) return h.slice(tree.length + 1).split("/").filter(Boolean);
      if (h.indexOf(tree + "--") === 0) {
        /* A step or its title (#tree--node-title, where search finds the step). */
        var id = h.slice(tree.length + 2);
        return pathTo(nodes[id] ? id : id.replace(/-title$/, ""));
      }
      return null;
    }
    function hashOf(answers) { return "#" + [tree].concat(answers).join("/"); }

    function summary(outcome) {
      var lines = [ui.summary_troubleshooter + ": " + data.title];
      path.forEach(function (answer, i) {
        var q = nodes[visited[i]];
        lines.push(i + 1 + ". " + q.t + " — " + find(q.o, answer).label);
      });
      lines.push(ui.summary_result + ": " + nodes[outcome].t);
      lines.push(ui.summary_page + ": " + location.href);
      return lines.join("\n");
    }

    function renderTrail() {
      list.textContent = "";
      path.forEach(function (answer, i) {
        var q = nodes[visited[i]], option = find(q.o, answer);
        var item = el("li");
        item.appendChild(el("span", "hc-trail__question", q.t, q.l));
        item.appendChild(el("span", "hc-trail__answer", option.label, option.l));
        var change = el("button", "hc-trail__change", ui.change);
        change.type = "button";
        change.setAttribute("data-change", i);
        change.setAttribute("aria-label", fill(ui.change_answer, { question: q.t }));
        item.appendChild(change);
        list.appendChild(item);
      });
      trail.hidden = path.length === 0;
    }

    function show(answers, announce) {
      var walked = walk(answers);
      path = walked.answers; visited = walked.nodes;
      var current = visited[visited.length - 1], node = nodes[current], step = steps[current];
      each(root.querySelectorAll(".hc-step"), function (s) {
        if (s === step) s.setAttribute("aria-current", "step");
        else s.removeAttribute("aria-current");
      });
      each(step.querySelectorAll("[data-option]"), function (a) {
        if (a.getAttribute("data-option") === remembered[current]) a.setAttribute("aria-current", "true");
        else a.removeAttribute("aria-current");
      });
      path.forEach(function (answer, i) { remembered[visited[i]] = answer; });
      if (!node.o) {
        var text = summary(current), pre = step.querySelector(".hc-summary");
        var contact = step.querySelector(".hc-contact__link");
        if (pre) pre.textContent = text;
        each(step.querySelectorAll(".hc-summary__status"), function (s) { s.textContent = ""; });
        if (contact && data.contact) {
          contact.href = data.contact.replace("{subject}", encodeURIComponent(node.t))
            .replace("{summary}", encodeURIComponent(text));
        }
      }
      renderTrail();
      /* The language switcher keeps the customer on this troubleshooter and step. */
      each(document.querySelectorAll("a.md-select__link[hreflang]"), function (a) { a.hash = hashOf(path); });
      if (announce) {
        step.querySelector(".hc-step__title").focus();
        live.textContent = fill(ui.step_announce, { number: visited.length, title: node.t });
      }
    }
    function go(answers) {
      history.pushState(null, "", hashOf(answers));
      show(answers, true);
    }

    root.addEventListener("click", function (ev) {
      var target = ev.target.closest("a, button");
      if (!target || !root.contains(target)) return;
      var option = target.getAttribute("data-option"), change = target.getAttribute("data-change");
      var helpful = target.getAttribute("data-helpful");
      if (option) {
        var question = target.closest(".hc-step").getAttribute("data-node");
        var at = visited.indexOf(question);
        remembered[question] = option;
        go(extend(path.slice(0, at < 0 ? path.length : at).concat(option)));
      } else if (change !== null) {
        go(path.slice(0, +change));
      } else if (target.matches(".hc-restart, .hc-trail__restart")) {
        remembered = {};
        go([]);
      } else if (helpful) {
        feedback(target, helpful === "yes");
      } else if (target.matches(".hc-summary__copy")) {
        copy(target);
      } else return;
      ev.preventDefault();
    });

    /* One answer per outcome and page view: the question goes, a thank you takes its
       place and gets the focus (the button that had it is gone). */
    function feedback(button, helpful) {
      var box = button.closest(".hc-feedback"), outcome = visited[visited.length - 1];
      var detail = { tree: tree, outcome: outcome, language: data.lang, helpful: helpful, answers: path.slice() };
      root.dispatchEvent(new CustomEvent("helpcenter:feedback", { bubbles: true, detail: detail }));
      analytics("feedback", { page: location.pathname, data: helpful ? 1 : 0, tree: tree, outcome: outcome });
      var thanks = box.querySelector(".hc-feedback__thanks");
      box.querySelector(".hc-feedback__question").hidden = true;
      box.querySelector(".hc-feedback__choices").hidden = true;
      thanks.textContent = ui.feedback_thanks;
      thanks.hidden = false;
      thanks.focus();
    }

    /* Copy the summary of answers; the result is announced in the live region beside. */
    function copy(button) {
      var text = button.closest(".hc-contact").querySelector(".hc-summary").textContent;
      var status = button.parentNode.querySelector(".hc-summary__status");
      function done(ok) { status.textContent = ok ? ui.copied : ui.copy_failed; }
      status.textContent = "";
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(copyBySelection(text, button)); });
      } else done(copyBySelection(text, button));
    }
    function copyBySelection(text, button) {
      var area = el("textarea", "hc-offscreen");
      area.value = text;
      area.setAttribute("readonly", "");
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      button.focus();
      return ok;
    }

    window.addEventListener("popstate", function () {
      var answers = location.hash ? fromHash(location.hash) : [];
      if (answers !== null) show(answers, true);
    });

    /* Only with this script do the feedback and copy buttons do anything: show them. */
    each(root.querySelectorAll(".hc-feedback, .hc-summary__actions"), function (f) { f.hidden = false; });
    root.classList.add("hc-js");
    var initial = fromHash(location.hash);
    if (initial !== null && location.hash.indexOf(tree + "--") === 1) {
      history.replaceState(null, "", hashOf(initial));
    }
    show(initial || [], false);
  }

  /* Inlined right after the page content, before Material's bundle: every troubleshooter
     is in the DOM already and gets its step before the first paint (no layout shift). */
  each(document.querySelectorAll(".hc-ts[data-tree]"), setup);
})();

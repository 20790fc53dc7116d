"use strict";
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const PAGE = 200;
  const ruleFilter = document.getElementById("rule-filter");
  const yearFilter = document.getElementById("year-filter");
  const textFilter = document.getElementById("text-filter");
  const body = document.querySelector("#findings tbody");
  const more = document.getElementById("more");
  const shown = document.getElementById("shown");
  const rows = data.findings.map(function (f, i) {
    const file = data.files[f[0]];
    return {
      index: i, file: file.path, url: file.url, year: file.year,
      line: f[1], column: f[2], rule: data.rules[f[3]], severity: f[4], message: f[5],
      before: f[6], text: f[7], after: f[8], fixable: f[9],
      haystack: (file.path + "\n" + f[5] + "\n" + f[6] + f[7] + f[8]).toLowerCase()
    };
  });
  data.rules.forEach(function (r) {
    ruleFilter.add(new Option(r, r));
  });
  function yearName(y) {
    return y === 0 ? "undated" : String(y);
  }
  Array.from(new Set(rows.map(function (r) { return r.year; }))).sort(function (a, b) {
    return (a || 99999) - (b || 99999);
  }).forEach(function (y) {
    yearFilter.add(new Option(yearName(y), String(y)));
  });

  let sortKey = "file";
  let ascending = true;
  let limit = PAGE;
  let current = rows;

  function compare(a, b) {
    let x = a[sortKey];
    let y = b[sortKey];
    let order = 0;
    if (typeof x === "number") {
      order = x - y;
    } else {
      order = x < y ? -1 : x > y ? 1 : 0;
    }
    if (order === 0) {
      order = a.index - b.index;
    }
    return ascending ? order : -order;
  }

  function cell(tr, text, cls) {
    const td = tr.insertCell();
    if (cls) {
      td.className = cls;
    }
    td.textContent = text;
    return td;
  }

  function render() {
    const rule = ruleFilter.value;
    const year = yearFilter.value;
    const needle = textFilter.value.trim().toLowerCase();
    current = rows.filter(function (r) {
      return (!rule || r.rule === rule) && (!year || String(r.year) === year) &&
        (!needle || r.haystack.indexOf(needle) >= 0);
    }).sort(compare);
    body.textContent = "";
    const end = Math.min(limit, current.length);
    for (let i = 0; i < end; i++) {
      const r = current[i];
      const tr = body.insertRow();
      tr.dataset.rule = r.rule;
      const file = tr.insertCell();
      const link = document.createElement("a");
      link.href = r.url;
      link.textContent = r.file + ":" + r.line;
      link.className = "path";
      file.appendChild(link);
      cell(tr, yearName(r.year), "num").title =
        r.year === 0 ? "no publication date: checked as published today" : "year of publication";
      cell(tr, String(r.line), "num");
      cell(tr, r.rule, "sev-" + r.severity).title = r.severity;
      const td = tr.insertCell();
      const msg = document.createElement("span");
      msg.className = "msg";
      msg.textContent = r.message;
      if (r.fixable) {
        const fix = document.createElement("span");
        fix.className = "fixable";
        fix.textContent = "fixable";
        msg.appendChild(fix);
      }
      td.appendChild(msg);
      const ctx = document.createElement("span");
      ctx.className = "ctx";
      ctx.appendChild(document.createTextNode(r.before));
      const mark = document.createElement("mark");
      mark.textContent = r.text;
      ctx.appendChild(mark);
      ctx.appendChild(document.createTextNode(r.after));
      td.appendChild(ctx);
    }
    shown.textContent = "Showing " + end + " of " + current.length +
      (current.length === 1 ? " finding" : " findings");
    more.hidden = end >= current.length;
    document.querySelectorAll("#rule-chart .bar").forEach(function (g) {
      g.classList.toggle("active", g.dataset.rule === rule);
    });
    document.querySelectorAll("#year-chart .col").forEach(function (g) {
      g.classList.toggle("active", g.dataset.year === year);
    });
  }

  function reset() {
    limit = PAGE;
    render();
  }

  ruleFilter.addEventListener("change", reset);
  yearFilter.addEventListener("change", reset);
  textFilter.addEventListener("input", reset);
  more.addEventListener("click", function () {
    limit += PAGE * 5;
    render();
  });
  document.querySelectorAll("#findings th").forEach(function (th) {
    th.addEventListener("click", function () {
      const key = th.dataset.key;
      ascending = key === sortKey ? !ascending : true;
      sortKey = key;
      document.querySelectorAll("#findings th").forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      reset();
    });
  });
  function pick(select, value) {
    select.value = select.value === value ? "" : value;
    reset();
    document.getElementById("findings-section").scrollIntoView({ behavior: "smooth" });
  }
  document.querySelectorAll("#rule-chart .bar").forEach(function (g) {
    g.addEventListener("click", function () { pick(ruleFilter, g.dataset.rule); });
    g.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { pick(ruleFilter, g.dataset.rule); }
    });
  });
  document.querySelectorAll("#year-chart .col").forEach(function (g) {
    g.addEventListener("click", function () { pick(yearFilter, g.dataset.year); });
  });
  render();
}());

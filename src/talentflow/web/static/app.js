/* talentflow page: flows, organisations, people, facts and articles, with hash routing.
 *
 * Article text and every name come from untrusted news articles, so the DOM is built
 * with createElement/textContent only (never innerHTML). Data comes from the JSON API,
 * or, in the static report, from the JSON block embedded in the page (same shapes).
 */
"use strict";

(function () {
  const PAGE_SIZE = 50;

  // ---------------------------------------------------------------- DOM helpers
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function link(hash, label, cls) {
    return el("a", { href: hash, class: cls }, label);
  }

  function orgLink(name, id) {
    if (!name) return el("span", { class: "muted" }, "unknown");
    return id === null || id === undefined ? el("span", {}, name) : link("#/org/" + id, name, "org");
  }

  function personLink(name, id) {
    if (!name) return el("span", { class: "muted" }, "unknown");
    return id === null || id === undefined ? el("span", {}, name) : link("#/person/" + id, name, "person");
  }

  function safeUrl(url) {
    // Only web links leave the page; a javascript: or data: URL from an article never does.
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") search.set(key, value);
    }
    const text = search.toString();
    return text ? "?" + text : "";
  }

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  // Drawn by charts.js, loaded before this file.
  const charts = window.talentflowCharts;
  const plural = charts.plural;

  // --------------------------------------------------------------- data sources
  class ApiError extends Error {
    constructor(body, status) {
      const error = (body && body.error) || {};
      super(error.message || "request failed (" + status + ")");
      this.hint = error.hint;
      this.code = error.code;
      this.item = error.item;
      this.status = status;
    }
  }

  function apiSource() {
    async function get(path, params) {
      const response = await fetch("/api" + path + query(params), { headers: { Accept: "application/json" } });
      let body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      if (!response.ok) throw new ApiError(body, response.status);
      return body;
    }
    return {
      flows: (params) => get("/flows", params),
      moves: (params) => get("/moves", params),
      person: (id) => get("/people/" + encodeURIComponent(id)),
      org: (id, params) => get("/orgs/" + encodeURIComponent(id), params),
      sources: (id) => get("/facts/" + encodeURIComponent(id) + "/sources"),
      factQuotes: (id) => get("/facts/" + encodeURIComponent(id) + "/quotes"),
      personQuotes: (id) => get("/people/" + encodeURIComponent(id) + "/quotes"),
      article: (id) => get("/articles/" + encodeURIComponent(id)),
      search: (q) => get("/search", { q: q }),
    };
  }

  // The static report answers the same calls from the data embedded in the file.
  function embeddedSource(data) {
    const notFound = (what, id) => Promise.reject(new ApiError({ error: { message: "no " + what + " with id " + id } }, 404));
    const firstDay = (d) => (d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d);
    const lastDay = (d) => (d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d);
    const inPeriod = (date, since, until) => {
      if (!since && !until) return true;
      if (!date) return false;
      const start = firstDay(date);
      return (!since || start >= firstDay(since)) && (!until || start <= lastDay(until));
    };
    const entities = (table) => Object.values(table).map((entry) => {
      const ref = entry.org || entry.person;
      return { id: ref.id, name: ref.name, keys: [ref.name].concat(entry.aliases || []).map(fold) };
    });
    const orgs = entities(data.orgs);
    const people = entities(data.people);
    const idsFor = (value, list) => {
      if (value === null || value === undefined || value === "") return null;
      const text = String(value).trim();
      if (/^\d+$/.test(text)) return [Number(text)];
      const key = fold(text);
      const exact = list.filter((e) => e.keys.includes(key)).map((e) => e.id);
      if (exact.length) return exact;
      const found = list.filter((e) => e.keys.some((k) => (" " + k + " ").includes(" " + key + " "))).map((e) => e.id);
      if (!found.length) return Promise.reject(new ApiError({ error: { message: "no match for " + text } }, 404));
      return found;
    };
    const page = (items, params) => {
      const offset = Number((params && params.offset) || 0);
      const limit = params && params.limit !== undefined ? Number(params.limit) : 100;
      return { items: items.slice(offset, offset + limit), total: items.length, limit: limit, offset: offset };
    };
    const filterMoves = (params) => {
      const p = params || {};
      const sets = {};
      for (const [key, list] of [["from", orgs], ["to", orgs], ["org", orgs], ["person", people]]) {
        const ids = idsFor(p[key], list);
        if (ids instanceof Promise) return ids;
        sets[key] = ids;
      }
      return data.moves.filter((m) => inPeriod(m.date, p.since, p.until)
        && (!sets.from || sets.from.includes(m.from_id))
        && (!sets.to || sets.to.includes(m.to_id))
        && (!sets.person || sets.person.includes(m.person_id))
        && (!sets.org || sets.org.includes(m.from_id) || sets.org.includes(m.to_id)));
    };
    return {
      async flows(params) {
        const p = params || {};
        const moves = await filterMoves({ since: p.since, until: p.until, org: p.org });
        const counts = new Map();
        const unknownOk = p.include_unknown === "true" || p.include_unknown === true;
        for (const m of moves) {
          const known = m.from_id !== null && m.to_id !== null;
          if (known ? m.from_id === m.to_id : !unknownOk || (m.from_id === null && m.to_id === null)) continue;
          const key = m.from_id + ">" + m.to_id;
          const flow = counts.get(key) || { from: m.from, from_id: m.from_id, to: m.to, to_id: m.to_id, count: 0 };
          flow.count += 1;
          counts.set(key, flow);
        }
        const min = Number(p.min || 1);
        const flows = [...counts.values()].filter((f) => f.count >= min)
          .sort((a, b) => b.count - a.count || (a.from === null) - (b.from === null)
            || (a.from || "").localeCompare(b.from || "") || (a.to === null) - (b.to === null)
            || (a.to || "").localeCompare(b.to || ""));
        return { flows: flows, total: flows.length, since: p.since || null, until: p.until || null, min: min };
      },
      async moves(params) {
        return page(await filterMoves(params), params);
      },
      person: (id) => (data.people[id] ? Promise.resolve(data.people[id]) : notFound("person", id)),
      org: (id) => (data.orgs[id] ? Promise.resolve(data.orgs[id]) : notFound("organisation", id)),
      sources: (id) => (data.sources[id] ? Promise.resolve(data.sources[id]) : notFound("fact", id)),
      factQuotes: (id) => Promise.resolve({ items: (data.quotes || []).filter((q) => q.fact_ids.includes(Number(id))) }),
      personQuotes: (id) => Promise.resolve({ items: (data.quotes || []).filter((q) => q.speaker && q.speaker.id === Number(id)) }),
      article: (id) => (data.articles[id] ? Promise.resolve(data.articles[id]) : notFound("article", id)),
      async search(q) {
        const key = fold(q);
        const match = (list) => {
          const items = list.filter((e) => key && e.keys.some((k) => k.includes(key)))
            .map((e) => ({ id: e.id, name: e.name }));
          return { items: items, total: items.length, limit: null, offset: 0 };
        };
        return { query: q, people: match(people), orgs: match(orgs) };
      },
    };
  }

  const embedded = document.getElementById("talentflow-data");
  const source = embedded ? embeddedSource(JSON.parse(embedded.textContent)) : apiSource();

  // -------------------------------------------------------------------- shared bits
  const view = () => document.getElementById("view");

  function show(...nodes) {
    view().replaceChildren(...nodes.flat(2).filter((node) => node !== null && node !== undefined && node !== false));
    window.scrollTo(0, 0);
  }

  // A name filter that matches nothing (or several) answers 404 with a hint listing
  // names as Python reprs: "did you mean 'A', 'B'?" or "be more specific: 'A', ...".
  function suggestionsOf(error) {
    if (error.status !== 404 || !error.hint || !/did you mean|be more specific|give the full name/.test(error.hint)) return [];
    const names = [];
    for (const m of error.hint.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) {
      names.push((m[1] !== undefined ? m[1] : m[2]).replace(/\\(.)/g, "$1"));
    }
    return names;
  }

  // Which filter of ``params`` an error is about: the option it names (--org) or the
  // parameter holding the value it names.
  function filterOf(error, params) {
    const item = error.item ? String(error.item).replace(/^--/, "") : null;
    if (item && Object.prototype.hasOwnProperty.call(params, item)) return item;
    return Object.keys(params).find((key) => params[key] && params[key].trim() === error.item) || null;
  }

  function errorBox(error, retarget) {
    const names = retarget ? suggestionsOf(error) : [];
    return el("div", { class: "error", role: "alert" },
      el("strong", {}, "Could not load this view: "), error.message || String(error),
      names.length ? el("div", { class: "suggestions" }, "Did you mean: ",
        names.map((name, i) => [i ? ", " : "", el("a", { href: retarget(name), class: "suggestion" }, name)]), "?")
        : error.hint ? el("div", { class: "muted" }, "Hint: " + error.hint) : null);
  }

  function showError(error) {
    const [path, queryString] = (location.hash.replace(/^#/, "") || "/").split("?", 2);
    const params = paramsOf(queryString);
    const key = filterOf(error, params);
    show(errorBox(error, key ? (name) => "#" + path + query(Object.assign({}, params, { [key]: name, offset: null })) : null));
  }

  function wrap(table) {
    // Wide tables scroll inside their box instead of widening the page on a phone.
    return el("div", { class: "table-wrap" }, table);
  }

  function moveSummary(fact) {
    return el("span", {}, personLink(fact.person, fact.person_id), ": ",
      orgLink(fact.from, fact.from_id), " → ", orgLink(fact.to, fact.to_id));
  }

  // Where an article's publication date came from: a reader checks a guessed date before
// trusting the relative dates resolved against it.
function dateSource(source) {
  const said = { metadata: "from the page's metadata", url: "from the URL", text: "from the text",
                 user: "given at ingest", guess: "guessed" };
  return source && said[source] ? " (" + said[source] + ")" : "";
}

function factSummary(fact) {
    if (!fact) return el("span", { class: "muted" }, "not merged");
    if (fact.kind === "founding") {
      return el("span", {}, orgLink(fact.org, fact.org_id), " founded",
        fact.founders.length ? " by " : "",
        fact.founders.map((f, i) => [i ? ", " : "", personLink(f.name, f.id)]));
    }
    if (fact.kind === "investment") {
      const amount = fact.amount !== null ? " " + fact.amount.toLocaleString("en") + " " + (fact.currency || "") : "";
      return el("span", {}, orgLink(fact.investor, fact.investor_id), " invests", amount, " in ",
        orgLink(fact.investee, fact.investee_id));
    }
    return moveSummary(fact);
  }

  function movesTable(items, options) {
    const opts = options || {};
    const rows = items.map((m) => el("tr", { "data-fact": m.fact_id },
      el("td", {}, personLink(m.person, m.person_id)),
      el("td", {}, orgLink(m.from, m.from_id)),
      el("td", {}, orgLink(m.to, m.to_id)),
      el("td", {}, m.role || el("span", { class: "muted" }, "—")),
      el("td", {}, m.date || el("span", { class: "muted" }, "undated")),
      el("td", { class: "num" }, String(m.n_sources)),
      el("td", {}, link("#/fact/" + m.fact_id, "sources", "sources-link"))));
    return wrap(el("table", { class: "moves" + (opts.cls ? " " + opts.cls : "") },
      el("thead", {}, el("tr", {}, ["Person", "From", "To", "Role", "Date"].map((h) => el("th", {}, h)),
        el("th", { class: "num" }, "Src"), el("th", {}, ""))),
      el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: 7, class: "muted" }, "No moves.")))));
  }

  function paramsOf(queryString) {
    return Object.fromEntries(new URLSearchParams(queryString || ""));
  }

  // --------------------------------------------------------------------- views
  const FLOW_FILTERS = ["since", "until", "org", "min", "unknown_from", "unknown_to"];

  function flowsForm(params) {
    const field = (name, label, placeholder) => el("label", {}, label,
      el("input", { name: name, value: params[name] || "", placeholder: placeholder }));
    const toggle = (name, label) => el("label", { class: "toggle" },
      el("input", { type: "checkbox", name: name, value: "1", checked: params[name] === "1" }), label);
    const form = el("form", { class: "filters card", id: "flow-filters" },
      field("since", "Since", "YYYY or YYYY-MM"), field("until", "Until", "YYYY or YYYY-MM"),
      field("org", "Organisation", "name"), field("min", "At least", "1"),
      el("fieldset", { class: "toggles" }, el("legend", {}, "Also draw moves from or to"),
        toggle("unknown_from", "unknown origin"), toggle("unknown_to", "unknown destination")),
      el("button", { type: "submit" }, "Filter"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      location.hash = "#/flows" + query(paramsOf(new URLSearchParams(new FormData(form)).toString()));
    });
    return form;
  }

  function emptyStoreHint() {
    return el("div", { class: "card", id: "empty-store" },
      el("strong", {}, "This store holds no moves yet. "),
      "Add articles with ", el("code", {}, "talentflow ingest FILES --db STORE"),
      " (the same --db as this server), then reload the page.");
  }

  async function flowsView(params) {
    const form = flowsForm(params);
    const title = el("h1", {}, "Flows between organisations");
    const filters = { since: params.since, until: params.until, org: params.org };
    const wantFrom = params.unknown_from === "1";
    const wantTo = params.unknown_to === "1";
    let result, matching;
    try {
      [result, matching] = await Promise.all([
        source.flows(Object.assign({ min: params.min, include_unknown: wantFrom || wantTo ? "true" : null }, filters)),
        source.moves(Object.assign({ limit: 0 }, filters))]);
    } catch (error) {
      // The form stays, so a typo is fixed where it was made.
      const key = filterOf(error, filters);
      show(title, form, errorBox(error, key ? (name) => "#/flows" + query(Object.assign({}, params, { [key]: name })) : null));
      return;
    }
    const filtered = FLOW_FILTERS.some((key) => params[key]);
    if (!matching.total && !filtered) { show(title, emptyStoreHint()); return; }
    const flows = result.flows.filter((f) => (f.from_id !== null || wantFrom) && (f.to_id !== null || wantTo)
      && (f.from_id !== null || f.to_id !== null));
    const drawn = flows.reduce((sum, f) => sum + f.count, 0);
    const hidden = matching.total - drawn;
    const movesHash = (f) => "#/moves" + query({ from: f.from_id, to: f.to_id, since: params.since, until: params.until });
    const chart = el("div", { id: "sankey", class: "chart card" });
    const table = el("table", { id: "flows-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "From"), el("th", {}, "To"), el("th", { class: "num" }, "Moves"), el("th", {}, ""))),
      el("tbody", {}, flows.length ? flows.map((f) => el("tr", {},
        el("td", {}, orgLink(f.from, f.from_id)), el("td", {}, orgLink(f.to, f.to_id)),
        el("td", { class: "num" }, String(f.count)),
        el("td", {}, link(movesHash(f), "moves", "flow-moves")))) : el("tr", {}, el("td", { colspan: 4, class: "muted" }, "No flow between two named organisations for these filters."))));
    show(title, form, chart,
      el("p", { class: "muted", id: "not-drawn" }, hidden > 0
        ? plural(hidden, "move") + " of " + matching.total + " matching these filters " + (hidden === 1 ? "is" : "are")
          + " not drawn: an organisation is unknown" + (wantFrom && wantTo ? "" : " (tick the boxes above to draw them)")
          + ", the move stays within one organisation, or its pair is under the minimum."
        : "Every move matching these filters is drawn."),
      el("p", { class: "muted" }, "Click a band, a row or an organisation to see more. ", plural(flows.length, "pair"), "."),
      wrap(table));
    if (!flows.length) { chart.replaceChildren(el("p", { class: "muted" }, "Nothing to draw.")); return; }
    await charts.drawSankey(chart, flows, movesHash);
  }

  async function movesView(params) {
    const offset = Number(params.offset || 0);
    const filters = { person: params.person, from: params.from, to: params.to, org: params.org, since: params.since, until: params.until };
    const result = await source.moves(Object.assign({ limit: PAGE_SIZE, offset: offset }, filters));
    const described = Object.entries(filters).filter(([, v]) => v).map(([k, v]) => k + " " + v).join(", ");
    const pager = el("div", { class: "pager" },
      offset > 0 ? link("#/moves" + query(Object.assign({}, filters, { offset: Math.max(0, offset - PAGE_SIZE) })), "← previous") : null,
      el("span", { class: "muted" }, result.total ? (offset + 1) + "–" + (offset + result.items.length) + " of " + result.total : "0 moves"),
      offset + result.items.length < result.total ? link("#/moves" + query(Object.assign({}, filters, { offset: offset + PAGE_SIZE })), "next →") : null);
    const title = params.from && params.to && result.items.length
      ? "Moves from " + result.items[0].from + " to " + result.items[0].to : "Moves";
    show(el("h1", {}, title), described ? el("p", { class: "muted" }, "Filtered by " + described) : null,
      movesTable(result.items), pager);
  }

  // A quote and a link to it highlighted in the article it was read in.
  function quoteCards(quotes, showSpeaker) {
    return quotes.map((q) => el("div", { class: "card quote" },
      el("blockquote", { class: "spoken" }, "« " + q.text + " »"),
      el("div", { class: "muted" }, showSpeaker && q.speaker ? [personLink(q.speaker.name, q.speaker.id), " · "] : null,
        q.sources.map((s, i) => [i ? ", " : "", link("#/article/" + s.article.id + "?quote=" + s.evidence.start,
          s.article.title || "article " + s.article.id, "quote-source")]))));
  }

  async function factView(id) {
    const [result, said] = await Promise.all([source.sources(id), source.factQuotes(id)]);
    const fact = result.fact;
    const details = [fact.role, fact.date || "undated", "confidence " + fact.confidence,
      fact.n_sources + (fact.n_sources === 1 ? " source" : " sources")].filter(Boolean).join(" · ");
    const cards = result.sources.map((s) => {
      const url = s.article.url && safeUrl(s.article.url);
      return el("div", { class: "card source" },
        el("div", {}, link("#/article/" + s.article.id + "?report=" + s.report_id,
          s.article.title || s.article.ext_id, "article-link"),
          el("span", { class: "muted" }, " · ", s.article.date ? s.article.date + dateSource(s.article.date_source) : "no date", s.article.lang ? " · " + s.article.lang : "")),
        el("blockquote", { class: "evidence-quote" }, s.evidence.text),
        el("div", { class: "muted" }, "As written: ",
          Object.entries(s.as_written).map(([k, v]) => k + " = " + (Array.isArray(v) ? v.join(", ") : v)).join("; ")),
        url ? el("div", {}, el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original article")) : null);
    });
    const conflicts = fact.conflicts ? el("p", { class: "muted" }, "Sources disagree on: " + Object.keys(fact.conflicts).join(", ")) : null;
    const words = said.items.length
      ? el("section", { id: "fact-quotes" }, el("h2", {}, "In their words"), quoteCards(said.items, true)) : null;
    show(el("h1", {}, factSummary(fact)), el("p", { class: "muted" }, fact.kind + " · " + details), conflicts,
      el("div", { class: "columns" }, el("section", {}, el("h2", {}, "Sources"), cards), words));
  }

  async function articleView(id, params) {
    const article = await source.article(id);
    const text = article.text;
    const bounds = new Set([0, text.length]);
    for (const r of article.reports) { bounds.add(r.evidence.start); bounds.add(r.evidence.end); }
    const quotes = article.quotes || [];
    for (const q of quotes) { bounds.add(q.start); bounds.add(q.end); }
    const cuts = [...bounds].filter((b) => b >= 0 && b <= text.length).sort((a, b) => a - b);
    const body = el("div", { class: "article-text", id: "article-text", lang: article.lang || null });
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [start, end] = [cuts[i], cuts[i + 1]];
      const covering = article.reports.filter((r) => r.evidence.start <= start && end <= r.evidence.end);
      const piece = text.slice(start, end);
      const quoted = quotes.find((q) => q.start <= start && end <= q.end);
      if (quoted) {
        body.append(el("mark", { class: "quote" + (covering.length ? " evidence" : ""), "data-quote": String(quoted.start),
          "data-reports": covering.map((r) => r.report_id).join(" "), title: quoted.speaker.name || "" }, piece));
      } else if (covering.length) {
        body.append(el("mark", { class: "evidence", "data-reports": covering.map((r) => r.report_id).join(" ") }, piece));
      } else {
        body.append(document.createTextNode(piece));
      }
    }
    const items = article.reports.map((r) => {
      const item = el("li", { "data-report": r.report_id, tabindex: "0" },
        el("span", { class: "kind" }, r.kind), factSummary(r.fact),
        el("div", { class: "muted" }, [r.as_written.role, r.as_written.date].filter(Boolean).join(" · ")),
        r.fact ? link("#/fact/" + r.fact.fact_id, "all sources", "fact-sources") : null);
      item.addEventListener("click", (event) => {
        if (event.target.closest("a")) return;
        activate(r.report_id, true);
      });
      item.addEventListener("keydown", (event) => {
        // The item is focusable, so the keyboard lights its evidence as a click does.
        if (event.target !== item || (event.key !== "Enter" && event.key !== " ")) return;
        event.preventDefault();
        activate(r.report_id, true);
      });
      return item;
    });
    function activate(reportId, scroll) {
      const wanted = String(reportId);
      let first = null;
      for (const mark of body.querySelectorAll("mark.evidence")) {
        const on = mark.dataset.reports.split(" ").includes(wanted);
        mark.classList.toggle("active", on);
        if (on && !first) first = mark;
      }
      for (const li of items) li.classList.toggle("active", li.dataset.report === wanted);
      if (scroll && first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    const url = article.url && safeUrl(article.url);
    show(el("h1", {}, article.title || article.ext_id),
      el("p", { class: "muted" }, [article.date ? article.date + dateSource(article.date_source) : "no date", article.lang, article.ext_id].filter(Boolean).join(" · "), " ",
        url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : null),
      el("div", { class: "article-layout" }, body,
        el("aside", {}, el("h2", {}, "Facts extracted (" + article.reports.length + ")"),
          el("ul", { class: "fact-list", id: "fact-list" }, items))));
    if (params.report) activate(params.report, true);
    if (params.quote) {
      const marks = body.querySelectorAll('mark.quote[data-quote="' + Number(params.quote) + '"]');
      for (const mark of marks) mark.classList.add("active");
      if (marks.length) marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  async function orgView(id, params) {
    const org = await source.org(id, { since: params.since, until: params.until, period: params.period, limit: PAGE_SIZE });
    const stat = (label, value) => el("div", { class: "stat" }, el("b", {}, String(value)), label);
    const chart = el("div", { id: "org-chart", class: "chart card" });
    const people = wrap(el("table", { id: "org-people" },
      el("thead", {}, el("tr", {}, el("th", {}, "Person"), el("th", { class: "num" }, "Arrivals"), el("th", { class: "num" }, "Departures"))),
      el("tbody", {}, org.people.map((p) => el("tr", {}, el("td", {}, personLink(p.person.name, p.person.id)),
        el("td", { class: "num" }, String(p.arrivals)), el("td", { class: "num" }, String(p.departures)))))));
    const more = (pageData, filter) => pageData.total > pageData.items.length
      ? link("#/moves" + query(filter), "all " + pageData.total + " →") : null;
    show(el("h1", {}, org.org.name),
      org.aliases.length > 1 ? el("p", { class: "muted" }, "Also written: " + org.aliases.filter((a) => a !== org.org.name).join(", ")) : null,
      el("div", { class: "stats" }, stat("arrivals", org.arrivals_total), stat("departures", org.departures_total),
        stat("net flow", (org.net > 0 ? "+" : "") + org.net)),
      el("h2", {}, "Net flow over time (by " + org.period + ")"), chart, undatedNote(org.periods),
      el("div", { class: "columns" },
        el("section", {}, el("h2", {}, "Arrivals (" + org.arrivals.total + ")"), movesTable(org.arrivals.items, { cls: "arrivals" }), more(org.arrivals, { to: org.org.id })),
        el("section", {}, el("h2", {}, "Departures (" + org.departures.total + ")"), movesTable(org.departures.items, { cls: "departures" }), more(org.departures, { from: org.org.id }))),
      el("h2", {}, "People"), people,
      org.foundings.length ? [el("h2", {}, "Foundings"), el("ul", {}, org.foundings.map((f) => el("li", {}, factSummary(f), f.date ? " in " + f.date : "", " · ", link("#/fact/" + f.fact_id, "sources"))))] : null,
      org.investments.length ? [el("h2", {}, "Investments"), el("ul", {}, org.investments.map((f) => el("li", {}, factSummary(f), f.date ? " in " + f.date : "", " · ", link("#/fact/" + f.fact_id, "sources"))))] : null);
    await charts.drawPeriods(chart, org.periods, org.period);
  }

  function undatedNote(periods) {
    const undated = periods.find((p) => !p.period);
    return undated ? el("p", { class: "muted", id: "undated" }, "Undated, not on the time axis: ",
      plural(undated.arrivals, "arrival"), ", ", plural(undated.departures, "departure"), ".") : null;
  }

  async function personView(id) {
    const [person, said] = await Promise.all([source.person(id), source.personQuotes(id)]);
    const entries = person.moves.map((m) => el("li", {},
      el("div", {}, el("strong", {}, m.date || "undated"), m.role ? " · " + m.role : ""),
      el("div", {}, orgLink(m.from, m.from_id), " → ", orgLink(m.to, m.to_id), " ",
        link("#/fact/" + m.fact_id, "sources", "sources-link"))));
    show(el("h1", {}, person.person.name),
      person.aliases.length > 1 ? el("p", { class: "muted" }, "Also written: " + person.aliases.filter((a) => a !== person.person.name).join(", ")) : null,
      el("h2", {}, "Timeline"), el("ol", { class: "timeline", id: "timeline" }, entries.length ? entries : el("li", { class: "muted" }, "No moves.")),
      person.foundings.length ? [el("h2", {}, "Foundings"), el("ul", {}, person.foundings.map((f) => el("li", {}, factSummary(f), " ", link("#/fact/" + f.fact_id, "sources"))))] : null,
      said.items.length ? el("section", { id: "person-quotes" }, el("h2", {}, "In their words"), quoteCards(said.items, false)) : null);
  }

  async function searchView(params) {
    const q = (params.q || "").trim();
    document.getElementById("search-input").value = q;
    if (!q) { show(el("h1", {}, "Search"), el("p", { class: "muted" }, "Type part of a name above.")); return; }
    const result = await source.search(q);
    const list = (title, pageData, hashOf, id) => el("section", {}, el("h2", {}, title + " (" + pageData.total + ")"),
      el("ul", { id: id }, pageData.items.length ? pageData.items.map((r) => el("li", {}, link(hashOf(r.id), r.name))) : el("li", { class: "muted" }, "none")));
    show(el("h1", {}, "Search: " + q), el("div", { class: "columns" },
      list("People", result.people, (i) => "#/person/" + i, "search-people"),
      list("Organisations", result.orgs, (i) => "#/org/" + i, "search-orgs")));
  }

  // ------------------------------------------------------------------- routing
  const routes = [
    [/^\/?$/, (m, p) => flowsView(p)],
    [/^\/flows$/, (m, p) => flowsView(p)],
    [/^\/moves$/, (m, p) => movesView(p)],
    [/^\/org\/(\d+)$/, (m, p) => orgView(m[1], p)],
    [/^\/person\/(\d+)$/, (m) => personView(m[1])],
    [/^\/fact\/(\d+)$/, (m) => factView(m[1])],
    [/^\/article\/(\d+)$/, (m, p) => articleView(m[1], p)],
    [/^\/search$/, (m, p) => searchView(p)],
  ];

  async function route() {
    // Only the path is matched; query values stay encoded until URLSearchParams reads them.
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, queryString] = hash.split("?", 2);
    const params = paramsOf(queryString);
    document.body.dataset.ready = "false";
    try {
      const found = routes.find(([pattern]) => pattern.test(path));
      if (!found) throw new ApiError({ error: { message: "no such view: " + path } }, 404);
      await found[1](path.match(found[0]), params);
    } catch (error) {
      showError(error);
    } finally {
      // Lets tests and tools see which view finished rendering.
      document.body.dataset.route = location.hash;
      document.body.dataset.ready = "true";
    }
  }

  function start() {
    document.getElementById("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      location.hash = "#/search" + query({ q: document.getElementById("search-input").value });
    });
    if (embedded) {
      const footer = document.getElementById("footer");
      if (footer) footer.textContent = "Static report: all data is in this file; no server, no network.";
    }
    window.addEventListener("hashchange", route);
    route();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

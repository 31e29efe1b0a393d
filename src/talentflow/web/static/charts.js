/* The charts of the talentflow page, drawn with plotly.js: the flows Sankey and an
 * organisation's arrivals and departures over time. app.js builds the views around them.
 */
"use strict";

window.talentflowCharts = (function () {
  // Plotly renders <b>, <br>, <a href> and entities in labels and hover text; names come
  // from articles, so every one is escaped (plotly shows the entities as the characters).
  function plotText(text) {
    return String(text === null || text === undefined ? "" : text)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  function plural(n, noun) {
    return n + " " + noun + (n === 1 ? "" : "s");
  }

  function plot(node, traces, layout) {
    if (!window.Plotly) {
      const note = document.createElement("p");
      note.className = "muted";
      note.textContent = "Charts need plotly.js, which did not load.";
      node.replaceChildren(note);
      return Promise.resolve(node);
    }
    return window.Plotly.newPlot(node, traces, Object.assign({
      margin: { l: 40, r: 20, t: 20, b: 40 }, paper_bgcolor: "#fff", plot_bgcolor: "#fff",
      font: { family: "system-ui, sans-serif", size: 13 },
    }, layout), { displaylogo: false, responsive: true });
  }

  async function drawSankey(chart, flows, movesHash) {
    const nodes = new Map();
    const nodeOf = (name, id, side) => {
      const key = id !== null ? "org:" + id : "unknown-" + side;
      if (!nodes.has(key)) {
        nodes.set(key, { index: nodes.size, key: key, name: id !== null ? name : "unknown " + (side === "from" ? "origin" : "destination"), in: 0, out: 0 });
      }
      return nodes.get(key);
    };
    const links = { source: [], target: [], value: [], customdata: [],
      hovertemplate: "%{customdata.text}<extra></extra>" };
    for (const f of flows) {
      const from = nodeOf(f.from, f.from_id, "from");
      const to = nodeOf(f.to, f.to_id, "to");
      from.out += f.count;
      to.in += f.count;
      links.source.push(from.index);
      links.target.push(to.index);
      links.value.push(f.count);
      links.customdata.push({ route: movesHash(f),
        text: plotText(from.name) + " → " + plotText(to.name) + ": " + plural(f.count, "move") });
    }
    const all = [...nodes.values()];
    const narrow = chart.clientWidth < 600;
    // "fixed": with "snap", plotly's drag handling takes the click and no node opens.
    await plot(chart, [{ type: "sankey", arrangement: "fixed", valueformat: "d",
      node: { label: all.map((n) => plotText(shorten(n.name, narrow ? 14 : 40))),
        customdata: all.map((n) => ({ route: n.key.startsWith("org:") ? "#/org/" + n.key.slice(4) : null,
          text: plotText(n.name) + ": " + plural(Math.max(n.in, n.out), "move") })),
        pad: 18, thickness: 18, hovertemplate: "%{customdata.text}<extra></extra>" },
      link: links }], { height: Math.max(320, (narrow ? 48 : 40) * all.length),
      margin: { l: 8, r: 8, t: 10, b: 10 } });
    if (chart.on) {
      chart.on("plotly_click", (event) => {
        const point = event && event.points && event.points[0];
        const route = point && point.customdata && point.customdata.route;
        if (route) location.hash = route;
      });
    }
  }

  // Arrivals, departures and net flow by period; undated moves are left to the page.
  async function drawPeriods(chart, periods, period) {
    const byLabel = new Map(periods.filter((p) => p.period).map((p) => [p.period, p]));
    const axis = timeAxis([...byLabel.keys()], period);
    if (!axis.length) {
      const note = document.createElement("p");
      note.className = "muted";
      note.textContent = "No dated move to draw.";
      chart.replaceChildren(note);
      return;
    }
    const count = (label, key) => (byLabel.has(label) ? byLabel.get(label)[key] : 0);
    await plot(chart, [
      { type: "bar", name: "arrivals", x: axis, y: axis.map((l) => count(l, "arrivals")), marker: { color: "#3a8f5c" } },
      { type: "bar", name: "departures", x: axis, y: axis.map((l) => -count(l, "departures")), marker: { color: "#c2553a" } },
      { type: "scatter", mode: "lines+markers", name: "net", x: axis, y: axis.map((l) => count(l, "net")), line: { color: "#1d2430" } },
    ], { barmode: "relative", height: 320, xaxis: { type: "category" }, yaxis: { title: { text: "people" }, zeroline: true },
      legend: { orientation: "h", y: -0.2 } });
  }

  // Every period from the first to the last, so a gap of years shows as a gap. A date
  // known only to the year stays a year among quarters or months, before its year's.
  function timeAxis(labels, period) {
    if (!labels.length) return [];
    const years = labels.map((l) => Number(l.slice(0, 4)));
    const [first, last] = [Math.min(...years), Math.max(...years)];
    const parts = period === "quarter" ? ["Q1", "Q2", "Q3", "Q4"] : period === "month"
      ? ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] : [];
    if ((last - first + 1) * (parts.length + 1) > 600) return [...labels].sort();
    const present = new Set(labels);
    const axis = [];
    for (let year = first; year <= last; year++) {
      if (!parts.length || present.has(String(year))) axis.push(String(year));
      for (const part of parts) axis.push(year + "-" + part);
    }
    const inData = axis.map((l) => present.has(l));
    return axis.slice(inData.indexOf(true), inData.lastIndexOf(true) + 1);
  }

  return { plotText: plotText, shorten: shorten, plural: plural, plot: plot,
    drawSankey: drawSankey, drawPeriods: drawPeriods, timeAxis: timeAxis };
})();

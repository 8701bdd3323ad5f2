// Draws the dashboard's charts with uPlot from the JSON next to each chart (no inline script: CSP).
/* global document, window, uPlot */
(function () {
  var colors = ["#1f6feb", "#d1242f", "#9a6700", "#1a7f37", "#8250df"];
  document.querySelectorAll("[data-chart]").forEach(function (box) {
    var data = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var xs = data.x.map(function (_, i) { return i; });
    var bars = data.kind === "bars";
    var series = [{ label: data.xLabel, value: function (_, i) { return i == null ? "" : data.x[i]; } }].concat(
      data.series.map(function (s, i) {
        var c = colors[i % colors.length];
        // The server sends counts of 1-4 as null (nobody is identifiable from a small count).
        var shown = function (_, v) { return v == null ? "<5" : v; };
        return bars
          ? { label: s.label, stroke: c, fill: c + "99", width: 1, value: shown, paths: uPlot.paths.bars({ size: [0.8 / data.series.length, 40], align: 0 }) }
          : { label: s.label, stroke: c, width: 2, value: shown, points: { show: data.x.length < 40 } };
      }),
    );
    var width = Math.max(300, Math.min(box.clientWidth || 720, 1000));
    var opts = {
      width: width,
      height: 240,
      series: series,
      scales: { x: { time: false } },
      axes: [
        { values: function (_, ticks) { return ticks.map(function (t) { return data.x[t] !== undefined ? String(data.x[t]).slice(bars ? 0 : 5) : ""; }); } },
        {},
      ],
    };
    var plot = new uPlot(opts, [xs].concat(data.series.map(function (s) { return s.values; })), box.querySelector(".plot"));
    box.setAttribute("data-drawn", "1");
    window.addEventListener("beforeprint", function () { plot.setSize({ width: 640, height: 220 }); });
  });
})();
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});

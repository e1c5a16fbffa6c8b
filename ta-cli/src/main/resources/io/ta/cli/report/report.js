// The interactive chart of a `ta` report: reads the figure from #ta-data and draws it with Lightweight Charts.
// window.__taReport (set up before the library loads) collects errors; this script fills in what was drawn, and
// #ta-status shows it for a headless browser that dumps the DOM.
(function () {
  'use strict';
  var status = window.__taReport;
  var LC = window.LightweightCharts;
  var data = JSON.parse(document.getElementById('ta-data').textContent);
  var n = data.n;
  var UP = '#26a69a', DOWN = '#ef5350', UP_FADED = '#b2dfdb', DOWN_FADED = '#ffcdd2', PRICE_LINE = '#263238';

  // Bars are evenly spaced whatever their times (no weekend gaps): Lightweight Charts spaces by index. It needs times
  // that rise, and wall-clock times repeat an hour when the clocks go back (--tz America/New_York on a November night)
  // and bars under a second apart share one: such a bar gets the second after the one before, and every label
  // (ticks, crosshair, legend) is written from the bar's own time, never from the time the chart holds.
  var times = new Array(n);
  for (var i = 0; i < n; i++) {
    times[i] = !data.times ? i + 1 : i > 0 && data.times[i] <= times[i - 1] ? times[i - 1] + 1 : data.times[i];
  }
  var index = new Map();
  for (var j = 0; j < n; j++) {
    index.set(times[j], j);
  }
  function label(t) {
    var i = index.get(t);
    return i === undefined ? '' : data.times ? when(data.times[i]) : data.labels[i];
  }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function two(k) {
    return (k < 10 ? '0' : '') + k;
  }
  // A tick of the bar axis, of the kind the chart chose for it (a year, month, day, time), from the bar's own time.
  function tick(t, type) {
    var i = index.get(t);
    if (i === undefined) return '';
    if (!data.times) return data.labels[i];
    var d = new Date(data.times[i] * 1000);
    switch (type) {
      case LC.TickMarkType.Year: return String(d.getUTCFullYear());
      case LC.TickMarkType.Month: return MONTHS[d.getUTCMonth()];
      case LC.TickMarkType.DayOfMonth: return String(d.getUTCDate());
      case LC.TickMarkType.Time: return two(d.getUTCHours()) + ':' + two(d.getUTCMinutes());
      default: return two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()) + ':' + two(d.getUTCSeconds());
    }
  }

  function fmt(v) {
    if (v === null || v === undefined || isNaN(v)) {
      return '–';
    }
    var a = Math.abs(v);
    // As Ticks.format: an exponent where K/M/B would need a dozen digits more or six decimals would show 2.5e-7 as 0.
    if (a >= 1e15 || a !== 0 && a < 1e-4) return scientific(v, 3);
    if (a >= 1e9) return trim(v / 1e9, 2) + 'B';
    if (a >= 1e6) return trim(v / 1e6, 2) + 'M';
    if (a >= 1e5) return trim(v / 1e3, 1) + 'K';
    var d = a === 0 ? 0 : Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(a))));
    return trim(v, d);
  }
  function scientific(v, d) {
    var s = v.toExponential(d).split('e');
    return withoutTrailingZeros(s[0]) + 'e' + s[1].replace('+', '');
  }
  function trim(v, d) {
    var s = withoutTrailingZeros(v.toFixed(d));
    return s === '-0' ? '0' : s;
  }
  // As Ticks.withoutTrailingZeros: 2.50 is 2.5, 3.00 is 3.
  function withoutTrailingZeros(s) {
    return s.indexOf('.') >= 0 ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  }
  // Axis precision from the typical magnitude of a panel's values (three significant digits) or, for quoted data such
  // as prices, the decimals the values are quoted with when that is more: a close of 51.95 must not read 52.0.
  function priceFormat(values, quoted) {
    var a = [];
    var decimals = 0;
    for (var i = 0; i < values.length; i += Math.max(1, Math.floor(values.length / 200))) {
      if (values[i] === null) continue;
      a.push(Math.abs(values[i]));
      if (quoted) {
        var d = 0;
        while (d < 6 && Math.abs(values[i] * Math.pow(10, d) - Math.round(values[i] * Math.pow(10, d))) > 1e-6 * Math.max(1, Math.abs(values[i]) * Math.pow(10, d))) d++;
        decimals = Math.max(decimals, d);
      }
    }
    a.sort(function (x, y) { return x - y; });
    var m = a.length ? a[Math.floor(a.length / 2)] : 1;
    if (m >= 1e15 || m !== 0 && m < 1e-4) {
      // Six decimals show 2.5e-7 as 0.000000, and 1e300 takes 301 digits: the axis writes exponents.
      var e = Math.floor(Math.log10(m));
      return {
        type: 'custom', minMove: Math.pow(10, e - 3),
        formatter: function (x) { return x === 0 ? '0' : scientific(x, 3); }
      };
    }
    var p = m === 0 ? 2 : Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(m))));
    p = Math.max(p, decimals);
    return {type: 'price', precision: p, minMove: Math.pow(10, -p)};
  }

  var container = document.getElementById('chart');
  var chart = LC.createChart(container, {
    autoSize: true,
    layout: {
      background: {type: 'solid', color: '#ffffff'}, textColor: '#37474f', fontSize: 11,
      panes: {separatorColor: '#cfd8dc', separatorHoverColor: '#eceff1', enableResize: true}
    },
    grid: {vertLines: {color: '#f2f2f2'}, horzLines: {color: '#f2f2f2'}},
    rightPriceScale: {borderColor: '#cfd8dc'},
    crosshair: {mode: LC.CrosshairMode.Normal},
    timeScale: {
      borderColor: '#cfd8dc', minBarSpacing: 0.001, rightOffset: 2,
      timeVisible: !!data.intraday, secondsVisible: false,
      tickMarkFormatter: tick
    },
    localization: {timeFormatter: label}
  });

  var logical = [];   // what the report defines: one entry per drawn series (the price counts once)
  var legends = [];   // per pane: [{name, color, value(i)}]
  function legend(pane, name, color, value, kind) {
    (legends[pane] = legends[pane] || []).push({name: name, color: color, value: value, kind: kind});
  }
  function points(y) {
    var out = new Array(n);
    for (var i = 0; i < n; i++) {
      out[i] = y[i] === null ? {time: times[i]} : {time: times[i], value: y[i]};
    }
    return out;
  }
  function valid(y) {
    var k = 0;
    for (var i = 0; i < n; i++) {
      if (y[i] !== null) k++;
    }
    return k;
  }

  // The price: candles and a line of the close; which one shows depends on how many pixels a bar gets.
  var price = data.price;
  var candles = null, closeLine;
  var closeFormat = priceFormat(price.close, true);
  if (price.open) {
    var ohlc = new Array(n);
    var full = 0;
    for (var k = 0; k < n; k++) {
      var gap = price.open[k] === null || price.high[k] === null || price.low[k] === null || price.close[k] === null;
      ohlc[k] = gap ? {time: times[k]}
        : {time: times[k], open: price.open[k], high: price.high[k], low: price.low[k], close: price.close[k]};
      full += gap ? 0 : 1;
    }
    candles = chart.addSeries(LC.CandlestickSeries, {
      upColor: UP, downColor: DOWN, wickUpColor: UP, wickDownColor: DOWN, borderVisible: false,
      priceFormat: closeFormat, title: ''
    }, 0);
    candles.setData(ohlc);
  }
  closeLine = chart.addSeries(LC.LineSeries, {
    color: PRICE_LINE, lineWidth: 1, priceFormat: closeFormat, lastValueVisible: true, priceLineVisible: false
  }, 0);
  closeLine.setData(points(price.close));
  logical.push({
    name: price.name, pane: 0, apis: candles ? [candles, closeLine] : [closeLine], expected: candles ? [full, valid(price.close)] : [valid(price.close)],
    colors: function () { return candles && candles.options().visible ? [UP, DOWN] : [PRICE_LINE]; }
  });
  legend(0, price.name, price.open ? UP : PRICE_LINE, function (i) {
    if (price.open && price.open[i] !== null) {
      return 'O ' + fmt(price.open[i]) + ' H ' + fmt(price.high[i]) + ' L ' + fmt(price.low[i]) + ' C ' + fmt(price.close[i]);
    }
    return fmt(price.close[i]);
  }, 'price');

  data.panels.forEach(function (panel, p) {
    var first = null;
    panel.lines.forEach(function (line) {
      var api;
      var fmtOpts = priceFormat(line.y);
      var common = {priceLineVisible: false, lastValueVisible: p > 0, priceFormat: p === 0 ? closeFormat : fmtOpts, title: ''};
      if (panel.min !== null && panel.max !== null) {
        common.autoscaleInfoProvider = function () {
          return {priceRange: {minValue: panel.min, maxValue: panel.max}};
        };
      }
      if (line.style === 'histogram') {
        api = chart.addSeries(LC.HistogramSeries, Object.assign({base: 0}, common), p);
        var bars = new Array(n);
        for (var i = 0; i < n; i++) {
          var v = line.y[i], prev = i > 0 ? line.y[i - 1] : null;
          var growing = prev === null || Math.abs(v) >= Math.abs(prev);
          bars[i] = v === null ? {time: times[i]}
            : {time: times[i], value: v, color: v >= 0 ? (growing ? UP : UP_FADED) : (growing ? DOWN : DOWN_FADED)};
        }
        api.setData(bars);
      } else {
        var opts = Object.assign({color: line.color, lineWidth: 2}, common);
        if (line.style === 'step') {
          opts.lineType = LC.LineType.WithSteps;
        } else if (line.style === 'dots') {
          opts.lineVisible = false;
          opts.pointMarkersVisible = true;
          opts.pointMarkersRadius = 2;
        }
        api = chart.addSeries(LC.LineSeries, opts, p);
        api.setData(points(line.y));
      }
      first = first || api;
      var colors = line.style === 'histogram' ? [UP, UP_FADED, DOWN, DOWN_FADED] : [line.color];
      logical.push({name: line.name, pane: p, apis: [api], expected: [valid(line.y)], colors: function () { return colors; }});
      legend(p, line.name, line.style === 'histogram' ? UP : line.color, function (i) { return fmt(line.y[i]); }, 'line');
    });
    if (p > 0 && first) {
      panel.guides.forEach(function (g) {
        first.createPriceLine({price: g, color: '#90a4ae', lineWidth: 1, lineStyle: LC.LineStyle.Dashed, axisLabelVisible: true, title: ''});
      });
    }
  });
  data.panels.forEach(function (panel, p) {
    var bounded = panel.min !== null && panel.max !== null;
    chart.priceScale('right', p).applyOptions({
      mode: panel.log ? LC.PriceScaleMode.Logarithmic : LC.PriceScaleMode.Normal,
      scaleMargins: p === 0 ? {top: 0.08, bottom: 0.05} : bounded ? {top: 0.14, bottom: 0.04} : {top: 0.16, bottom: 0.06}
    });
  });

  // Markers on the price where a condition became true.
  var marks = [];
  data.markers.forEach(function (m) {
    m.at.forEach(function (i, j) {
      marks.push({
        time: times[i], position: m.above[j] ? 'aboveBar' : 'belowBar', color: m.color,
        shape: m.above[j] ? 'arrowDown' : 'arrowUp', size: 1.5, id: m.name
      });
    });
    var up = m.above.indexOf(false) >= 0, down = m.above.indexOf(true) >= 0;
    legend(0, m.name, m.color, function () { return '×' + m.at.length; }, up && down ? 'both' : down ? 'down' : 'up');
  });
  marks.sort(function (a, b) { return a.time - b.time; });
  var markerApis = [];
  if (candles) markerApis.push(LC.createSeriesMarkers(candles, marks));
  markerApis.push(LC.createSeriesMarkers(closeLine, marks));

  // The price panel gets three shares of the height, every other panel one.
  var panes = chart.panes();
  panes.forEach(function (pane, p) {
    pane.setStretchFactor(p === 0 ? 3 : 1);
  });

  // Candles while a bar gets at least 3 pixels (else they merge into a band), the close line otherwise.
  function density() {
    if (!candles) return;
    var r = chart.timeScale().getVisibleLogicalRange();
    var bars = r ? Math.max(1, r.to - r.from) : n;
    var useCandles = price.style === 'candles' || price.style === 'auto' && chart.timeScale().width() / bars >= data.candlePx;
    candles.applyOptions({visible: useCandles});
    closeLine.applyOptions({visible: !useCandles});
  }
  chart.timeScale().subscribeVisibleLogicalRangeChange(density);

  // Legends: the values under the crosshair, or the last bar's.
  var legendEls = [];
  panes.forEach(function (pane, p) {
    var el = document.createElement('div');
    el.className = 'legend';
    container.appendChild(el);
    legendEls[p] = el;
  });
  function swatch(e) {
    if (e.kind === 'both') {
      return swatch({kind: 'up', color: e.color}) + swatch({kind: 'down', color: e.color});
    }
    if (e.kind === 'up' || e.kind === 'down') {
      return '<span class="tri ' + e.kind + '" style="border-' + (e.kind === 'up' ? 'bottom' : 'top') + '-color:' + e.color + '"></span>';
    }
    return '<span class="sw" style="background:' + e.color + '"></span>';
  }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; });
  }
  function showLegend(i) {
    var box = container.getBoundingClientRect();
    panes.forEach(function (pane, p) {
      var el = legendEls[p];
      var html = p > 0 && data.panels[p].title && !(data.panels[p].lines.length === 1 && data.panels[p].lines[0].name === data.panels[p].title)
        ? '<b>' + esc(data.panels[p].title) + '</b>' : '';
      if (p === 0 && i !== null) {
        html += '<span class="when">' + esc(data.times ? when(data.times[i]) : data.labels[i]) + '</span>';
      }
      (legends[p] || []).forEach(function (e) {
        html += '<span class="item">' + swatch(e) + esc(e.name) + ' <span class="v">' + (i === null ? '' : esc(e.value(i))) + '</span></span>';
      });
      el.innerHTML = html;
      var pe = pane.getHTMLElement();
      if (pe) {
        var r = pe.getBoundingClientRect();
        el.style.top = (r.top - box.top + 4) + 'px';
      }
    });
  }
  function when(t) {
    // Split at the T, not cut at 10 and 16: a year before 0 or after 9999 is longer (-000100-01-01).
    var s = new Date(t * 1000).toISOString().split('T');
    return s[1] === '00:00:00.000Z' ? s[0] : s[0] + ' ' + s[1].slice(0, 5) + data.zone;
  }
  chart.subscribeCrosshairMove(function (param) {
    var i = param && param.time !== undefined ? index.get(param.time) : undefined;
    showLegend(i === undefined ? (n ? n - 1 : null) : i);
  });

  chart.timeScale().fitContent();
  density();

  // After two frames everything is painted: count what was drawn, for the page and for the headless test.
  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      showLegend(n ? n - 1 : null);
      // A series counts as drawn when the chart holds all its points and its colour is on its panel's plot.
      var pixels = panes.map(function (pane) {
        var pe = pane.getHTMLElement();
        var plot = pe && pe.tagName === 'TR' ? pe.children[1] : pe;
        var out = [];
        (plot ? plot.querySelectorAll('canvas') : []).forEach(function (cv) {
          try {
            out.push(cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data);
          } catch (e) {
            status.errors.push('cannot read a canvas: ' + e);
          }
        });
        return out;
      });
      function ink(p, colors) {
        var rgb = colors.map(function (c) { return [parseInt(c.substr(1, 2), 16), parseInt(c.substr(3, 2), 16), parseInt(c.substr(5, 2), 16)]; });
        var count = 0;
        pixels[p].forEach(function (img) {
          for (var q = 0; q < img.length; q += 4) {
            if (img[q + 3] < 200) continue;
            for (var c = 0; c < rgb.length; c++) {
              if (Math.abs(img[q] - rgb[c][0]) <= 8 && Math.abs(img[q + 1] - rgb[c][1]) <= 8 && Math.abs(img[q + 2] - rgb[c][2]) <= 8) {
                count++;
                break;
              }
            }
          }
        });
        return count;
      }
      var drawn = 0;
      status.ink = {};
      logical.forEach(function (s) {
        var held = s.apis.map(function (api) { return api.data().length; });
        var complete = held.every(function (h, k) { return h === s.expected[k]; });
        // Points the chart holds out of order are drawn at other bars' places, without an error of its own.
        s.apis.forEach(function (api) {
          var d = api.data();
          for (var k = 1; k < d.length; k++) {
            if (!(d[k].time > d[k - 1].time)) {
              status.errors.push('series ' + s.name + ': point ' + k + ' is not after the one before');
              break;
            }
          }
        });
        var seen = ink(s.pane, s.colors());
        status.ink[s.name] = seen;
        if (!complete) {
          status.errors.push('series ' + s.name + ' holds ' + held.join('/') + ' of ' + s.expected.join('/') + ' points');
        } else if (seen > 0 || s.expected.every(function (e) { return e === 0; })) {
          drawn++;
        }
      });
      status.markers = markerApis[0].markers().length;
      status.series = logical.length;
      status.drawn = drawn;
      status.panes = panes.length;
      status.pricePrecision = closeFormat.precision;
      status.ready = true;
      document.getElementById('ta-status').textContent = JSON.stringify(status);
    });
  });
})();

// MTA Lens web page: draws the run's maps, kernels and head mixings from the JSON blocks above.
// No library, no network. Maps are [P, P] float32 arrays (base64, little-endian), P <= maxCells;
// a pooled cell holds the value of largest |value| of the factor x factor query/key pairs it covers.
(function () {
  'use strict';

  // Colour maps as in the desktop app: viridis for non-negative maps, blue-white-red centred on 0 for signed ones.
  var VIRIDIS = [0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725];
  var BLUE_WHITE_RED = [0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xFFFFFF, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B];
  var MASKED = [228, 228, 228];
  var NAN = [255, 0, 255];
  var MAIN_PLOT_PX = 600;
  var STRIP_PLOT_PX = 130;

  function byId(id) { return document.getElementById(id); }

  function table(points) {
    var out = [];
    for (var i = 0; i < 256; i++) {
      var x = i / 255 * (points.length - 1);
      var a = Math.min(Math.floor(x), points.length - 2);
      var f = x - a;
      out.push([0, 8, 16].map(function (shift) {
        var c0 = (points[a] >> (16 - shift)) & 255;
        var c1 = (points[a + 1] >> (16 - shift)) & 255;
        return Math.round(c0 * (1 - f) + c1 * f);
      }));
    }
    return out;
  }
  var SEQUENTIAL = table(VIRIDIS);
  var DIVERGING = table(BLUE_WHITE_RED);

  function decode(base64) {
    var bytes = atob(base64);
    var view = new DataView(new ArrayBuffer(bytes.length));
    for (var i = 0; i < bytes.length; i++) { view.setUint8(i, bytes.charCodeAt(i)); }
    var values = new Float32Array(bytes.length / 4);
    for (var j = 0; j < values.length; j++) { values[j] = view.getFloat32(4 * j, true); }
    return values;
  }

  /** The text a value is shown with: 4 significant digits. */
  function format(v) {
    if (Number.isNaN(v)) { return 'NaN'; }
    if (v === 0) { return '0'; }
    var a = Math.abs(v);
    return a >= 1e-4 && a < 1e6 ? v.toPrecision(4) : v.toExponential(3);
  }

  // ---- data ----
  var header = JSON.parse(byId('mta-header').textContent);
  var T = header.tokens.length;
  var layers = {};
  Array.prototype.forEach.call(document.querySelectorAll('script.mta-layer'), function (block) {
    var data = JSON.parse(block.textContent);
    var plan = header.layers.filter(function (p) { return p.layer === data.layer; })[0];
    data.stages = plan.stages;
    layers[data.layer] = data;
  });

  function mapOf(layer, stage, head) {
    var data = layers[layer];
    if (!data) { throw new Error('layer ' + layer + ' is not on this page'); }
    var map = data.maps.filter(function (m) { return m.stage === stage && m.head === head; })[0];
    if (!map) { throw new Error('layer ' + layer + ' has no map of stage ' + stage + ', head ' + head); }
    if (!map.data) { map.data = decode(map.values); }
    return map;
  }

  function matrixValues(matrix) {
    if (!matrix.data) { matrix.data = decode(matrix.values); }
    return matrix.data;
  }

  /** Pooled cell (row, col) covers queries [row*f, min(T, (row+1)*f)) and keys likewise. */
  function span(index, factor) { return [index * factor, Math.min(T, (index + 1) * factor) - 1]; }

  /** A pooled cell is masked when every key it covers comes after every query it covers. */
  function masked(map, row, col) { return span(col, map.factor)[0] > span(row, map.factor)[1]; }

  /** The colour scale of values (skipping masked cells): diverging around 0 when any is negative. */
  function scaleOf(values, size, cols, isMasked) {
    var min = Infinity, max = -Infinity;
    for (var r = 0; r < size; r++) {
      for (var c = 0; c < cols; c++) {
        var v = values[r * cols + c];
        if (!isMasked(r, c) && Number.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
      }
    }
    if (min === Infinity) { min = 0; max = 0; }
    var signed = min < 0;
    var reach = Math.max(Math.abs(min), Math.abs(max)) || 1;
    return { signed: signed, min: min, max: max, lo: signed ? -reach : 0, hi: signed ? reach : (max > 0 ? max : 1) };
  }

  function colour(scale, v) {
    if (Number.isNaN(v)) { return NAN; }
    var t = (v - scale.lo) / (scale.hi - scale.lo);
    var i = Math.max(0, Math.min(255, Math.round(t * 255)));
    return (scale.signed ? DIVERGING : SEQUENTIAL)[i];
  }

  /** An off-screen canvas of one pixel per cell. */
  function cellImage(values, rows, cols, scale, isMasked, maskColour) {
    var canvas = document.createElement('canvas');
    canvas.width = cols;
    canvas.height = rows;
    var ctx = canvas.getContext('2d');
    var image = ctx.createImageData(cols, rows);
    for (var r = 0; r < rows; r++) {
      for (var c = 0; c < cols; c++) {
        var rgb = isMasked(r, c) ? maskColour : colour(scale, values[r * cols + c]);
        var p = 4 * (r * cols + c);
        image.data[p] = rgb[0]; image.data[p + 1] = rgb[1]; image.data[p + 2] = rgb[2]; image.data[p + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    return canvas;
  }

  function sizeCanvas(canvas, width, height) {
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.ceil(width * ratio);
    canvas.height = Math.ceil(height * ratio);
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    var ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.imageSmoothingEnabled = false;
    return ctx;
  }

  // ---- state ----
  var state = { layer: header.layers[0].layer, stage: header.layers[0].stages[0], head: 0, hover: null };

  function select(layer, stage, head) {
    if (!layers[layer]) { throw new Error('layer ' + layer + ' is not on this page'); }
    if (layers[layer].stages.indexOf(stage) < 0) { throw new Error('layer ' + layer + ' has no stage ' + stage); }
    if (head < 0 || head >= header.heads) { throw new Error('head ' + head + ' does not exist'); }
    state.layer = layer; state.stage = stage; state.head = head; state.hover = null;
    render();
  }

  // ---- the large map ----
  var mainView = null;

  function axisLabel(map, index) {
    return map.factor === 1 ? header.tokens[index] : String(index * map.factor);
  }

  function drawMain() {
    var map = mapOf(state.layer, state.stage, state.head);
    var P = map.size;
    var cell = Math.max(1, Math.min(28, Math.floor(MAIN_PLOT_PX / P)));
    var plot = cell * P;
    var isMasked = function (r, c) { return masked(map, r, c); };
    var scale = scaleOf(map.data, P, P, isMasked);
    var canvas = byId('map');
    var probe = canvas.getContext('2d');
    probe.font = '11px ui-monospace, monospace';
    var every = Math.max(1, Math.ceil(12 / cell));
    var labelWidth = 0;
    for (var i = 0; i < P; i += every) { labelWidth = Math.max(labelWidth, probe.measureText(axisLabel(map, i)).width); }
    var margin = Math.min(110, Math.ceil(labelWidth) + 26);
    mainView = { map: map, cell: cell, left: margin, top: margin, plot: plot, scale: scale,
      image: cellImage(map.data, P, P, scale, isMasked, MASKED), every: every };
    paintMain();
    drawBar(scale);
    var stageText = 'layer ' + state.layer + ' · head ' + state.head + ' · ' + state.stage;
    byId('map-title').textContent = stageText;
    byId('pooling').textContent = map.factor === 1
      ? 'Every cell is one query/key pair (' + T + ' × ' + T + ').'
      : 'Pooled: ' + T + ' tokens shown as ' + P + ' × ' + P + ' cells, each covering up to ' + map.factor + ' × '
        + map.factor + ' query/key pairs and showing the value of largest |value| among them (sign kept). Axis labels are token positions.';
    byId('range').textContent = (scale.signed ? 'Signed map, blue–white–red centred on 0' : 'Non-negative map, viridis from 0')
      + ': min ' + format(scale.min) + ', max ' + format(scale.max) + ' (future keys, masked, in grey).';
  }

  function paintMain() {
    var v = mainView;
    var canvas = byId('map');
    var ctx = sizeCanvas(canvas, v.left + v.plot + 8, v.top + v.plot + 8);
    ctx.drawImage(v.image, v.left, v.top, v.plot, v.plot);
    ctx.fillStyle = '#1d2430';
    ctx.font = '11px ui-monospace, monospace';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    for (var r = 0; r < v.map.size; r += v.every) {
      ctx.fillText(axisLabel(v.map, r), v.left - 4, v.top + (r + 0.5) * v.cell);
    }
    for (var c = 0; c < v.map.size; c += v.every) {
      ctx.save();
      ctx.translate(v.left + (c + 0.5) * v.cell, v.top - 4);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'left';
      ctx.fillText(axisLabel(v.map, c), 0, 0);
      ctx.restore();
    }
    ctx.fillStyle = '#5a6472';
    ctx.textAlign = 'left';
    ctx.fillText('key →', 2, 8);
    ctx.fillText('query ↓', 2, 22);
    if (state.hover) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      var h = state.hover;
      ctx.strokeRect(v.left + h.col * v.cell - 1, v.top + h.row * v.cell - 1, v.cell + 2, v.cell + 2);
    }
  }

  function drawBar(scale) {
    var height = Math.max(120, Math.min(mainView.plot, 400));
    var ctx = sizeCanvas(byId('bar'), 78, height + mainView.top + 8);
    var top = mainView.top;
    for (var y = 0; y < height; y++) {
      var rgb = colour(scale, scale.hi - (scale.hi - scale.lo) * y / (height - 1));
      ctx.fillStyle = 'rgb(' + rgb[0] + ',' + rgb[1] + ',' + rgb[2] + ')';
      ctx.fillRect(0, top + y, 16, 1);
    }
    ctx.strokeStyle = '#889';
    ctx.strokeRect(0.5, top + 0.5, 16, height - 1);
    ctx.fillStyle = '#1d2430';
    ctx.font = '11px ui-monospace, monospace';
    ctx.textBaseline = 'middle';
    ctx.fillText(format(scale.hi), 20, top + 5);
    ctx.fillText(format(scale.lo), 20, top + height - 5);
    if (scale.signed) { ctx.fillText('0', 20, top + height / 2); }
  }

  function hoverText(map, row, col) {
    var q = span(row, map.factor), k = span(col, map.factor);
    var where = 'layer ' + state.layer + ' · head ' + state.head + ' · ' + state.stage + ' · ';
    if (map.factor === 1) {
      where += 'query ' + q[0] + ' “' + header.tokens[q[0]] + '” · key ' + k[0] + ' “' + header.tokens[k[0]] + '”';
    } else {
      where += 'queries ' + q[0] + '–' + q[1] + ' · keys ' + k[0] + '–' + k[1];
    }
    if (masked(map, row, col)) { return { text: where + ': masked (every key comes after the query)', value: 'masked' }; }
    var value = format(map.data[row * map.size + col]);
    var pooled = map.factor === 1 ? '' : '  (largest |value| of these ' + (q[1] - q[0] + 1) + ' × ' + (k[1] - k[0] + 1) + ' pairs)';
    return { text: where + ': ' + value + pooled, value: value };
  }

  /** Shows the value of the cell covering (query, key) and records it on #hover for scripts and tests. */
  function showHover(query, key) {
    var map = mainView.map;
    var row = Math.floor(query / map.factor), col = Math.floor(key / map.factor);
    state.hover = { row: row, col: col };
    var shown = hoverText(map, row, col);
    var out = byId('hover');
    out.textContent = shown.text;
    out.dataset.layer = state.layer; out.dataset.stage = state.stage; out.dataset.head = state.head;
    out.dataset.query = query; out.dataset.key = key; out.dataset.value = shown.value;
    markTokens(span(row, map.factor), span(col, map.factor));
    paintMain();
    return shown.value;
  }

  function markTokens(queries, keys) {
    var chips = byId('tokens').children;
    for (var i = 0; i < chips.length; i++) {
      chips[i].className = i >= queries[0] && i <= queries[1] ? 'query' : (i >= keys[0] && i <= keys[1] ? 'key' : '');
    }
  }

  function cellAt(event, view) {
    var rect = event.target.getBoundingClientRect();
    var x = event.clientX - rect.left - view.left, y = event.clientY - rect.top - view.top;
    var col = Math.floor(x / view.cell), row = Math.floor(y / view.cell);
    return x < 0 || y < 0 || row >= view.rows || col >= view.cols ? null : { row: row, col: col };
  }

  byId('map').addEventListener('mousemove', function (event) {
    if (!mainView) { return; }
    var at = cellAt(event, { left: mainView.left, top: mainView.top, cell: mainView.cell, rows: mainView.map.size, cols: mainView.map.size });
    if (at) { showHover(at.row * mainView.map.factor, at.col * mainView.map.factor); }
  });

  // ---- every stage of the layer, small ----
  function drawStrip() {
    var strip = byId('strip');
    strip.textContent = '';
    layers[state.layer].stages.forEach(function (stage) {
      var map = mapOf(state.layer, stage, state.head);
      var isMasked = function (r, c) { return masked(map, r, c); };
      var scale = scaleOf(map.data, map.size, map.size, isMasked);
      var cell = Math.max(1, Math.floor(STRIP_PLOT_PX / map.size));
      var figure = document.createElement('figure');
      figure.className = stage === state.stage ? 'selected' : '';
      figure.dataset.stage = stage;
      var canvas = document.createElement('canvas');
      var ctx = sizeCanvas(canvas, cell * map.size, cell * map.size);
      ctx.drawImage(cellImage(map.data, map.size, map.size, scale, isMasked, MASKED), 0, 0, cell * map.size, cell * map.size);
      var caption = document.createElement('figcaption');
      caption.textContent = stage;
      figure.appendChild(canvas);
      figure.appendChild(caption);
      figure.addEventListener('click', function () { select(state.layer, stage, state.head); });
      strip.appendChild(figure);
    });
  }

  // ---- kernels and head mixing ----
  function drawMatrices() {
    var box = byId('matrices');
    box.textContent = '';
    var shown = layers[state.layer].matrices.filter(function (m) { return m.head < 0 || m.head === state.head; });
    if (shown.length === 0) {
      box.textContent = 'This layer has no key-query kernel and no head mixing (plain attention).';
      return;
    }
    shown.forEach(function (matrix) { box.appendChild(matrixFigure(matrix)); });
  }

  function matrixFigure(matrix) {
    var values = matrixValues(matrix);
    var rows = matrix.rows.length, cols = matrix.columns.length;
    var none = function () { return false; };
    var scale = scaleOf(values, rows, cols, none);
    var cell = Math.max(14, Math.min(44, Math.floor(360 / Math.max(rows, cols))));
    var left = 52, top = 34;
    var figure = document.createElement('figure');
    var caption = document.createElement('figcaption');
    caption.textContent = matrix.title;
    var canvas = document.createElement('canvas');
    var ctx = sizeCanvas(canvas, left + cols * cell + 4, top + rows * cell + 4);
    ctx.drawImage(cellImage(values, rows, cols, scale, none, MASKED), left, top, cols * cell, rows * cell);
    ctx.font = '10px ui-monospace, monospace';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (var r = 0; r < rows; r++) {
      for (var c = 0; c < cols; c++) {
        var v = values[r * cols + c];
        if (cell >= 30 && !Number.isNaN(v)) {
          var rgb = colour(scale, v);
          ctx.fillStyle = rgb[0] * 0.3 + rgb[1] * 0.6 + rgb[2] * 0.1 > 140 ? '#1d2430' : '#fff';
          ctx.fillText(v.toFixed(2), left + (c + 0.5) * cell, top + (r + 0.5) * cell);
        }
      }
    }
    ctx.fillStyle = '#1d2430';
    matrix.columns.forEach(function (label, c) { ctx.fillText(label, left + (c + 0.5) * cell, top - 8); });
    ctx.textAlign = 'right';
    matrix.rows.forEach(function (label, r) { ctx.fillText(label, left - 6, top + (r + 0.5) * cell); });
    ctx.textAlign = 'left';
    ctx.fillStyle = '#5a6472';
    ctx.fillText(matrix.columnAxis + ' →', left, 8);
    ctx.save();
    ctx.translate(10, top);
    ctx.rotate(Math.PI / 2);
    ctx.fillText(matrix.rowAxis + ' →', 0, 0);
    ctx.restore();
    ctx.lineWidth = 2;
    if (matrix.marked) {
      ctx.strokeStyle = '#000';
      ctx.strokeRect(left + matrix.marked[1] * cell, top + matrix.marked[0] * cell, cell, cell);
    }
    if (matrix.head < 0) {
      ctx.strokeStyle = '#d08a1c';
      ctx.strokeRect(left, top + state.head * cell, cols * cell, cell);
    }
    canvas.addEventListener('mousemove', function (event) {
      var at = cellAt(event, { left: left, top: top, cell: cell, rows: rows, cols: cols });
      if (!at) { return; }
      byId('matrix-hover').textContent = matrix.title + ' · ' + matrix.rowAxis + ' ' + matrix.rows[at.row] + ', '
        + matrix.columnAxis + ' ' + matrix.columns[at.col] + ': '
        + (Number.isNaN(values[at.row * cols + at.col]) ? 'not mixed (different groups)' : format(values[at.row * cols + at.col]));
    });
    figure.appendChild(caption);
    figure.appendChild(canvas);
    return figure;
  }

  // ---- controls ----
  function fillControls() {
    var layerList = header.layers.map(function (p) { return p.layer; }).join(', ');
    byId('run').textContent = header.checkpoint + ' · ' + T + ' tokens · layer' + (header.layers.length > 1 ? 's ' : ' ')
      + layerList + ' · ' + header.heads + ' heads · run on ' + header.device + ' · maps up to ' + header.maxCells + ' × ' + header.maxCells
      + ' cells · MTA Lens ' + header.mtaLens;
    var layerSelect = byId('layer');
    header.layers.forEach(function (plan) { layerSelect.add(new Option(String(plan.layer), String(plan.layer))); });
    layerSelect.addEventListener('change', function () {
      var layer = Number(layerSelect.value);
      var stages = layers[layer].stages;
      select(layer, stages.indexOf(state.stage) >= 0 ? state.stage : stages[0], state.head);
    });
    var headSelect = byId('head');
    for (var h = 0; h < header.heads; h++) { headSelect.add(new Option(String(h), String(h))); }
    headSelect.addEventListener('change', function () { select(state.layer, state.stage, Number(headSelect.value)); });
    var tokens = byId('tokens');
    header.tokens.forEach(function (label, i) {
      var chip = document.createElement('span');
      chip.textContent = label;
      chip.title = 'position ' + i + ', id ' + header.tokenIds[i];
      tokens.appendChild(chip);
    });
  }

  function drawStageButtons() {
    var box = byId('stages');
    box.textContent = '';
    layers[state.layer].stages.forEach(function (stage) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = stage;
      button.setAttribute('role', 'radio');
      button.setAttribute('aria-checked', String(stage === state.stage));
      button.addEventListener('click', function () { select(state.layer, stage, state.head); });
      box.appendChild(button);
    });
  }

  function render() {
    byId('layer').value = String(state.layer);
    byId('head').value = String(state.head);
    drawStageButtons();
    drawMain();
    drawStrip();
    drawMatrices();
    byId('hover').textContent = 'Hover a cell to read its value.';
    markTokens([-1, -1], [-1, -1]);
  }

  function showError(message) {
    var box = byId('error');
    box.hidden = false;
    box.textContent = 'This page could not be drawn: ' + message;
    document.body.dataset.error = message;
  }

  /**
   * Test and scripting hook: selects layer, stage and head, hovers the cell covering (query, key) and returns the
   * value text shown (also on #hover's data-value).
   */
  window.mtaLensHoverValue = function (layer, stage, head, query, key) {
    select(layer, stage, head);
    if (query < 0 || query >= T || key < 0 || key >= T) { throw new Error('query and key must be 0..' + (T - 1)); }
    return showHover(query, key);
  };

  try {
    fillControls();
    render();
    // #hover=LAYER,STAGE,HEAD,QUERY,KEY opens the page with that cell hovered (for links and headless browsers).
    var request = /^#hover=(\d+),(\w+),(\d+),(\d+),(\d+)$/.exec(window.location.hash);
    if (request) {
      window.mtaLensHoverValue(Number(request[1]), request[2], Number(request[3]), Number(request[4]), Number(request[5]));
    }
    document.body.dataset.ready = 'true';
  } catch (e) {
    showError(e.message);
  }
})();

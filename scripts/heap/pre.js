// ES5 stubs of every Fitbit module the watch bundle imports, for JerryScript (scripts/check-heap.ts).
// They cost heap of their own (about 7 KB): the figure printed is the face plus these stubs.
var console = { log: function () {}, warn: function () {}, error: function () {} };
function Emitter() {
  this.l = {};
}
Emitter.prototype.addEventListener = function (t, f) {
  (this.l[t] = this.l[t] || []).push(f);
};
Emitter.prototype.emit = function (t, e) {
  var a = this.l[t] || [];
  for (var i = 0; i < a.length; i++) a[i](e);
};
// An element is a host object on the watch: its properties are accessors into the native view, so
// it holds no JS properties of its own. The stub keeps defaults on the prototype and stores only
// what the face writes (a style object only once it is used).
function El() {}
El.prototype.text = "";
El.prototype.x = 0;
El.prototype.y = 0;
El.prototype.width = 0;
El.prototype.height = 0;
El.prototype.sweepAngle = 0;
El.prototype.href = "";
El.prototype.onclick = null;
Object.defineProperty(El.prototype, "style", {
  get: function () {
    var style = { opacity: 1, fill: "", display: "inline" };
    Object.defineProperty(this, "style", { value: style });
    return style;
  },
});
El.prototype.getBBox = function () {
  return { x: this.x, y: this.y, width: 8 * this.text.length + 20, height: 24 };
};
var els = {};
var doc = {
  getElementById: function (id) {
    return els[id] || (els[id] = new El());
  },
};
var clock = new Emitter();
clock.granularity = "off";
var display = new Emitter();
display.on = true;
display.aodAvailable = true;
display.aodActive = false;
display.aodAllowed = false;
var inbox = new Emitter();
var staged = [];
var files = {};
var sentFiles = 0;
inbox.nextFile = function () {
  var f = staged.shift();
  if (f) {
    files[f.name] = f.data;
    return f.name;
  }
  return undefined;
};
var outbox = {
  enqueueFile: function () {
    sentFiles++;
    return { then: function () {}, catch: function () {} };
  },
};
var SNAP = {
  v: 2,
  t: 1795512600,
  e: 1,
  i: 1,
  u: 1795512600,
  x: 1795534200,
  s: 0,
  n: { d: 20261124, b: 1373, e: 391, a: 430, f: 94, k: 0, g: [81, 260, 89, 28], h: [0xe4e4, 0xe4e4, 0xe4e4] },
  w: [493, 430, 463, 449, 394, 427, 430],
  q: [10443, 13184, 12069, 7312, 7131, 6242, 225],
  r: 62,
  o: [15, 0, 0, 0, 480],
};
files["last.cbor"] = SNAP;
var fs = {
  existsSync: function (n) {
    return files.hasOwnProperty(n);
  },
  readFileSync: function (n) {
    if (!files.hasOwnProperty(n)) throw new Error("nf");
    return JSON.parse(JSON.stringify(files[n]));
  },
  writeFileSync: function (n, d) {
    files[n] = d;
  },
  renameSync: function (a, b) {
    files[b] = files[a];
    delete files[a];
  },
  unlinkSync: function (n) {
    delete files[n];
  },
};
var peer = new Emitter();
peer.OPEN = "OPEN";
peer.CLOSED = "CLOSED";
peer.readyState = "OPEN";
peer.send = function () {};
var sleep = new Emitter();
sleep.state = "asleep";
var mods = {
  clock: { default: clock },
  display: { display: display },
  document: { default: doc },
  "file-transfer": { inbox: inbox, outbox: outbox },
  fs: fs,
  messaging: { peerSocket: peer },
  sleep: { default: sleep },
  "user-activity": {
    today: {
      adjusted: { steps: 5234, calories: 1200, distance: 3100, elevationGain: 5, activeZoneMinutes: { total: 12 } },
      local: { elevationGain: 5 },
    },
    goals: { steps: 10000, activeZoneMinutes: { total: 22 } },
    minuteHistory: {
      maxRecordCount: 60,
      // Records made per query, as the watch hands them out (not held by the stub between calls).
      query: function (o) {
        var records = [];
        for (var m = 0; m < (o && o.limit ? o.limit : 60); m++) records.push({ steps: m % 3 });
        return records;
      },
    },
  },
  power: {
    battery: { chargeLevel: 64 },
  },
  "user-settings": {
    preferences: { clockDisplay: "24h" },
    units: { distance: "metric" },
    locale: { language: "de-DE" },
  },
  i18n: {
    gettext: function (m) {
      return m;
    },
  },
  appbit: {
    me: {
      permissions: {
        granted: function () {
          return true;
        },
      },
    },
  },
};
function require(n) {
  return mods[n];
}

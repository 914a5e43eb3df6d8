// Drives the face for 200 minutes: ticks, a night seen asleep then awake, display off and on,
// snapshots by file and message, taps (scripts/check-heap.ts).
for (var k = 0; k < 200; k++) {
  clock.emit("tick", { date: new Date(Date.UTC(2026, 10, 24, 7 + Math.floor(k / 60), k % 60)) });
  if (k === 30) {
    sleep.state = "awake";
    sleep.emit("change", {});
  }
  if (k % 50 === 0) {
    display.on = false;
    display.emit("change", {});
    display.on = true;
    display.emit("change", {});
  }
  if (k % 20 === 0) {
    staged.push({ name: "snapshot.cbor", data: JSON.parse(JSON.stringify(SNAP)) });
    SNAP.i++;
    inbox.emit("newfile", {});
  }
  if (k % 7 === 0) {
    SNAP.i++;
    peer.emit("message", { data: { k: "s", s: JSON.parse(JSON.stringify(SNAP)) } });
  }
  if (k % 13 === 0 && els["complication-hit"] && els["complication-hit"].onclick) els["complication-hit"].onclick();
  // The minutes per stage, shown and hidden again; every other snapshot brings another hypnogram.
  if (k % 11 === 0 && els["sleep-hit"] && els["sleep-hit"].onclick) els["sleep-hit"].onclick();
  if (k % 40 === 0) SNAP.n.h[k % 3] = (SNAP.n.h[k % 3] + k) & 0xffff;
}
// ES5 (JerryScript): no trailing comma in a call; kept out of Prettier (.prettierignore).
print("ran: i=" + SNAP.i + " time=" + els["time"].text + " steps=" + els["steps"].text +
  " sleep=" + els["sleep"].text + " status=\"" + els["status"].text + "\" files sent=" + sentFiles);

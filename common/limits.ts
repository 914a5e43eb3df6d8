/**
 * The plausible ranges of every value the companion keeps and the watch accepts. One table, read
 * by the provider readers (which refuse a record or window outside it) and by `decodeSnapshot`
 * (which refuses a snapshot outside it), so the companion never sends what the watch would refuse.
 */
export const LIMITS = {
  /** Minutes in a day: any sleep duration, stage or period. */
  minutesPerDay: 1440,
  /** Steps in one day (about 150 km of walking). */
  maxStepsPerDay: 200000,
  /** Resting heart rate, beats per minute. */
  minRestingHeartRate: 20,
  maxRestingHeartRate: 250,
  /** Civil dates the provider may name (yyyymmdd). */
  minDate: 20000101,
  maxDate: 20991231,
  /** Days in the week's series (sleep and steps), ending today: the face's seven bars. */
  weekDays: 7,
  /**
   * How far the phone's clock may be ahead of the watch's, or of the present it later returns to,
   * before an instant it wrote is not believed (phones correct their clocks by seconds).
   */
  clockSlackSeconds: 300,
  /** The furthest ahead the companion ever plans a call (the next day's steps history): 26 h. */
  maxPlanSeconds: 26 * 3600,
  /** Seconds east of UTC: real zones span −12:00 … +14:00. */
  maxUtcOffsetSeconds: 14 * 3600,
} as const;

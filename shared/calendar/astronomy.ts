/**
 * Astronomy behind the Vietnamese lunar calendar, after Hồ Ngọc Đức's published algorithm
 * (Jean Meeus, "Astronomical Algorithms"). Every "day" here is a Julian Day Number (JDN, integer)
 * of a calendar day in the given timezone; Vietnam uses UTC+7, which is what separates it from the
 * Chinese calendar (UTC+8) in years such as 1985, 2007 and 2030.
 */

const DEG = Math.PI / 180;

/** Mean synodic month in days. */
export const SYNODIC_MONTH = 29.530588853;
/** JD of the reference new moon (k = 0) near 1900-01-01. */
const NEW_MOON_EPOCH = 2415021.076998695;

/** JD (with fraction, UT) of the k-th new moon after the one of 1900-01-01 13:51 UT. */
function newMoonJd(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const m = sunAnomaly * DEG;
  const mp = moonAnomaly * DEG;
  const f = moonLatitude * DEG;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mp) +
    0.0161 * Math.sin(2 * mp) -
    0.0004 * Math.sin(3 * mp) +
    0.0104 * Math.sin(2 * f) -
    0.0051 * Math.sin(m + mp) -
    0.0074 * Math.sin(m - mp) +
    0.0004 * Math.sin(2 * f + m) -
    0.0004 * Math.sin(2 * f - m) -
    0.0006 * Math.sin(2 * f + mp) +
    0.001 * Math.sin(2 * f - mp) +
    0.0005 * Math.sin(2 * mp + m);
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** The local calendar day (JDN) on which the k-th new moon falls. */
export function newMoonDay(k: number, timeZoneHours: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + timeZoneHours / 24);
}

/** Index k of the new moon starting the lunar month that contains (or begins on) the given JDN. */
export function newMoonIndexNear(jdn: number): number {
  return Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
}

/**
 * Which 30° sector (0–11) of ecliptic longitude the sun is in at local midnight starting the day;
 * sector boundaries are the major solar terms (trung khí), e.g. sector 9 starts at the winter solstice.
 */
export function sunLongitudeSector(jdn: number, timeZoneHours: number): number {
  const t = (jdn - 2451545.5 - timeZoneHours / 24) / 36525;
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const equationOfCentre = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) + 0.00029 * Math.sin(3 * meanAnomaly);
  let longitude = (meanLongitude + equationOfCentre) * DEG;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** JDN of the first day of the 11th lunar month (the one holding the winter solstice) around the end of the solar year whose 31 December is given. */
export function lunarMonth11Start(jdnOfDecember31: number, timeZoneHours: number): number {
  const k = Math.floor((jdnOfDecember31 - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, timeZoneHours);
  return sunLongitudeSector(start, timeZoneHours) >= 9 ? newMoonDay(k - 1, timeZoneHours) : start;
}

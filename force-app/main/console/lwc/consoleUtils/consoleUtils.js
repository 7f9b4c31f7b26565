// Generated from consoleUtils.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export function formatLabel(template, ...args) {
  return String(template ?? "").replace(/\{(\d+)\}/g, (match, index) => {
    const value = args[Number(index)];
    return value === void 0 || value === null ? match : String(value);
  });
}
const numberFormats = /* @__PURE__ */ new Map();
export function formatNumber(value, locale, options = {}) {
  if (value === null || value === void 0 || Number.isNaN(value)) {
    return "";
  }
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}
export function formatPercent(ratio, locale) {
  return formatNumber(ratio, locale, { style: "percent", maximumFractionDigits: 1 });
}
const dayFormats = /* @__PURE__ */ new Map();
export function formatDay(day, locale) {
  if (!day) {
    return "";
  }
  const time = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(time)) {
    return day;
  }
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(time));
}
const dateTimeFormats = /* @__PURE__ */ new Map();
function dateTimeFormat(locale, timeZone) {
  const key = `${locale}|${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    const options = { dateStyle: "medium", timeStyle: "long" };
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    }
    dateTimeFormats.set(key, format);
  }
  return format;
}
export function formatDateTime(value, locale, timeZone) {
  if (!value) {
    return "";
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    return value;
  }
  return dateTimeFormat(locale, timeZone).format(new Date(time));
}
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
export function formatValue(value, locale, timeZone) {
  if (value === null || value === void 0) {
    return "";
  }
  if (typeof value === "string" && ISO_DAY.test(value)) {
    return formatDay(value, locale);
  }
  if (typeof value === "string" && ISO_DATE_TIME.test(value)) {
    return formatDateTime(value, locale, timeZone);
  }
  return String(value);
}
function isPermissionMessage(message) {
  return /insufficient|permission|not accessible|no access|INSUFFICIENT_ACCESS|WardenComplianceOfficer/i.test(
    message
  );
}
export function readableError(error, permissionMessage, fallback) {
  const messages = [];
  const collect = (value) => {
    if (!value) {
      return;
    }
    if (Array.isArray(value)) {
      value.forEach(collect);
      return;
    }
    if (typeof value === "string") {
      messages.push(value);
      return;
    }
    if (typeof value === "object") {
      const candidate = value;
      if (candidate.status === 403) {
        messages.push("INSUFFICIENT_ACCESS");
      }
      if (candidate.body) {
        const bodies = Array.isArray(candidate.body) ? candidate.body : [candidate.body];
        for (const body of bodies) {
          if (body.message) {
            messages.push(body.message);
          }
          body.pageErrors?.forEach((pageError) => pageError.message && messages.push(pageError.message));
          Object.values(body.fieldErrors ?? {}).forEach(
            (list) => list.forEach((fieldError) => fieldError.message && messages.push(fieldError.message))
          );
        }
      } else if (candidate.message) {
        messages.push(candidate.message);
      }
    }
  };
  collect(error);
  if (messages.some(isPermissionMessage)) {
    return { kind: "permission", message: permissionMessage };
  }
  const clean = messages.map(
    (message) => message.split(/\r?\n/)[0].replace(/^(System\.)?\w+Exception:\s*/, "").replace(/\s*\(?(Class|Trigger)\.[\w.]+: line \d+.*$/i, "").trim()
  ).filter((message) => message !== "");
  return clean.length > 0 ? { kind: "validation", message: [...new Set(clean)].join(" ") } : { kind: "unknown", message: fallback };
}

// Generated from phiTables.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export const COLUMN_LABELS = {
  name: "Name",
  patient: "Name",
  "patient name": "Name",
  "pt name": "Name",
  "full name": "Name",
  "first name": "Name",
  "last name": "Name",
  "middle name": "Name",
  "given name": "Name",
  "family name": "Name",
  surname: "Name",
  firstname: "Name",
  lastname: "Name",
  fname: "Name",
  lname: "Name",
  "member name": "Name",
  "subscriber name": "Name",
  "insured name": "Name",
  guarantor: "Name",
  "guarantor name": "Name",
  "emergency contact": "Name",
  "contact name": "Name",
  "next of kin": "Name",
  caregiver: "Name",
  dob: "Date",
  "d.o.b": "Date",
  "date of birth": "Date",
  "birth date": "Date",
  birthdate: "Date",
  birthday: "Date",
  "admit date": "Date",
  "admission date": "Date",
  "discharge date": "Date",
  "date of service": "Date",
  dos: "Date",
  "service date": "Date",
  "visit date": "Date",
  "appointment date": "Date",
  "appt date": "Date",
  "date of death": "Date",
  "death date": "Date",
  dod: "Date",
  "procedure date": "Date",
  "surgery date": "Date",
  address: "Address",
  "home address": "Address",
  "mailing address": "Address",
  "street address": "Address",
  street: "Address",
  "address line 1": "Address",
  "address line 2": "Address",
  "address 1": "Address",
  "address 2": "Address",
  addr: "Address",
  city: "Address",
  town: "Address",
  county: "Address",
  zip: "Address",
  "zip code": "Address",
  zipcode: "Address",
  "postal code": "Address",
  postcode: "Address",
  phone: "Phone",
  "phone number": "Phone",
  telephone: "Phone",
  tel: "Phone",
  mobile: "Phone",
  cell: "Phone",
  "cell phone": "Phone",
  "home phone": "Phone",
  "work phone": "Phone",
  "contact number": "Phone",
  fax: "Fax",
  "fax number": "Fax",
  email: "Email",
  "e mail": "Email",
  "email address": "Email",
  ssn: "Ssn",
  "social security number": "Ssn",
  "social security no": "Ssn",
  mrn: "Mrn",
  "mr number": "Mrn",
  "medical record number": "Mrn",
  "medical record no": "Mrn",
  "medical record": "Mrn",
  "chart number": "Mrn",
  chart: "Mrn",
  "member id": "HealthPlanId",
  "member number": "HealthPlanId",
  "subscriber id": "HealthPlanId",
  "policy number": "HealthPlanId",
  "policy no": "HealthPlanId",
  policy: "HealthPlanId",
  "insurance id": "HealthPlanId",
  "health plan id": "HealthPlanId",
  "medicare id": "HealthPlanId",
  "medicaid id": "HealthPlanId",
  "beneficiary id": "HealthPlanId",
  account: "AccountNumber",
  "account number": "AccountNumber",
  "account no": "AccountNumber",
  acct: "AccountNumber",
  "acct no": "AccountNumber",
  "patient id": "Identifier",
  "pt id": "Identifier",
  "claim number": "Identifier",
  "claim no": "Identifier",
  claim: "Identifier",
  "claim id": "Identifier",
  "case number": "Identifier",
  "encounter id": "Identifier",
  "encounter number": "Identifier",
  "visit id": "Identifier",
  fin: "Identifier",
  "license number": "LicenseNumber",
  "licence number": "LicenseNumber",
  "drivers license": "LicenseNumber",
  "driver license": "LicenseNumber",
  vin: "VehicleId",
  "license plate": "VehicleId",
  "plate number": "VehicleId",
  "device id": "DeviceId",
  "serial number": "DeviceId",
  imei: "DeviceId",
  "ip address": "IpAddress",
  ip: "IpAddress",
  url: "Url",
  age: "Age"
};
const PLACEHOLDERS = /* @__PURE__ */ new Set(["n/a", "na", "none", "unknown", "unk", "null", "nil", "-", "--", "tbd", "pending", "?"]);
const SEPARATORS = ["	", "|", ";", ","];
const LABEL = /^[A-Za-z][A-Za-z0-9 .#/()_'-]{0,39}$/;
const RULE_ROW = /^[-:+= |\t]*-[-:+= |\t]*$/;
const NUMBERED = /* @__PURE__ */ new Set([
  "Date",
  "Phone",
  "Fax",
  "Ssn",
  "Mrn",
  "HealthPlanId",
  "AccountNumber",
  "Identifier",
  "LicenseNumber",
  "VehicleId",
  "DeviceId",
  "IpAddress"
]);
export function columnCategory(text, fields) {
  if (Object.prototype.hasOwnProperty.call(fields, text)) {
    return fields[text];
  }
  const key = text.toLowerCase().replace(/[_-]/g, " ").replace(/[#:.]+$/, "").replace(/ {2,}/g, " ").replace(/^ | $/g, "");
  return Object.prototype.hasOwnProperty.call(COLUMN_LABELS, key) ? COLUMN_LABELS[key] : null;
}
export function splitCells(text, from, to, separator, accept) {
  let start = from;
  let end = to;
  if (separator === "|") {
    while (start < end && (text[start] === " " || text[start] === "	")) {
      start++;
    }
    while (end > start && (text[end - 1] === " " || text[end - 1] === "	" || text[end - 1] === "\r")) {
      end--;
    }
    if (text[start] === "|") {
      start++;
    }
    if (end > start && text[end - 1] === "|") {
      end--;
    }
  }
  const cells = [];
  const cut = separator.charCodeAt(0);
  const quotes = separator !== "	" && separator !== "|";
  let cellStart = start;
  let quoted = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : cut;
    if (c === 34 && quotes) {
      quoted = !quoted;
    } else if (c === cut && !quoted) {
      const cell = trimCell(text, cellStart, i);
      if (accept !== void 0 && !accept(cell)) {
        return null;
      }
      cells.push(cell);
      cellStart = i + 1;
    }
  }
  return quoted ? null : cells;
}
function trimCell(text, from, to) {
  let start = from;
  let end = to;
  while (start < end && (text[start] === " " || text[start] === "	" || text[start] === "\r")) {
    start++;
  }
  while (end > start && (text[end - 1] === " " || text[end - 1] === "	" || text[end - 1] === "\r")) {
    end--;
  }
  if (end - start >= 2 && text[start] === '"' && text[end - 1] === '"') {
    return trimCell(text, start + 1, end - 1);
  }
  return { start, end };
}
function readHeader(text, from, line, fields) {
  const to = from + line.length;
  const separator = SEPARATORS.find((s) => line.indexOf(s) >= 0);
  if (separator === void 0) {
    return null;
  }
  const cells = splitCells(text, from, to, separator, (cell) => {
    if (cell.end === cell.start) {
      return true;
    }
    const first = text.charCodeAt(cell.start) | 32;
    if (cell.end - cell.start > 40 || first < 97 || first > 122) {
      return false;
    }
    const value = text.slice(cell.start, cell.end);
    return LABEL.test(value) && value.split(" ").filter((w) => w !== "").length <= 3;
  });
  if (cells === null || cells.length < 2) {
    return null;
  }
  let named = 0;
  const categories = [];
  for (const cell of cells) {
    const category = cell.end === cell.start ? null : columnCategory(text.slice(cell.start, cell.end), fields);
    named += category === null ? 0 : 1;
    categories.push(category);
  }
  return named >= 2 ? { separator, categories } : null;
}
export function cellHoldsPhi(value, category) {
  if (value === "" || PLACEHOLDERS.has(value.toLowerCase())) {
    return false;
  }
  if (category === "Age") {
    return /^[0-9]{2,3}\+?$/.test(value) && parseInt(value, 10) >= 90;
  }
  if (category === "Email") {
    return value.indexOf("@") > 0;
  }
  if (category === "Date" && /^[0-9]{4}$/.test(value)) {
    return false;
  }
  if (NUMBERED.has(category)) {
    return /[0-9]/.test(value);
  }
  return /[\p{L}0-9]/u.test(value);
}
function blank(line) {
  return /^[ \t\r]*$/.test(line);
}
export function findTableCells(text, fields) {
  const spans = [];
  let header = null;
  for (let from = 0; from < text.length; ) {
    const next = text.indexOf("\n", from);
    const to = next < 0 ? text.length : next;
    const line = text.slice(from, to);
    if (header !== null && RULE_ROW.test(line)) {
      from = to + 1;
      continue;
    }
    const cells = header === null ? null : splitCells(text, from, to, header.separator);
    if (header !== null && cells !== null && cells.length === header.categories.length && !blank(line)) {
      for (let k = 0; k < cells.length; k++) {
        const category = header.categories[k];
        const value = text.slice(cells[k].start, cells[k].end);
        if (category !== null && cellHoldsPhi(value, category)) {
          spans.push({ start: cells[k].start, end: cells[k].end, category });
        }
      }
    } else {
      header = readHeader(text, from, line, fields);
    }
    from = to + 1;
  }
  return spans;
}

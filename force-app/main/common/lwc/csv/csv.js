// Generated from csv.ts by scripts/dev/generate/lwc-js.ts (npm run build:lwc).
// Do not edit: change the .ts and rebuild; the lwc check fails when this file is stale.
export class CsvSyntaxError extends Error {
  constructor(message, line) {
    super(`CSV line ${line}: ${message}`);
    this.line = line;
  }
}
function lineBreaks(text, from, to) {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 && text.charCodeAt(i + 1) !== 10) {
      count++;
    }
  }
  return count;
}
export function parseCsv(text) {
  const rows = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 65279 ? 1 : 0;
  let row = [];
  let line = 1;
  let counted = i;
  while (i < n) {
    let value;
    if (text.charCodeAt(i) === 34) {
      line += lineBreaks(text, counted, i);
      counted = i;
      let j = i + 1;
      value = "";
      for (; ; ) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          throw new CsvSyntaxError("a quoted field is not closed.", line);
        }
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) !== 34) {
          i = q + 1;
          break;
        }
        value += '"';
        j = q + 2;
      }
    } else {
      let j = i;
      let c2 = text.charCodeAt(j);
      while (j < n && c2 !== 44 && c2 !== 10 && c2 !== 13 && c2 !== 34) {
        c2 = text.charCodeAt(++j);
      }
      if (c2 === 34) {
        line += lineBreaks(text, counted, j);
        throw new CsvSyntaxError("a quote inside a field that is not quoted.", line);
      }
      value = text.slice(i, j);
      i = j;
    }
    row.push(value);
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      if (i === n) {
        row.push("");
      }
    } else if (c === 13 || c === 10 || i >= n) {
      rows.push(row);
      row = [];
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      line += lineBreaks(text, counted, i);
      counted = i;
      throw new CsvSyntaxError("a quoted field is followed by something other than a comma or a line end.", line);
    }
  }
  if (row.length > 0) {
    rows.push(row);
  }
  return rows;
}
export function csvField(value) {
  return /[",\r\n]/.test(value) || value !== value.trim() ? '"' + value.replace(/"/g, '""') + '"' : value;
}
export function toCsv(rows) {
  let out = "";
  for (const row of rows) {
    out += row.map(csvField).join(",") + "\r\n";
  }
  return out;
}

/**
 * Plain-text tables for terminal output: columns padded to their widest cell, a rule under the
 * header. Width is measured in code points so accented labels line up.
 */
export function renderTable(headers: string[], rows: string[][]): string {
    const width = (value: string): number => [...value].length;
    const widths = headers.map((header, column) =>
        Math.max(width(header), ...rows.map((row) => width(row[column] ?? '')))
    );
    const line = (cells: string[]): string =>
        cells
            .map((cell, column) => cell + ' '.repeat(widths[column] - width(cell)))
            .join('  ')
            .trimEnd();
    return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

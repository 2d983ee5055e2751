// SPDX-License-Identifier: Apache-2.0
// Writes a model as indented JSON and remembers which value each line holds, so that a diagnostic's
// line (the API reports lines of the text it was sent) leads back to the form field that holds it.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface MappedJson {
  text: string;
  /** paths[line - 1]: the dotted path of the innermost value that starts on that line ("" = the root). */
  paths: string[];
}

export function toMappedJson(value: unknown): MappedJson {
  const lines: string[] = [];
  const paths: string[] = [];
  const emit = (text: string, path: string) => {
    lines.push(text);
    paths.push(path);
  };
  const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);

  // Lists of numbers (ranges, red lines) stay on one line; every text value gets its own line, so
  // that a diagnostic in one priority or rule leads to that field.
  const isFlat = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "number");

  const write = (v: unknown, path: string, indent: string, prefix: string, suffix: string) => {
    if (v === undefined) v = null;
    if (v === null || typeof v !== "object" || isFlat(v)) {
      emit(indent + prefix + JSON.stringify(v) + suffix, path);
      return;
    }
    const inner = indent + "  ";
    if (Array.isArray(v)) {
      if (!v.length) return emit(`${indent}${prefix}[]${suffix}`, path);
      emit(`${indent}${prefix}[`, path);
      v.forEach((item, i) => write(item, join(path, i), inner, "", i + 1 < v.length ? "," : ""));
      emit(`${indent}]${suffix}`, path);
      return;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (!entries.length) return emit(`${indent}${prefix}{}${suffix}`, path);
    emit(`${indent}${prefix}{`, path);
    entries.forEach(([key, item], i) =>
      write(item, join(path, key), inner, `${JSON.stringify(key)}: `, i + 1 < entries.length ? "," : ""),
    );
    emit(`${indent}}${suffix}`, path);
  };
  write(value, "", "", "", "");
  return { text: lines.join("\n") + "\n", paths };
}

/** The path held on a 1-based line, or null when the line is outside the text. */
export function pathAtLine(mapped: MappedJson, line: number | null): string | null {
  if (line === null || line < 1 || line > mapped.paths.length) return null;
  return mapped.paths[line - 1];
}

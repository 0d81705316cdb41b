// How the demo shows a JSON body it received: compact where it fits, as a person would lay it out.

/** JSON indented by two spaces, with each object or array that fits in `width` columns kept on one line. */
export function formatJson(value, indent = '', prefix = '', width = 80) {
  const flat = flatJson(value);
  if (value === null || typeof value !== 'object' || indent.length + prefix.length + flat.length <= width) {
    return indent + prefix + flat;
  }
  const inner = `${indent}  `;
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const entries = Array.isArray(value)
    ? value.map((item) => formatJson(item, inner, '', width))
    : Object.entries(value).map(([key, item]) => formatJson(item, inner, `${JSON.stringify(key)}: `, width));
  return `${indent}${prefix}${open}\n${entries.join(',\n')}\n${indent}${close}`;
}

/** JSON on one line with a space inside braces and after separators: `{ "name": "Price", "inline": true }`. */
function flatJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(flatJson).join(', ')}]`;
  const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${flatJson(item)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

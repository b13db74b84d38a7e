// Renders the options and headers tables of the webpubsub component from its generated catalog JSON into the
// docs, between marker comments, so the tables are never typed by hand. Run by the camel-webpubsub build
// (process-classes, after camel-package-maven-plugin). Usage: node render-component-tables.mjs catalog.json file...
import { readFileSync, writeFileSync } from 'node:fs';

const [catalogPath, ...files] = process.argv.slice(2);
const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));

const GROUP_ORDER = ['common', 'consumer', 'consumer (advanced)', 'producer', 'producer (advanced)', 'security', 'proxy',
  'advanced', 'health', 'filter'];

function groupRank(group) {
  const rank = GROUP_ORDER.indexOf(group);
  return rank < 0 ? GROUP_ORDER.length : rank;
}

function sorted(properties) {
  return Object.entries(properties)
    .map(([name, option]) => ({ name, ...option }))
    .sort((a, b) => (a.kind === 'path' ? -1 : 0) - (b.kind === 'path' ? -1 : 0)
      || groupRank(a.group) - groupRank(b.group) || a.index - b.index);
}

function typeOf(option) {
  const type = option.type === 'object' ? option.javaType.replace(/^.*\./, '') : option.type;
  return option.enum ? `${type} (${option.enum.join(', ')})` : type;
}

function optionRows(properties) {
  return sorted(properties).map((o) => ({
    name: o.name + (o.secret ? ' (secret)' : '') + (o.required ? ' (required)' : ''),
    group: o.kind === 'path' ? 'path' : o.group,
    description: o.description.replace(/\s+/g, ' '),
    defaultValue: o.defaultValue === undefined ? '' : String(o.defaultValue),
    type: typeOf(o),
  }));
}

function headerRows(headers) {
  return Object.entries(headers).map(([name, h]) => ({
    name,
    group: h.label || 'common',
    description: h.description.replace(/\s+/g, ' '),
    defaultValue: '',
    type: h.javaType,
  }));
}

const escapeMd = (text) => text.replace(/\|/g, '\\|');
const escapeAdoc = (text) => text.replace(/\|/g, '\\|');

function markdown(rows, headerTable) {
  const head = headerTable ? '| Header | Used by | Description | Type |\n| --- | --- | --- | --- |'
    : '| Option | Group | Description | Default | Type |\n| --- | --- | --- | --- | --- |';
  const body = rows.map((r) => headerTable
    ? `| \`${r.name}\` | ${r.group} | ${escapeMd(r.description)} | \`${r.type}\` |`
    : `| \`${r.name}\` | ${r.group} | ${escapeMd(r.description)} | ${r.defaultValue ? '`' + escapeMd(r.defaultValue) + '`' : ''} | \`${escapeMd(r.type)}\` |`);
  return [head, ...body].join('\n');
}

function asciidoc(rows, headerTable) {
  const cols = headerTable ? '[width="100%",cols="2,1,5,1",options="header"]' : '[width="100%",cols="2,1,5,1,1",options="header"]';
  const head = headerTable ? '| Header | Used by | Description | Type' : '| Option | Group | Description | Default | Type';
  const body = rows.map((r) => headerTable
    ? `| \`${r.name}\` | ${r.group} | ${escapeAdoc(r.description)} | ${r.type}`
    : `| \`${r.name}\` | ${r.group} | ${escapeAdoc(r.description)} | ${escapeAdoc(r.defaultValue)} | ${escapeAdoc(r.type)}`);
  return [cols, '|===', head, ...body, '|==='].join('\n');
}

const tables = {
  'component options': [optionRows(catalog.componentProperties), false],
  'endpoint options': [optionRows(catalog.properties), false],
  'component headers': [headerRows(catalog.headers), true],
};

for (const file of files) {
  const original = readFileSync(file, 'utf8');
  const adoc = file.endsWith('.adoc');
  let text = original;
  for (const [marker, [rows, headerTable]] of Object.entries(tables)) {
    const start = adoc ? `// ${marker}: START` : `<!-- ${marker}: START -->`;
    const end = adoc ? `// ${marker}: END` : `<!-- ${marker}: END -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < 0) {
      continue;
    }
    const table = adoc ? asciidoc(rows, headerTable) : markdown(rows, headerTable);
    text = text.slice(0, from + start.length) + '\n' + table + '\n' + text.slice(to);
  }
  if (text !== original) {
    writeFileSync(file, text);
    console.log(`Updated the generated tables in ${file}`);
  }
}

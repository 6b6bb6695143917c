// Prints the README code block that follows `<!-- smoke-test: NAME -->`, so the smoke tests
// build the user project from the README's own files. Usage: node readme-file.js README.md NAME
'use strict';
const fs = require('fs');
const [readme, name] = process.argv.slice(2);
const text = fs.readFileSync(readme, 'utf8');
const marker = `<!-- smoke-test: ${name} -->\n`;
const at = text.indexOf(marker);
if (at < 0) {
  console.error(`${readme}: no block marked '${marker.trim()}'`);
  process.exit(1);
}
const match = /^```[a-z]*\n([\s\S]*?)^```/m.exec(text.slice(at + marker.length));
if (!match) {
  console.error(`${readme}: no code block after '${marker.trim()}'`);
  process.exit(1);
}
process.stdout.write(match[1]);

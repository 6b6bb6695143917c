import * as fs from 'fs';
import * as path from 'path';
import { loadBudgets, parseBudget } from '../../report/load-budget';
import { budgetFile, synthVariant, tempDir } from './synth-examples';
import { errorOf } from './error-of';

const valid = () => JSON.parse(fs.readFileSync(budgetFile('examples', 'ercot-300'), 'utf8'));


describe('loading power budgets', () => {
  test('a cdktf output folder gives every site, sorted; a stack folder or a file gives one', () => {
    const out = synthVariant('examples');
    expect(loadBudgets(out).map((l) => [l.budget.site.name, path.relative(out, l.file)])).toEqual([
      ['ercot-300', 'stacks/ercot-300/power-budget.json'],
      ['nyiso-retrofit', 'stacks/nyiso-retrofit/power-budget.json'],
    ]);
    expect(loadBudgets(path.join(out, 'stacks', 'nyiso-retrofit')).map((l) => l.budget.site.name)).toEqual(['nyiso-retrofit']);
    expect(loadBudgets(budgetFile('examples', 'ercot-300')).map((l) => l.budget.site.name)).toEqual(['ercot-300']);
  });

  test('a file from before systemKind was added still reads', () => {
    const doc = valid();
    for (const h of doc.loads.gpuHalls) delete h.systemKind;
    expect(parseBudget('old.json', JSON.stringify(doc)).loads.gpuHalls[0].systemKind).toBeUndefined();
  });

  test('a file of another format', () => {
    expect(errorOf(() => parseBudget('x.json', '{"format": "terraform"}'))).toBe(
      'x.json: not a hybrid-campus power budget (format is "terraform", expected "hybrid-campus/power-budget")',
    );
    expect(errorOf(() => parseBudget('x.json', '[]'))).toBe('x.json: not a hybrid-campus power budget (format is missing, expected "hybrid-campus/power-budget")');
  });

  test('an older or malformed format version is not offered an upgrade', () => {
    expect(errorOf(() => parseBudget('x.json', JSON.stringify({ ...valid(), formatVersion: 0 })))).toBe(
      'x.json: formatVersion 0 is not supported (this campus understands 1, 2 and 3)',
    );
    expect(errorOf(() => parseBudget('x.json', JSON.stringify({ ...valid(), formatVersion: '1' })))).toBe(
      'x.json: formatVersion "1" is not supported (this campus understands 1, 2 and 3)',
    );
  });

  test('a field of the wrong type names its path', () => {
    const doc = valid();
    doc.buses[1].scenarios[0].headroomKw = 'lots';
    delete doc.site.name;
    expect(errorOf(() => parseBudget('x.json', JSON.stringify(doc)))).toBe(
      'x.json: invalid power budget (formatVersion 3): site.name: Invalid input: expected string, received undefined (and 1 more)',
    );
  });

  test('the same site twice in one folder', () => {
    const dir = tempDir();
    for (const name of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
      fs.copyFileSync(budgetFile('examples', 'ercot-300'), path.join(dir, 'stacks', name, 'power-budget.json'));
    }
    expect(errorOf(() => loadBudgets(dir))).toBe(
      `${dir}: site 'ercot-300' appears twice (${dir}/stacks/a/power-budget.json and ${dir}/stacks/b/power-budget.json)`,
    );
  });

  test('a power-budget.json that is a directory', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'power-budget.json'));
    expect(errorOf(() => loadBudgets(dir))).toBe(
      `${dir}/power-budget.json: is not a regular file (a directory); give a power-budget.json file or a cdktf output folder`,
    );
  });
});

/**
 * TXLL-4: a Large Load discloses on-site backup generation that can serve at least 50% of its
 * demand, with whether it can deploy that generation or curtail its load in an energy emergency
 * (ERCOT may direct either).
 *
 * SB 6 sets its duties for large loads, 75 MW or more, so the rule judges the states that are a
 * Large Load. Generation and demand are the load model's (site-figures.ts): the usable capacity
 * of the on-site generation feeds in service, in the aggregate, against the total site load in
 * normal operation; exactly 50% counts. Assumption: every `onsite-generation` feed's usable rating
 * counts, across the site, whatever bus it feeds. Reads the fact `gridFacts.backupGeneration`:
 * missing, the disclosure is not made, which is the breach itself. Any complete disclosure (both
 * answers true or false) complies, both false included: SB 6 requires the disclosure, and ERCOT
 * may direct either action.
 * An error, and not suppressible: the disclosure is a statutory duty, and it is declared in code
 * (the Campus prop), so the finding is always fixable without a suppression.
 */
import type { Rule } from '../rule';
import { formatMw, formatPercent } from '../../domain/units';
import { type MissingFact, finding, missingFacts, notAnObject, unusableBoolean } from './findings';
import { BACKUP_GENERATION_SHARE, atLeast, isLargeLoad, onsiteGenerationKw, siteDemandKw } from './site-figures';

export const TXLL_4: Rule = {
  id: 'TXLL-4',
  statement:
    "A Large Load with on-site backup generation that can serve 50% or more of its demand (every on-site generation feed's usable rating, across " +
    'the site) must disclose it, with whether the generation can be deployed or the load curtailed in an energy emergency.',
  source:
    'Texas SB 6 (2025), backup generation disclosure (https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00006F.htm; ' +
    'https://natlawreview.com/article/senate-bill-6-positions-texas-better-manage-large-electrical-loads-and-strengthen)',
  level: 'error',
  suppressible: false,
  check: ({ campus, timeline }) => {
    const problems = disclosureProblems(campus.gridFacts?.backupGeneration);
    if (problems.length === 0) return [];
    return timeline.states.flatMap((state) => {
      const budget = state.evaluation.budget;
      const demandKw = siteDemandKw(budget);
      const generationKw = onsiteGenerationKw(budget);
      if (!isLargeLoad(budget) || !atLeast(generationKw, BACKUP_GENERATION_SHARE * demandKw)) return [];
      return [
        finding(
          campus,
          state,
          `on-site generation ${formatMw(generationKw)} can serve ${formatPercent(generationKw / demandKw)} of site demand ${formatMw(demandKw)} ` +
            `(at least 50%): SB 6 requires disclosing it to ERCOT, with whether it can be deployed or the load curtailed in an energy emergency, but ` +
            missingFacts(problems),
        ),
      ];
    });
  },
};

/**
 * What keeps the disclosure from being complete: none when both answers are booleans (whatever
 * they are: SB 6 asks for the disclosure, and ERCOT may direct either action), else the missing
 * or unusable facts (a hand-built model: a string for a boolean is named with its value).
 */
function disclosureProblems(value: unknown): MissingFact[] {
  if (value === undefined) return [{ fact: 'backupGeneration', example: '{ deployableInEmergency, curtailableInEmergency }' }];
  const shape = notAnObject('backupGeneration', value, '{ deployableInEmergency, curtailableInEmergency }');
  if (shape) return [shape];
  const fields = value as Record<string, unknown>;
  return [
    unusableBoolean('backupGeneration.deployableInEmergency', fields.deployableInEmergency, 'true or false: whether the site can run its backup generation when ERCOT directs it'),
    unusableBoolean('backupGeneration.curtailableInEmergency', fields.curtailableInEmergency, 'true or false: whether the site can curtail its load when ERCOT directs it'),
  ].filter((f): f is MissingFact => f !== undefined);
}

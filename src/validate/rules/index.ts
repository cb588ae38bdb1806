/**
 * Every business rule, in one list: adding a rule is one line here.
 */
import { adoptedRule } from './adopted.ts';
import { attendanceRule } from './attendance.ts';
import { ballotRequestRule } from './ballot-request.ts';
import { charactersRule } from './characters.ts';
import type { Rule } from './context.ts';
import { conventionRule } from './conventions.ts';
import { datesRule } from './dates.ts';
import { departementsRule } from './departements.ts';
import { dispositifRule } from './dispositif.ts';
import { filesRule } from './files.ts';
import { fontsRule } from './fonts.ts';
import { formulesRule } from './formules.ts';
import { membersRule } from './members.ts';
import { noPointsRule } from './no-points.ts';
import { recordRule } from './record.ts';
import { richTextRule } from './rich-text.ts';
import { siretRule } from './siret.ts';
import { textsRule } from './texts.ts';
import { uniquenessRule } from './uniqueness.ts';
import { voteRule } from './votes.ts';

/** The business rules JSON Schema cannot express. */
export const RULES: readonly Rule[] = [
  uniquenessRule,
  noPointsRule,
  membersRule,
  attendanceRule,
  voteRule,
  adoptedRule,
  dispositifRule,
  departementsRule,
  recordRule,
  ballotRequestRule,
  datesRule,
  conventionRule,
  filesRule,
  fontsRule,
  textsRule,
  richTextRule,
  charactersRule,
  siretRule,
  formulesRule,
];

export type { CleanPoint, Rule, RuleContext } from './context.ts';

// Writes schema/seance.schema.json from the TypeBox definitions (src/schema/seance.ts).
import { writeFileSync } from 'node:fs';
import { seanceSchemaJson } from '../src/schema/json.ts';

const target = new URL('../schema/seance.schema.json', import.meta.url);
writeFileSync(target, seanceSchemaJson());
console.log(`Schéma écrit : ${target.pathname}`);
